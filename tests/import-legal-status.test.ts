// A legal status read as schema.org's nonprofitStatus (scripts/import/legal-status.ts,
// schemas/nonprofit-statuses.json), only with a member schema.org lists.

import { describe, expect, it } from "vitest";
import { nonprofitStatusOf } from "../scripts/import/legal-status.ts";

describe("legal status", () => {
  it.each([
    ["501(c)(3) nonprofit organization", "Nonprofit501c3"],
    ["501(c)(3) charitable organization", "Nonprofit501c3"],
    ["501 (c) (4) social welfare organization", "Nonprofit501c4"],
    ["Section 527 organization", "Nonprofit527"],
    ["Charitable incorporated organisation", "CharitableIncorporatedOrganization"],
    ["Stichting with ANBI status", "NonprofitANBI"],
  ])("%s is schema:%s", (text, member) => {
    expect(nonprofitStatusOf(text)).toBe(member);
  });

  it.each(["501(c)(99) organization", "Registered charity", "Nonprofit", "Active", "Defunct", "Purchased by The McClatchy Company"])("%s gives none", (text) => {
    expect(nonprofitStatusOf(text)).toBeUndefined();
  });
});
