// RDF terms as plain data. A literal always has a datatype; language-tagged text has rdf:langString.

import { RDF_LANG_STRING, XSD, XSD_INTEGER, XSD_STRING, XSD_BOOLEAN } from "./namespaces.ts";
import type { DateString } from "../model/types.ts";

export interface IriTerm {
  termType: "NamedNode";
  value: string;
}

export interface LiteralTerm {
  termType: "Literal";
  value: string;
  datatype: string;
  /** "" unless the datatype is rdf:langString. */
  language: string;
}

export type ObjectTerm = IriTerm | LiteralTerm;

export const iri = (value: string): IriTerm => ({ termType: "NamedNode", value });

export const text = (value: string, language: string): LiteralTerm =>
  language ? { termType: "Literal", value, datatype: RDF_LANG_STRING, language } : plain(value);

export const plain = (value: string): LiteralTerm => ({ termType: "Literal", value, datatype: XSD_STRING, language: "" });

export const integer = (value: number): LiteralTerm => ({ termType: "Literal", value: String(value), datatype: XSD_INTEGER, language: "" });

/** A decimal number (an amount of money): xsd:decimal, written without an exponent. */
export const decimal = (value: number): LiteralTerm => ({ termType: "Literal", value: Number.isInteger(value) ? BigInt(value).toString() : String(value), datatype: `${XSD}decimal`, language: "" });

export const boolean = (value: boolean): LiteralTerm => ({ termType: "Literal", value: String(value), datatype: XSD_BOOLEAN, language: "" });

/**
 * Every date of the graph, schema.org's date properties and the project's alike: the XML Schema
 * type of the date's precision, as DBpedia and Wikidata type theirs: "1992"^^xsd:gYear,
 * "2013-05"^^xsd:gYearMonth, "2015-11-02"^^xsd:date. SPARQL stores know these types, so `YEAR(?d)`
 * and comparisons such as `?d >= "2015"^^xsd:gYear` work (schema:Date, which schema.org's JSON-LD
 * context coerces its date properties to, is an unknown datatype to them). The JSON-LD writes the
 * type in a value object, so it gives exactly this literal despite the context's coercion.
 */
export const dateLiteral = (value: DateString): LiteralTerm => ({ termType: "Literal", value, datatype: dateDatatype(value), language: "" });

const XSD_GYEAR = `${XSD}gYear`;
const XSD_GYEAR_MONTH = `${XSD}gYearMonth`;
const XSD_DATE = `${XSD}date`;

/** YYYY, YYYY-MM, YYYY-MM-DD (the model's DateString): the XML Schema datatype of that precision. */
export function dateDatatype(value: DateString): string {
  return value.length === 4 ? XSD_GYEAR : value.length === 7 ? XSD_GYEAR_MONTH : XSD_DATE;
}

export function termKey(term: ObjectTerm): string {
  return term.termType === "NamedNode" ? `<${term.value}>` : `${JSON.stringify(term.value)}^^<${term.datatype}>@${term.language}`;
}
