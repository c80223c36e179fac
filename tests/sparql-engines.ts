// The SPARQL stores people use, for the documentation's queries: Oxigraph (embedded, from npm),
// Apache Jena's ARQ (Debian's libapache-jena-java, through ../shared/tools/jena, which mends Debian's
// package) and Python's rdflib (Debian's python3-rdflib). Each runs SELECT queries over Turtle files
// and gives SPARQL 1.1 JSON results. A store that is not installed is not installed by the tests
// (they never touch the network): its tests are skipped, and say why; `.ci/run` installs both.

import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { select, storeOf, type SelectResults } from "./corpus-checks.ts";
import { ROOT, tempDir } from "./helpers.ts";

export interface Engine {
  name: string;
  /** Why the store cannot run here, or undefined when it can. */
  missing: string | undefined;
  /** Each query's results over the union of the files, in order. */
  selectAll(files: readonly string[], queries: readonly string[]): SelectResults[];
}

export const oxigraphEngine: Engine = {
  name: "Oxigraph",
  missing: undefined,
  selectAll(files, queries) {
    const store = storeOf(files);
    return queries.map((query) => select(store, query));
  },
};

/** The wrapper that runs Debian's Jena (../shared/tools/jena), and the jar it runs. */
const JENA = resolve(ROOT, "../shared/tools/jena");
const JENA_JAR = "/usr/share/java/jena-core.jar";

/** The Java modules installed (`java --list-modules`), or undefined when Java does not run. */
function javaModules(): string | undefined {
  const run = spawnSync("java", ["--list-modules"], { encoding: "utf8" });
  return run.status === 0 ? run.stdout : undefined;
}

const modules = existsSync(JENA) && existsSync(JENA_JAR) ? javaModules() : undefined;

/** Why Jena cannot run here: the wrapper installs it when missing, which a test must not do. */
function jenaMissing(): string | undefined {
  if (!existsSync(JENA)) return `${JENA} is missing (CI and a checkout beside shared/ have it)`;
  if (modules === undefined) return `Debian's Jena is not installed (${JENA_JAR}, java): run ${JENA} once, or apt-get install libapache-jena-java default-jre-headless`;
  return undefined;
}

/** Every query in one Java process (tests/jena-select.java), which Java's source-file mode runs when it has a compiler (a JDK). */
const JENA_SELECT = join(ROOT, "tests/jena-select.java");
const oneProcess = modules !== undefined && /^jdk\.compiler@/m.test(modules);

/** C1 only and the serial collector: a query over a few files ends before C2 or a parallel collector pays for itself (some 40 % less CPU a run). */
const JAVA_ENV = { ...process.env, JAVA_TOOL_OPTIONS: "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" };

export const jenaEngine: Engine = {
  name: "Apache Jena (ARQ)",
  missing: jenaMissing(),
  selectAll(files, queries) {
    const dir = tempDir("jena-query-");
    const queryFiles = queries.map((query, i) => {
      const file = join(dir, `${i}.rq`);
      writeFileSync(file, query);
      return file;
    });
    if (oneProcess) {
      const run = spawnSync(JENA, [JENA_SELECT, ...files, "--", ...queryFiles], { encoding: "utf8", env: JAVA_ENV, maxBuffer: 1 << 26 });
      if (run.status !== 0) throw new Error(`jena-select.java failed (${run.status}):\n${run.stderr}`);
      return JSON.parse(run.stdout) as SelectResults[];
    }
    // Without a JDK: ARQ's command line, one Java process per query (it takes one).
    return queryFiles.map((file, i) => {
      const run = spawnSync(JENA, ["arq", ...files.flatMap((f) => ["--data", f]), "--query", file, "--results=json"], { encoding: "utf8", env: JAVA_ENV });
      if (run.status !== 0) throw new Error(`jena arq failed (${run.status}) on\n${queries[i]}\n${run.stderr}`);
      return JSON.parse(run.stdout) as SelectResults;
    });
  },
};

const RDFLIB_SELECT = join(ROOT, "tests/rdflib-select.py");

/** A Python that imports rdflib: RDFLIB_PYTHON, or python3 on the PATH, or Debian's own (python3-rdflib installs there). */
function rdflibPython(): string | undefined {
  const candidates = [process.env.RDFLIB_PYTHON, "python3", "/usr/bin/python3"].filter((p): p is string => p !== undefined && p !== "");
  return candidates.find((python) => spawnSync(python, ["-c", "import rdflib"]).status === 0);
}

const python = rdflibPython();

export const rdflibEngine: Engine = {
  name: "Python rdflib",
  missing: python === undefined ? "no python3 imports rdflib: apt-get install python3-rdflib (or set RDFLIB_PYTHON)" : undefined,
  selectAll(files, queries) {
    const run = spawnSync(python!, [RDFLIB_SELECT], { input: JSON.stringify({ files, queries }), encoding: "utf8" });
    if (run.status !== 0) throw new Error(`rdflib failed (${run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout) as SelectResults[];
  },
};

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

/**
 * The rows of a result as comparable text, one line per row: each selected variable's term, its
 * kind, value, datatype and language (a plain literal and an xsd:string one are the same term in
 * RDF 1.1, which stores write either way). Rows keep their order when the query orders them. An
 * ASK query's answer is one line, its boolean.
 */
export function resultRows(results: SelectResults, ordered: boolean): string[] {
  // An ASK query's answer.
  const { boolean } = results as { boolean?: boolean };
  if (boolean !== undefined) return [`boolean ${boolean}`];
  const rows = results.results.bindings.map((row) =>
    results.head.vars
      .map((name) => {
        const term = row[name] as ({ type: string; value: string; datatype?: string; "xml:lang"?: string } | undefined);
        if (term === undefined) return `?${name} unbound`;
        const type = term.type === "typed-literal" ? "literal" : term.type;
        const datatype = term.datatype === XSD_STRING ? "" : (term.datatype ?? "");
        return `?${name} ${type} ${JSON.stringify(term.value)} ${datatype} ${term["xml:lang"]?.toLowerCase() ?? ""}`.trimEnd();
      })
      .join(" | "),
  );
  return ordered ? rows : rows.sort();
}
