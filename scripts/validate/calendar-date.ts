// Dates of the calendar, as the rules and the importer judge them: whether a well-formed date is a
// day that exists, and which of two dates of any precision comes first.

/** The number written by the ASCII digits at [from, from + count), or -1 if one is not a digit. */
function digits(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = value.charCodeAt(i) - 0x30;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * "2021-02-30" is well formed but no day; the schema's pattern cannot know. YYYY, YYYY-MM or
 * YYYY-MM-DD, read by hand (every date of every entity is asked: a regular expression and a Date
 * take a fifth of the rules' time). The years 0 to 99 are leap years or not as 1900 to 1999 are,
 * as Date.UTC reads them (so 0000-02-29 stays refused).
 */
export function isCalendarDate(value: string): boolean {
  const length = value.length;
  if (length !== 4 && length !== 7 && length !== 10) return false;
  const year = digits(value, 0, 4);
  if (year < 0) return false;
  if (length === 4) return true;
  if (value.charCodeAt(4) !== 0x2d) return false;
  const month = digits(value, 5, 2);
  if (month < 1 || month > 12) return false;
  if (length === 7) return true;
  if (value.charCodeAt(7) !== 0x2d) return false;
  const day = digits(value, 8, 2);
  const y = year < 100 ? year + 1900 : year;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** Compared at the coarser of the two precisions: "2013-01" is not before "2013". */
export function isBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}
