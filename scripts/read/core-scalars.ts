// Plain scalars by the `yaml` library's YAML 1.2 core schema (its regular expressions and
// conversions, copied), for the fast reader (fast-yaml.ts): js-yaml's default
// schema would also read 1_000 and 0b101 as numbers.

// yaml/dist/schema/common/null.js, core/bool.js, core/int.js, core/float.js (yaml 2.9.1).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar that stays text. */
export const TEXT = Symbol("text");

/**
 * What a plain scalar is by the core schema, in the `yaml` library's order (null, bool, int,
 * float: the first whose test matches wins), or TEXT. By its first character: only a digit, a sign
 * or a dot can start a number, and no null or bool starts so; most text is spared every test.
 */
export function coreValue(s: string): unknown {
  const length = s.length;
  if (length === 0) return null;
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
    if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
    if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : c === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
    return TEXT;
  }
  if (length <= 4 && NULL.test(s)) return null;
  if (length <= 5 && BOOL.test(s)) return c === 0x74 || c === 0x54;
  return TEXT;
}

