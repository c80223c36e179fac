// Every property the graph uses, with the plain words the CSV shows for it: the organizations' from
// the mapping table (schemas/infobox-mapping.json), the others here. The project's own terms (oa:)
// are documented in schemas/org-articles.vocab.ttl; a test keeps the two in step.

import { DCTERMS, OA, RDF_TYPE, RDFS, SCHEMA } from "./namespaces.ts";
import { allKeys, asList, expandCurie, MAPPING_TABLE, type MappingTable } from "../model/infobox-mapping.ts";

const schema = (name: string) => SCHEMA + name;
const oa = (name: string) => OA + name;

/** The labels of the properties a mapping table's keys state. */
export function tableLabels(table: MappingTable): [string, string][] {
  const out: [string, string][] = [];
  for (const spec of allKeys(table)) {
    const labels = asList(spec.label);
    asList(spec.property).forEach((curie, i) => out.push([expandCurie(curie), labels[i]!]));
  }
  return out;
}

/** Property IRI → label. Insertion order is irrelevant; lookups only. */
export const PROPERTY_LABELS: ReadonlyMap<string, string> = new Map([
  ...tableLabels(MAPPING_TABLE),
  [RDF_TYPE, "type"],
  [schema("name"), "name"],
  [schema("alternateName"), "alternate name"],
  [schema("description"), "description"],
  // Also the table's, and other entities' too.
  [schema("location"), "location"],
  [schema("url"), "URL"],
  [schema("identifier"), "identifier"],
  [schema("jobTitle"), "job title"],
  [schema("worksFor"), "works for"],
  [schema("nationality"), "nationality"],
  [schema("containedInPlace"), "contained in place"],
  [schema("startDate"), "start date"],
  [schema("endDate"), "end date"],
  [schema("eventSchedule"), "schedule"],
  [schema("byMonth"), "month"],
  [schema("byMonthDay"), "day of month"],
  [schema("repeatFrequency"), "repeat frequency"],
  [schema("organizer"), "organizer"],
  [schema("performer"), "performer"],
  [schema("attendee"), "attendee"],
  [schema("about"), "about"],
  [schema("superEvent"), "part of event"],
  [schema("workFeatured"), "work featured"],
  [schema("genre"), "genre"],
  [schema("publisher"), "publisher"],
  [schema("inLanguage"), "language"],
  [schema("isPartOf"), "part of"],
  [schema("temporalCoverage"), "temporal coverage"],
  [schema("isBasedOn"), "based on"],
  [schema("license"), "license"],
  [schema("value"), "value"],
  [schema("minValue"), "minimum value"],
  [schema("unitText"), "unit"],
  [RDFS + "seeAlso", "see also"],
  [DCTERMS + "description", "description"],
  [oa("countryCount"), "number of countries"],
  [oa("comparison"), "comparison"],
  [oa("relatedEvent"), "related event"],
  [oa("designatedBy"), "designated by"],
  [oa("designationDate"), "designation date"],
  [oa("addressedTo"), "addressed to"],
  [oa("participants"), "participants"],
  [oa("celebrates"), "celebrates"],
  [oa("quote"), "quote"],
  [oa("distinction"), "distinction"],
  [oa("endReason"), "end reason"],
  [oa("marks"), "marks"],
  [oa("profiles"), "profiles"],
  [oa("milestone"), "milestone"],
  [oa("startDate"), "start date"],
  [oa("endDate"), "end date"],
  [oa("dateQualifier"), "date as worded"],
  [schema("currency"), "currency"],
  [oa("roleQualifier"), "role qualifier"],
  [oa("asOf"), "as of"],
]);

export function propertyLabel(predicate: string): string {
  return PROPERTY_LABELS.get(predicate) ?? predicate.replace(/^.*[/#]/, "");
}
