// lib/once.ts: the tables and libraries loaded on first use are made once, and only when asked for.
import { describe, expect, it } from "vitest";
import { once } from "../scripts/lib/once.ts";

describe("once", () => {
  it("makes the value on the first call only, and gives the same value after", () => {
    let calls = 0;
    const table = once(() => {
      calls++;
      return new Map([["a", 1]]);
    });
    expect(calls).toBe(0);
    const first = table();
    expect(calls).toBe(1);
    expect(table()).toBe(first);
    expect(calls).toBe(1);
  });

  it("keeps an undefined value as made, without making it again", () => {
    let calls = 0;
    const nothing = once(() => {
      calls++;
      return undefined;
    });
    expect(nothing()).toBeUndefined();
    expect(nothing()).toBeUndefined();
    expect(calls).toBe(1);
  });
});
