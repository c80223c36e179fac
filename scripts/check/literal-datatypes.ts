// Which RDF literals fit which schema.org data type, and whether a literal's text is a valid value
// of its own datatype. schema.org names its data types (Text, Date, Integer, …) but RDF literals
// carry XML Schema datatypes, or schema.org's own: the export's "1992"^^xsd:gYear is a Date, and so
// is "1992"^^schema:Date, what schema.org's JSON-LD context makes of a bare "foundingDate": "1992".

import { RDF_LANG_STRING, SCHEMA, XSD } from "../graph/namespaces.ts";

const x = (name: string) => XSD + name;
const s = (name: string) => SCHEMA + name;

const INTEGER_TYPES = ["integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"].map(x);
const TEXT_TYPES = [x("string"), RDF_LANG_STRING, x("normalizedString"), x("token"), s("Text")];

/**
 * schema.org data type → the literal datatypes that are values of it. A data type's subtypes add
 * theirs (Text takes URL literals, Number takes Integer ones): see acceptedDatatypes.
 */
const OWN_DATATYPES: Readonly<Record<string, readonly string[]>> = {
  Text: TEXT_TYPES,
  // Subtypes of Text that are, in practice, strings with a purpose.
  CssSelectorType: [...TEXT_TYPES, s("CssSelectorType")],
  XPathType: [...TEXT_TYPES, s("XPathType")],
  PronounceableText: [...TEXT_TYPES, s("PronounceableText")],
  // A URL is a link: a node (an IRI), or a literal typed as a URI; a plain string is text, not a link.
  URL: [x("anyURI"), s("URL")],
  Boolean: [x("boolean"), s("Boolean")],
  Number: [x("decimal"), x("double"), x("float"), s("Number")],
  Integer: [...INTEGER_TYPES, s("Integer")],
  Float: [x("double"), x("float"), x("decimal"), s("Float")],
  // The export types dates xsd:gYear, xsd:gYearMonth or xsd:date by their precision; schema:Date
  // (what schema.org's JSON-LD context coerces foundingDate, startDate … to) is a Date too.
  Date: [x("date"), x("gYear"), x("gYearMonth"), s("Date")],
  DateTime: [s("DateTime"), x("dateTime"), x("dateTimeStamp")],
  Time: [s("Time"), x("time")],
  Duration: [s("Duration"), x("duration"), x("dayTimeDuration"), x("yearMonthDuration")],
  // schema.org: "Particular instances of say Mass are strings like '3 kg' or '4 milligrams'."
  Quantity: [s("Quantity"), x("string")],
  Distance: [s("Distance"), x("string")],
  Energy: [s("Energy"), x("string")],
  Mass: [s("Mass"), x("string")],
};

/** The literal datatypes a schema.org data type takes, its subtypes' included. */
export function acceptedDatatypes(dataType: string, subtypesOf: (name: string) => readonly string[]): ReadonlySet<string> {
  const result = new Set<string>();
  const visit = (name: string, seen: Set<string>) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const datatype of OWN_DATATYPES[name] ?? [s(name)]) result.add(datatype);
    for (const sub of subtypesOf(name)) visit(sub, seen);
  };
  visit(dataType, new Set());
  return result;
}

const YEAR_MONTH_DAY = /^(-?[0-9]{4,})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/;
const TIMEZONE = "(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?";
const TIME = `([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?`;
const DURATION = /^-?P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$/;

/** A calendar date at year, month or day precision, with a real day of that month. */
function isIsoDate(text: string, precision: "any" | "year" | "month" | "day"): boolean {
  const match = YEAR_MONTH_DAY.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  const found = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  if (precision !== "any" && precision !== found) return false;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > last) return false;
  }
  return true;
}

/** What a valid value of each datatype looks like, in words, and the test. */
const LEXICAL: Readonly<Record<string, { description: string; test: (text: string) => boolean }>> = {
  [s("Date")]: { description: "an ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD", test: (t) => isIsoDate(t, "any") },
  [x("date")]: { description: "a date YYYY-MM-DD", test: (t) => isIsoDate(t.replace(new RegExp(`${TIMEZONE}$`), ""), "day") },
  [x("gYear")]: { description: "a year YYYY", test: (t) => isIsoDate(t.replace(new RegExp(`${TIMEZONE}$`), ""), "year") },
  [x("gYearMonth")]: { description: "a month YYYY-MM", test: (t) => isIsoDate(t.replace(new RegExp(`${TIMEZONE}$`), ""), "month") },
  [s("DateTime")]: { description: "an ISO 8601 date and time YYYY-MM-DDThh:mm[:ss]", test: isDateTime },
  [x("dateTime")]: { description: "a date and time YYYY-MM-DDThh:mm:ss", test: isDateTime },
  [s("Time")]: { description: "a time hh:mm[:ss]", test: (t) => new RegExp(`^${TIME}${TIMEZONE}$`).test(t) },
  [x("time")]: { description: "a time hh:mm:ss", test: (t) => new RegExp(`^${TIME}${TIMEZONE}$`).test(t) },
  [s("Duration")]: { description: "an ISO 8601 duration such as P1Y", test: (t) => DURATION.test(t) },
  [x("duration")]: { description: "an ISO 8601 duration such as P1Y", test: (t) => DURATION.test(t) },
  [x("boolean")]: { description: "true or false", test: (t) => /^(true|false|1|0)$/.test(t) },
  [s("Boolean")]: { description: "true or false", test: (t) => /^(true|false)$/.test(t) },
  [x("decimal")]: { description: "a decimal number", test: (t) => /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(t) },
  [x("double")]: { description: "a floating-point number", test: isFloat },
  [x("float")]: { description: "a floating-point number", test: isFloat },
  [s("Number")]: { description: "a number with digits 0-9 and a '.' decimal point", test: (t) => /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t) },
  [s("Float")]: { description: "a floating-point number", test: isFloat },
  [s("Integer")]: { description: "an integer", test: (t) => /^[+-]?[0-9]+$/.test(t) },
  ...Object.fromEntries(INTEGER_TYPES.map((type) => [type, { description: "an integer", test: (t: string) => /^[+-]?[0-9]+$/.test(t) }])),
  [x("anyURI")]: { description: "an absolute URI", test: isAbsoluteIri },
  [s("URL")]: { description: "an absolute URL", test: isAbsoluteIri },
};

function isDateTime(text: string): boolean {
  const match = new RegExp(`^([0-9]{4}-[0-9]{2}-[0-9]{2})T${TIME}${TIMEZONE}$`).exec(text);
  return match !== null && isIsoDate(match[1]!, "day");
}

function isFloat(text: string): boolean {
  return /^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$/.test(text);
}

/** An absolute IRI: a scheme, then no spaces nor the characters RFC 3987 excludes. */
export function isAbsoluteIri(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(text)) return false;
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return false;
  if (/^https?:/i.test(text) && !/^https?:\/\/[^\s/?#]+/i.test(text)) return false;
  return true;
}

/** Why the literal's text is not a value of its datatype, or undefined when it is (or the datatype is not one we know). */
export function lexicalProblem(text: string, datatype: string): string | undefined {
  const rule = LEXICAL[datatype];
  if (!rule || rule.test(text)) return undefined;
  return rule.description;
}
