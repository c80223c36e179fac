// The 5 % rule (issue 28): each hand-written part against the library it stands in for, as users
// would run either one. Each contender (contenders.ts) is bundled alone by esbuild with the prebuilt
// command line's settings, the libraries inside the bundle, and run in fresh processes that load it
// with V8's code cache, as lib/prebuilt-bundle.ts's loader does (a first, untimed round makes the caches).
// Each process times the load, the first call on IFEX (what exporting one article pays, compiling
// included), then CPU per article over 1,000 copies of IFEX (what a large corpus pays per article).
// Contenders take turns, process by process, so a shared host's slow minutes hit them alike.

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serialize } from "node:v8";
import { createRequire } from "node:module";
import { projectPath } from "../lib/project-path.ts";
import type { PartInput } from "./contenders.ts";

export interface Timing {
  /** Wall ms to load the bundle, with its code cache. */
  load: number;
  /** Wall ms of the first call, on IFEX. */
  first: number;
  /** CPU ms per article over the copies. */
  perArticle: number;
}

export interface Part {
  part: string;
  /** Files under scripts/ whose lines are the part. */
  sources: string[];
  /** The functions of contenders.ts: the part's, and each library's with its name. */
  hand: string;
  libraries: { label: string; name: string }[];
}

const version = (name: string) => (createRequire(projectPath("package.json"))(`${name}/package.json`) as { version: string }).version;
const by = (label: string, name: string) => ({ label, name });

export const PARTS: Part[] = [
  { part: "YAML fast path", sources: ["read/fast-yaml.ts", "read/fast-yaml-precheck.ts", "read/core-scalars.ts"], hand: "yamlFast", libraries: [by(`yaml ${version("yaml")}, with positions`, "yamlLibrary")] },
  { part: "compiled schema", sources: ["validate/compiled-schema.ts", "validate/inline-defs.ts"], hand: "schemaCompiled", libraries: [by(`ajv ${version("ajv")} compiling in each process`, "schemaAjv")] },
  { part: "Turtle writer", sources: ["writers/turtle.ts"], hand: "turtleHand", libraries: [by(`N3.js ${version("n3")} N3.Writer`, "turtleN3")] },
  { part: "N-Triples writer", sources: ["writers/ntriples.ts"], hand: "ntriplesHand", libraries: [by(`N3.js ${version("n3")} N3.Writer, lines sorted`, "ntriplesN3")] },
  { part: "JSON-LD writer", sources: ["writers/jsonld.ts", "graph/schemaorg-context.ts"], hand: "jsonldHand", libraries: [by(`jsonld.js ${version("jsonld")} fromRDF + compact`, "jsonldJs")] },
  { part: "workbook and zip writer", sources: ["lib/xlsx-workbook.ts", "lib/zip.ts", "writers/xlsx.ts"], hand: "xlsxHand", libraries: [by(`SheetJS ${version("xlsx")}`, "xlsxSheetJs"), by(`the same XML zipped by fflate ${version("fflate")}`, "xlsxFflate")] },
];

/** The child: loads a bundle as the prebuilt loader does, then times it (plain JavaScript, written beside the bundles). */
const RUNNER = `const { readFileSync, writeFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { Script } = require("node:vm");
const { deserialize } = require("node:v8");
const [bundle, inputs] = process.argv.slice(2);
const copy = (v, to) => typeof v === "string" ? v.replaceAll("ifex", to) : Array.isArray(v) ? v.map((x) => copy(x, to)) : v instanceof Map ? new Map([...v].map(([k, x]) => [copy(k, to), copy(x, to)])) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x, to)])) : v;
(async () => {
  let cachedData;
  try { cachedData = readFileSync(bundle + ".v8"); } catch {}
  let started = performance.now();
  const script = new Script(wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
  const module_ = { exports: {} };
  script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, __dirname);
  const load = performance.now() - started;
  const { input, copies } = deserialize(readFileSync(inputs));
  started = performance.now();
  await module_.exports.run(input);
  const first = performance.now() - started;
  if (cachedData === undefined) writeFileSync(bundle + ".v8", script.createCachedData());
  const many = Array.from({ length: copies }, (_, n) => copy(input, "ifex-" + String(n).padStart(4, "0")));
  // A slow library's figure from fewer copies: at most some 4 s of CPU per process.
  const cpu = process.cpuUsage();
  let done = 0;
  for (const one of many) {
    await module_.exports.run(one);
    if (++done % 25 === 0 && process.cpuUsage(cpu).user > 4e6) break;
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ load, first, perArticle: (used.user + used.system) / 1000 / done }));
})();
`;

/**
 * Bundles one contender as lib/prebuilt-bundle.ts bundles the command line, its libraries inside, and
 * nothing else: every module is taken as free of side effects, so the bundle holds what the
 * contender's function reaches and no module of the others.
 */
async function bundle(dir: string, name: string): Promise<string> {
  const esbuild = await import("esbuild");
  const outfile = join(dir, `${name}.cjs`);
  const alone: import("esbuild").Plugin = {
    name: "alone",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async ({ path, kind, resolveDir, pluginData }) => {
        if (pluginData === "alone") return undefined;
        return { ...(await build.resolve(path, { kind, resolveDir, pluginData: "alone" })), sideEffects: false };
      });
    },
  };
  await esbuild.build({
    stdin: { contents: `export { ${name} as run } from ${JSON.stringify(projectPath("scripts/bench/contenders.ts"))};`, resolveDir: projectPath("."), loader: "ts" },
    bundle: true, platform: "node", format: "cjs", target: "node20", keepNames: true, logLevel: "error", outfile,
    define: { "import.meta.url": JSON.stringify(pathToFileURL(projectPath("scripts/cli/main.ts")).href) },
    plugins: [alone],
  });
  return outfile;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/**
 * Every part's contenders timed: `runs` processes each, in turns, medians. `input` is IFEX's; the
 * children make `copies` copies of it under other slugs.
 */
export async function timeParts(scratch: string, input: PartInput, { runs = 3, copies = 1000 }: { runs?: number; copies?: number }): Promise<Map<string, Timing>> {
  mkdirSync(scratch, { recursive: true });
  const contenders = PARTS.flatMap((p) => [p.hand, ...p.libraries.map((l) => l.name)]);
  writeFileSync(join(scratch, "runner.cjs"), RUNNER);
  writeFileSync(join(scratch, "input.v8"), serialize({ input, copies }));
  const bundles = new Map<string, string>();
  for (const name of contenders) bundles.set(name, await bundle(scratch, name));
  await (await import("esbuild")).stop();
  const timings = new Map<string, Timing[]>();
  for (let run = -1; run < runs; run++) {
    for (const name of contenders) {
      const child = spawnSync(process.execPath, [join(scratch, "runner.cjs"), bundles.get(name)!, join(scratch, "input.v8")], { encoding: "utf8", cwd: projectPath("."), maxBuffer: 1 << 24 });
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
      // The first round makes the code caches (and the schema's): not counted.
      if (run >= 0) timings.set(name, [...(timings.get(name) ?? []), JSON.parse(child.stdout) as Timing]);
    }
  }
  return new Map([...timings].map(([name, list]) => [name, { load: median(list.map((t) => t.load)), first: median(list.map((t) => t.first)), perArticle: median(list.map((t) => t.perArticle)) }]));
}

/** Lines of a part's sources, as `wc -l` counts them. */
export function linesOf(part: Part): number {
  return part.sources.reduce((lines, file) => lines + readFileSync(projectPath(`scripts/${file}`), "utf8").split("\n").length - 1, 0);
}
