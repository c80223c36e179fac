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

export default defineConfig({
  plugins: [workflowParserWithoutSourceMaps],
  test: {
    // Each test file in a child process of its own (vitest's forks). Worker threads measured slower
    // here (125 s against 114 s for the suite), and a crash on one of them ends every test file.
    pool: "forks",
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
