// The organization's type from the infobox's Type field, item by item, and the lead
// (scripts/import/organization-type.ts, schemas/organization-types.json).

import { describe, expect, it } from "vitest";
import { organizationType } from "../scripts/import/organization-type.ts";

const WD = "http://www.wikidata.org/entity/";

describe("the organization's type", () => {
  it("gives the subject the types of every item of the Type field", () => {
    expect(organizationType("Research institute, Think tank", "", [])).toEqual({ type: "ResearchOrganization", additionalType: `${WD}Q31855`, additionalTypes: [`${WD}Q31855`] });
    expect(organizationType("Non-profit, Research institute", "", [])).toMatchObject({ type: "ResearchOrganization", additionalTypes: [`${WD}Q163740`, `${WD}Q31855`] });
  });

  it("reads the lead's first sentence beside the Type field", () => {
    expect(organizationType("501(c)(3) charitable organization", "The Ford Foundation is an American private foundation.", [])).toMatchObject({ type: "NGO", additionalType: `${WD}Q157031`, additionalTypes: [`${WD}Q163740`, `${WD}Q157031`] });
    expect(organizationType("", "The NUJ is a trade union for journalists.", [])).toMatchObject({ type: "WorkersUnion" });
  });

  it("types an intergovernmental organization, a sports body and an airline with schema.org's classes", () => {
    expect(organizationType("", "La Francophonie is an international organization representing states and governments.", [])).toMatchObject({ type: "GovernmentOrganization", additionalType: `${WD}Q245065` });
    expect(organizationType("National Olympic Committee", "", [])).toMatchObject({ type: "SportsOrganization" });
    expect(organizationType("Airline", "", [])).toMatchObject({ type: "Airline" });
  });

  it("falls back on a company's parameters, and says nothing otherwise", () => {
    expect(organizationType("", "Acme was a thing.", ["industry"])).toEqual({ type: "Corporation", additionalType: "", additionalTypes: [] });
    expect(organizationType("Something", "Acme is a thing.", [])).toBeUndefined();
  });
});
