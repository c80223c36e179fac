import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** GitHub's workflow parser ships source-map comments naming files it does not ship: drop them, not warn. */
const WORKFLOW_PARSER = "/node_modules/@actions/workflow-parser/";
const workflowParserWithoutSourceMaps = {
  name: "workflow-parser-without-source-maps",
  load(id: string) {
    if (!id.includes(WORKFLOW_PARSER) || !id.endsWith(".js")) return null;
    return readFileSync(id, "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, "");
  },
};

/** Test files that count their process's open file descriptors. */
const OWN_PROCESS = ["tests/export-descriptors.test.ts"];

export default defineConfig({
  plugins: [workflowParserWithoutSourceMaps],
  test: {
    // Each test file on a worker thread (starting one costs less than a child process: some 0.2 s a
    // file over 62 files), but those that watch their own process's resources, which another test
    // file on another thread of the same process would disturb: they keep a child process each.
    projects: [
      { extends: true, test: { name: "threads", pool: "threads", include: ["tests/**/*.test.ts"], exclude: OWN_PROCESS } },
      { extends: true, test: { name: "forks", pool: "forks", include: OWN_PROCESS } },
    ],
    testTimeout: 60_000,
    // Two test files at a time on a two-core machine (vitest's default leaves one core free): most
    // of the tests wait on the command line in a child process, so the second core is not idle.
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 60_000,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node's
    // own loader refuses; bundled by vite it loads.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
