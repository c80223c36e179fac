// isCalendarDate (scripts/validate/calendar-date.ts) reads dates by hand; it must say what the regular
// expression and Date.UTC it replaced said, kept here as the reference.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../scripts/validate/calendar-date.ts";

function reference(value: string): boolean {
  const m = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("isCalendarDate", () => {
  it("agrees with Date.UTC on every day, month and year of the years where leap years change", () => {
    // Years 0-120 (Date.UTC reads 0-99 as 1900-1999), centuries, and years around today.
    const years = [...Array.from({ length: 121 }, (_, i) => i), 1600, 1700, 1800, 1899, 1900, 1996, 1999, 2000, 2004, 2023, 2024, 2100, 2400, 9996, 9999];
    let valid = 0;
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (const value of [pad(year, 4), `${pad(year, 4)}-${pad(month, 2)}`]) expect(isCalendarDate(value), value).toBe(reference(value));
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isCalendarDate(value), value).toBe(reference(value));
          if (reference(value)) valid++;
        }
      }
    }
    expect(valid).toBe(years.reduce((sum, y) => sum + 365 + (reference(`${pad(y, 4)}-02-29`) ? 1 : 0), 0));
  });

  it("agrees on strings of digits, dashes and other characters", () => {
    const text = fc.array(fc.constantFrom("0", "1", "2", "9", "-", "/", " ", "\n", "a", "٣", "+", "."), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (value) => {
        expect(isCalendarDate(value), JSON.stringify(value)).toBe(reference(value));
      }),
      { numRuns: 5_000, seed: 20260106 },
    );
  });
});
