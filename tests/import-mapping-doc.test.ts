// docs/import-mapping.md is what scripts/docs/import-mapping.ts makes of the mapping table: run
// `make docs` after changing schemas/infobox-mapping.json or schemas/organization-types.json.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAPPING_DOC, mappingDoc } from "../scripts/docs/import-mapping.ts";
import { MAPPING } from "../scripts/import/mapping.ts";
import { projectPath } from "../scripts/lib/project-path.ts";

describe("docs/import-mapping.md", () => {
  it("is what make docs writes from the table (run make docs and commit it)", () => {
    expect(readFileSync(projectPath(MAPPING_DOC), "utf8")).toBe(mappingDoc());
  });

  it("has a row for every row of the table, and each parameter once in the table", () => {
    const doc = mappingDoc();
    for (const row of MAPPING.rows) expect(doc).toContain(`| ${row.parameters.map((p) => `\`${p}\``).join(", ")} | ${row.kind} |`);
    const parameters = MAPPING.rows.flatMap((r) => r.parameters);
    expect(new Set(parameters).size).toBe(parameters.length);
  });
});
