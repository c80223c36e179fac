// RDF terms as plain data. A literal always has a datatype; language-tagged text has rdf:langString.

import { RDF_LANG_STRING, SCHEMA_DATE, XSD, XSD_INTEGER, XSD_STRING, XSD_BOOLEAN } from "./namespaces.ts";
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

export const boolean = (value: boolean): LiteralTerm => ({ termType: "Literal", value: String(value), datatype: XSD_BOOLEAN, language: "" });

/** For schema.org's date properties: schema:Date, which is what schema.org's context coerces them to. */
export const schemaDate = (value: DateString): LiteralTerm => ({ termType: "Literal", value, datatype: SCHEMA_DATE, language: "" });

/** For the project's own date properties: the XML Schema type of the date's precision. */
export const xsdDate = (value: DateString): LiteralTerm => ({
  termType: "Literal",
  value,
  datatype: XSD + (value.length === 4 ? "gYear" : value.length === 7 ? "gYearMonth" : "date"),
  language: "",
});

export function termKey(term: ObjectTerm): string {
  return term.termType === "NamedNode" ? `<${term.value}>` : `${JSON.stringify(term.value)}^^<${term.datatype}>@${term.language}`;
}
