// A test-only hook: with EXPORT_TEST_PAUSE_AT=<step> (or <step>:<milliseconds>) in the environment,
// the export says "paused at <step>" on stderr and waits there, so a test can kill it at that exact
// point, or start a second export while the first holds the lock. Without the variable it does nothing.

export type PauseStep = "locked" | "staging-file" | "staged" | "moved-aside" | "swapped";

export function pauseAt(step: PauseStep): void {
  const wanted = process.env.EXPORT_TEST_PAUSE_AT;
  if (!wanted) return;
  const [name, ms] = wanted.split(":");
  if (name !== step) return;
  process.stderr.write(`paused at ${step}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms === undefined ? 60_000 : Number(ms));
}
