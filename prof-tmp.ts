import { generateCorpus } from "./scripts/bench/generate-corpus.ts";
import { timeStages } from "./scripts/bench/stages.ts";
import { rmSync } from "node:fs";
rmSync("/work/prof/src", { recursive: true, force: true });
rmSync("/work/prof/out", { recursive: true, force: true });
generateCorpus("/work/prof/src", 500);
const t = timeStages("/work/prof/src", "/work/prof/out");
for (const [k, v] of t.ms) console.log(k.padEnd(45), (v / 500).toFixed(3), "ms/article");
