// The CI workflow that builds the downloadable bundle: valid for two independent validators
// (action-validator, with SchemaStore's workflow schema; GitHub's own workflow parser), and doing
// what the README promises: Node 20 with the npm cache, the README's test command, `make export`,
// dist/ uploaded as a named artifact that fails when empty, and no make target that does not exist.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const WORKFLOW_PATH = ".github/workflows/export.yml";
const source = readFileSync(join(ROOT, WORKFLOW_PATH), "utf8");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  "working-directory"?: string;
}
const workflow = parse(source) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepIndex = (test: (step: Step) => boolean) => steps.findIndex(test);

/** Both validators' complaints about a workflow text, as lines. */
async function problems(text: string): Promise<string[]> {
  const found = validateWorkflow(text).errors.map((e) => `action-validator: ${e.title}${"detail" in e && e.detail ? `: ${e.detail}` : ""}`);
  const parsed = parseWorkflow({ name: WORKFLOW_PATH, content: text }, new NoOperationTraceWriter());
  found.push(...parsed.context.errors.getErrors().map((e) => `workflow-parser: ${e.message}`));
  if (parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    found.push(...(template.errors ?? []).map((e) => `workflow-parser: ${e.Message}`));
  }
  return found;
}

describe(`the CI workflow (${WORKFLOW_PATH})`, () => {
  it("is valid for action-validator and GitHub's workflow parser", async () => {
    expect(await problems(source)).toEqual([]);
  });

  it("is rejected by both validators when broken (so the check above can fail)", async () => {
    const found = await problems(source.replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"));
    expect(found.some((p) => p.startsWith("action-validator:"))).toBe(true);
    expect(found.some((p) => p.startsWith("workflow-parser:"))).toBe(true);
  });

  it("runs on push, pull request and manual dispatch", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "workflow_dispatch"]);
  });

  it("sets up Node 20 with the npm cache", () => {
    const setup = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with).toMatchObject({ "node-version": 20, cache: "npm" });
  });

  it("runs the README's test command, then make export, then uploads dist/ as a named artifact", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const testCommand = /^(make test)\b.*# .*runs every test/m.exec(readme)?.[1];
    expect(testCommand).toBe("make test");
    const test = stepIndex((s) => s.run?.trim() === testCommand);
    const exported = stepIndex((s) => s.run?.trim() === "make export");
    const upload = stepIndex((s) => s.uses?.startsWith("actions/upload-artifact@") === true);
    expect(test).toBeGreaterThanOrEqual(0);
    expect(exported).toBeGreaterThan(test);
    expect(upload).toBeGreaterThan(exported);
    const inputs = steps[upload]!.with!;
    expect(inputs.path).toBe("dist/");
    expect(inputs["if-no-files-found"]).toBe("error");
    expect(inputs.name).toMatch(/^[\w.-]+$/);
  });

  it("verifies the checksums before uploading", () => {
    const verify = stepIndex((s) => s.run?.trim() === "sha256sum -c SHA256SUMS" && s["working-directory"] === "dist");
    expect(verify).toBeGreaterThan(stepIndex((s) => s.run?.trim() === "make export"));
  });

  it("uses only make targets the Makefile has", () => {
    const makefile = readFileSync(join(ROOT, "Makefile"), "utf8");
    const targets = new Set([...makefile.matchAll(/^([a-z][\w-]*):(?!=)/gm)].map((m) => m[1]!));
    const used = steps.flatMap((s) => [...(s.run ?? "").matchAll(/\bmake\s+([a-z][\w-]*)/g)].map((m) => m[1]!));
    expect(used.sort()).toEqual(["export", "test"]);
    for (const target of used) expect(targets).toContain(target);
  });
});
