// Runs the export command line as a child process that a test can watch and kill midway.

import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, ifexSources, ifexYaml, ROOT } from "./helpers.ts";
import { corpusSettingsOf } from "./ifex.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { withDataPackage } from "../scripts/datapackage/write.ts";
import { packageInput, pipelineInfo } from "./reference/in-memory-package.ts";
import { exportInMemory } from "./reference/pipeline.ts";
import { exportBundle } from "./script-bundle.ts";

const TSX = import.meta.resolve("tsx");

export interface RunningExport {
  child: ChildProcess;
  /** Resolves when stderr has said `text`. */
  said(text: string): Promise<void>;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** The export command line, prebuilt as `make export` runs it (tests/script-bundle.ts), or with `tsx` the TypeScript through tsx. */
export function startExport(args: string[], env: NodeJS.ProcessEnv = {}, options: { tsx?: boolean } = {}): RunningExport {
  const command = options.tsx ? ["--import", TSX, CLI] : [exportBundle()];
  const child = spawn(process.execPath, [...command, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiting: { text: string; resolve: () => void }[] = [];
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
    for (const w of waiting.filter((w) => stderr.includes(w.text))) w.resolve();
  });
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return {
    child,
    said: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiting.push({ text, resolve });
        void done.then(() => (stderr.includes(text) ? resolve() : reject(new Error(`the export ended without saying ${JSON.stringify(text)}: ${stderr}`))));
      }),
    done,
  };
}

/** A copy of IFEX's source whose article title is changed, so its export differs from IFEX's (ifexDist). */
export function sourcesTitled(title: string): { dir: string; files: Map<string, string> } {
  const dir = ifexSources();
  const text = ifexYaml().replace("  title: IFEX (organization)\n", `  title: ${title}\n`);
  if (!text.includes(title)) throw new Error("the title line of tests/fixtures/ifex/ifex.yaml moved");
  writeFileSync(join(dir, "ifex.yaml"), text);
  const sources = [{ file: "ifex.yaml", text }];
  const result = exportInMemory(sources, FORMATS, corpusSettingsOf(dir));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  // What the command line writes: the artifacts and the files describing them.
  const files = new Map<string, string>();
  for (const [name, content] of withDataPackage(packageInput(result.articles, sources, { pipeline: pipelineInfo() }))) files.set(name, Buffer.from(content).toString("base64"));
  return { dir, files };
}
