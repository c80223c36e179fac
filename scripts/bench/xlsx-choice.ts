// Why the workbook (<slug>.xlsx) is written by hand rather than with ExcelJS: what loading ExcelJS
// would add to `make export` of one article, against the export's own time with and without the
// workbook, and the CPU time of the workbook's writer per article, beside the CSV's.
//
//   node --import tsx scripts/bench/xlsx-choice.ts [--exceljs DIR] [--runs 9] [--write]
//
// ExcelJS is not a dependency: give the folder of an install of it (`npm install --prefix DIR
// exceljs@4.4.0`), or its line is left out. --write puts the figures into BENCHMARKS.md between
// the markers <!-- xlsx-choice --> and <!-- /xlsx-choice --> (npm run bench keeps that block).

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { exportInMemory } from "../../tests/reference/pipeline.ts";
import { writeCsv } from "../writers/csv.ts";
import { writeXlsx, xlsxTables } from "../writers/xlsx.ts";
import { FORMATS } from "../writers/formats.ts";
import { machine as hostMachine } from "./machine.ts";
import { keptBlock, writeKeptBlock } from "./kept-block.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const { values } = parseArgs({ options: { exceljs: { type: "string" }, runs: { type: "string", default: "9" }, write: { type: "boolean", default: false } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall milliseconds of a child process, the median of `runs`. */
function wall(args: string[], cwd = ROOT): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd, stdio: "ignore" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const bare = wall(["-e", "0"]);
const excelJsDir = values.exceljs;
const excelJs = excelJsDir && existsSync(join(excelJsDir, "node_modules", "exceljs")) ? wall(["-e", "require('exceljs')"], excelJsDir) - bare : undefined;

const out = mkdtempSync(join(tmpdir(), "xlsx-choice-"));
const exportWall = (formats: readonly string[]) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(join(out, "dist"), { recursive: true, force: true });
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, ["--import", "tsx", "scripts/cli/export.ts", "--source", "source", "--out", join(out, "dist"), "--formats", formats.join(",")], { cwd: ROOT, stdio: "ignore", env: { ...process.env, XDG_CACHE_HOME: out } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
};
const withXlsx = exportWall(FORMATS);
const withoutXlsx = exportWall(FORMATS.filter((f) => f !== "xlsx"));
rmSync(out, { recursive: true, force: true });

const source = readFileSync(join(ROOT, "source/ifex.yaml"), "utf8");
const result = exportInMemory([{ file: "source/ifex.yaml", text: source }], []);
if (!result.ok) throw new Error("source/ifex.yaml does not export");
const { model, graph } = result.articles[0]!;
const cpu = (f: () => unknown, n = 200) => {
  for (let i = 0; i < 20; i++) f();
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
};
const xlsxCpu = cpu(() => writeXlsx(model, xlsxTables(model, graph)));
const csvCpu = cpu(() => writeCsv(graph));

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const host = hostMachine();
const machine = `${host.cpu}, ${host.cores} cores, ${host.memoryGb.toFixed(1)} GB, Node.js ${host.node}`;
const lines = [
  "## The workbook's writer (`scripts/bench/xlsx-choice.ts`)",
  "",
  `Measured ${new Date().toISOString().slice(0, 16)}Z on ${machine}; medians of ${runs} runs. The host was shared with other work while this ran: compare the figures with each other, not with other tables.`,
  "",
  "| what | time |",
  "| --- | --- |",
  `| \`make export\` of source/ (IFEX), every format, Node's start-up included (wall) | ${ms(withXlsx)} |`,
  `| the same without the workbook (\`--formats\` all but xlsx) | ${ms(withoutXlsx)} |`,
  ...(excelJs !== undefined ? [`| loading ExcelJS 4.4.0 alone (\`require('exceljs')\`, wall, beyond Node's start-up) | ${ms(excelJs)} |`] : []),
  `| the workbook's writer, CPU per article (IFEX: 6 sheets, ~4,000 cells) | ${ms(xlsxCpu)} |`,
  `| the CSV's writer, CPU per article, for scale | ${ms(csvCpu)} |`,
  "",
  "The export of one article has a budget of 0.25 s (issue 16), 5 % of which is 12.5 ms." +
    (excelJs !== undefined ? ` Loading ExcelJS alone takes ${ms(excelJs)}, ${((excelJs / 250) * 100).toFixed(0)} % of the budget, and the export writes a workbook every time,` : " ExcelJS loads dozens of modules (archiver, jszip, unzipper, saxes, …), and the export writes a workbook every time,") +
    " so loading it only when writing a workbook would save nothing: the workbook is written by hand (scripts/lib/xlsx-workbook.ts) and zipped with Node's own zlib (scripts/lib/zip.ts), which needs no module to load; JavaScript deflate (fflate) took three times zlib's time on the same sheets.",
];
console.log(keptBlock("xlsx-choice", lines));
if (values.write) writeKeptBlock(join(ROOT, "BENCHMARKS.md"), "xlsx-choice", lines);
