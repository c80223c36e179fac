// The lock beside the output folder, and the refusal of output folders whose replacement would destroy data.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lock, lockPath, LockTimeoutError } from "../scripts/publish/lock.ts";
import { unsafeOutDir } from "../scripts/publish/out-guard.ts";
import { StagedDist } from "../scripts/publish/staged-dist.ts";
import { writeStagedFile } from "../scripts/publish/stage-file.ts";
import { ROOT, tempDir } from "./helpers.ts";

/** Where the system's \`rm\` is. */
function realRm(): string {
  return spawnSync("sh", ["-c", "command -v rm"], { encoding: "utf8" }).stdout.trim();
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the lock", () => {
  it("is created whole, holds the owner's pid, and is removed on release", () => {
    const out = join(tempDir("lock-"), "dist");
    const release = lock(out);
    expect(readFileSync(lockPath(out), "utf8")).toMatch(new RegExp(`^${process.pid} [0-9a-f]{16}\\n$`));
    release();
    expect(readdirSync(join(out, ".."))).toEqual([]);
  });

  it("makes a second taker wait, and gives up with a clear error", () => {
    const out = join(tempDir("lock-"), "dist");
    const release = lock(out);
    expect(() => lock(out, 100)).toThrow(LockTimeoutError);
    expect(() => lock(out, 100)).toThrow(/held by process \d+: another export is running/);
    release();
    lock(out, 100)();
  });

  it("takes over the lock of a killed export", () => {
    const out = join(tempDir("lock-"), "dist");
    writeFileSync(lockPath(out), `${deadPid()} 0123456789abcdef\n`);
    const release = lock(out, 1000);
    expect(readFileSync(lockPath(out), "utf8").startsWith(`${process.pid} `)).toBe(true);
    release();
  });

  it("does not remove a lock that another export took over meanwhile", () => {
    const out = join(tempDir("lock-"), "dist");
    const release = lock(out);
    writeFileSync(lockPath(out), "1 someone-else\n");
    release();
    expect(readFileSync(lockPath(out), "utf8")).toBe("1 someone-else\n");
  });
});

describe("the staging folder", () => {
  it("refuses artifact names that would land outside the folder or clash with its staging folders", () => {
    const dir = tempDir("names-");
    for (const name of ["../escape.csv", "a/b.csv", ".dist.old-1", "", "..", "x\\y"]) {
      expect(() => writeStagedFile(dir, name, "x")).toThrow(/refusing to write an artifact named/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes each file once, with its size and SHA-256, and swaps in exactly the files written", async () => {
    const out = join(tempDir("replace-"), "dist");
    const first = new StagedDist(out);
    first.begin();
    expect(writeStagedFile(first.staging, "a.csv", ["\uFEFFx,", "y\r\n"])).toEqual({ bytes: 8, sha256: createHash("sha256").update("\uFEFFx,y\r\n").digest("hex") });
    writeStagedFile(first.staging, "b.ttl", "é\n");
    expect(() => writeStagedFile(first.staging, "b.ttl", "again")).toThrow(/EEXIST/);
    await first.commit();
    first.close();
    expect(readdirSync(out).sort()).toEqual(["a.csv", "b.ttl"]);
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("\uFEFFx,y\r\n");
    expect(readdirSync(join(out, ".."))).toEqual(["dist"]);

    // A file kept from the previous output is the same file (a hard link), not a copy.
    const second = new StagedDist(out);
    second.begin();
    second.reuse("a.csv");
    expect(statSync(join(second.staging, "a.csv")).ino).toBe(statSync(join(out, "a.csv")).ino);
    expect(second.holdsExactly(new Set(["a.csv"]))).toBe(true);
    expect(second.holdsExactly(new Set(["a.csv", "b.ttl"]))).toBe(false);
    await second.commit();
    second.close();
    expect(readdirSync(out)).toEqual(["a.csv"]);
    expect(readdirSync(join(out, ".."))).toEqual(["dist"]);
  });

  it("removes a large previous output in a process of its own, and the next export removes a trash folder left behind", async () => {
    const parent = tempDir("trash-");
    const out = join(parent, "dist");
    mkdirSync(out);
    for (let i = 0; i < 5; i++) writeFileSync(join(out, `old-${i}.csv`), "old");
    // More than 2 files: in the background.
    const staged = new StagedDist(out, 2);
    staged.begin();
    for (let i = 0; i < 3; i++) writeStagedFile(staged.staging, `new-${i}.csv`, "new");
    expect(staged.holdsExactly(new Set(["new-0.csv", "new-1.csv", "new-2.csv"]))).toBe(true);
    // The \`rm\` found first on PATH waits a second before it removes anything, so that the trash
    // folder is surely still there when the swap returns (a real \`rm\` of five files may be done by then).
    const bin = tempDir("slow-rm-");
    writeFileSync(join(bin, "rm"), `#!/bin/sh\nsleep 1\nexec ${JSON.stringify(realRm())} "$@"\n`, { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      await staged.commit();
    } finally {
      process.env.PATH = path;
    }
    // Aside under a trash name, the swap not waiting for its removal.
    expect(readdirSync(parent).filter((name) => name.startsWith(".dist.trash-"))).toHaveLength(1);
    staged.close();
    expect(readdirSync(out).sort()).toEqual(["new-0.csv", "new-1.csv", "new-2.csv"]);
    // Then away.
    await waitUntil(() => readdirSync(parent).length === 1);
    expect(readdirSync(parent)).toEqual(["dist"]);
    // A trash folder whose removal was killed: the next export removes it, also in the background.
    const trash = join(parent, ".dist.trash-1-1");
    mkdirSync(trash);
    writeFileSync(join(trash, "x.csv"), "left");
    new StagedDist(out).close();
    expect(readFileSync(join(out, "new-0.csv"), "utf8")).toBe("new");
    await waitUntil(() => !existsSync(trash));
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("leaves the output as it was when the export gives up", () => {
    const out = join(tempDir("abort-"), "dist");
    mkdirSync(out);
    writeFileSync(join(out, "a.csv"), "old");
    const staged = new StagedDist(out);
    staged.begin();
    writeStagedFile(staged.staging, "a.csv", "new");
    staged.close();
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("old");
    expect(readdirSync(join(out, ".."))).toEqual(["dist"]);
  });
});

describe("the output folder guard", () => {
  const protect = { source: join(ROOT, "source"), cwd: ROOT, projectRoot: ROOT };

  it("refuses the sources, the project, the current directory, their parents and the root", () => {
    expect(unsafeOutDir(join(ROOT, "source"), protect)).toMatch(/source folder/);
    expect(unsafeOutDir(ROOT, protect)).toMatch(/is or contains/);
    expect(unsafeOutDir(join(ROOT, ".."), protect)).toMatch(/is or contains/);
    expect(unsafeOutDir("/", protect)).toMatch(/root of the file system/);
    expect(unsafeOutDir(join(ROOT, "source", "..", "source"), protect)).toMatch(/source folder/);
  });

  it("refuses a folder that does not look like an export, and a file", () => {
    const home = tempDir("home-");
    mkdirSync(join(home, "Documents"));
    expect(unsafeOutDir(home, protect)).toMatch(/"Documents".*does not look like an export folder/);
    const notes = tempDir("notes-");
    writeFileSync(join(notes, "article.yaml"), "x: 1\n");
    expect(unsafeOutDir(notes, protect)).toMatch(/article\.yaml/);
    writeFileSync(join(notes, "plain"), "x");
    expect(unsafeOutDir(join(notes, "plain"), protect)).toMatch(/not a folder/);
  });

  it("accepts the project's dist/, a new folder and an earlier export", () => {
    expect(unsafeOutDir(join(ROOT, "dist"), protect)).toBeUndefined();
    expect(unsafeOutDir(join(tempDir("new-"), "out", "deeper"), protect)).toBeUndefined();
    const earlier = tempDir("earlier-");
    writeFileSync(join(earlier, "ifex.csv"), "x");
    expect(unsafeOutDir(earlier, protect)).toBeUndefined();
  });
});

/** Waits (up to 20 s) for a background process's work to show. */
async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}
