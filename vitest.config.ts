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

/**
 * Test files that still run each in a process of its own (see "projects" below): the descriptors
 * test counts the open files of its process, which nothing of another file may share.
 */
const ISOLATED = ["tests/export-descriptors.test.ts"];

export default defineConfig({
  plugins: [workflowParserWithoutSourceMaps],
  test: {
    // Test files in child processes (vitest's forks). Worker threads measured slower here (125 s
    // against 114 s for the suite), and a crash on one of them ends every test file.
    pool: "forks",
    // The run's temporary files in one folder, removed when it ends (tests/temp-root.ts).
    globalSetup: ["tests/temp-root.ts"],
    testTimeout: 60_000,
    // Two test files at a time on a two-core machine (vitest's default leaves one core free): most
    // of the tests wait on the command line in a child process, so the second core is not idle.
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 60_000,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node's
    // own loader refuses; bundled by vite it loads.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
    // The test files follow one another in the same two processes ("shared", isolate: false), which
    // load the pipeline, the vocabulary, the schemas and the test libraries once, not once per file:
    // a process of its own per file cost each of the ~60 files 0.5-1.5 s of starting and loading
    // (35-40 s of each process's time in a run of the suite). The pipeline keeps no state from one
    // call to the next (its settings are arguments), so sharing its modules is safe; `vitest run
    // --sequence.shuffle.files` runs the files in another order, to show none depends on another.
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["tests/**/*.test.ts"],
          exclude: ISOLATED,
          isolate: false,
          setupFiles: ["tests/temp-dirs.ts"],
        },
      },
      // After the others (a later group): a process that ran "shared" files is kept for the next
      // one only when that one is also "shared".
      { extends: true, test: { name: "isolated", include: ISOLATED, setupFiles: ["tests/temp-dirs.ts"], sequence: { groupOrder: 1 } } },
    ],
  },
});
