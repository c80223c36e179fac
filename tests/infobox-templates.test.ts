// The infobox templates of the mapping table, and what DBpedia maps of them: schemas/infobox-templates.json
// is what `make dbpedia` derives from DBpedia's files (../shared/vendor/dbpedia-mappings), the table's
// rows stand for properties DBpedia has and say why where they differ from DBpedia's schema.org
// equivalent, each template's kind is DBpedia's class (or says why not), and an infobox is read as the
// template its title names, else as the one its labels fit best.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveTemplates, templatesJson } from "../scripts/import/derive-templates.ts";
import { readTemplateMapping } from "../scripts/import/dbpedia-mappings.ts";
import { chooseTemplate, DBPEDIA_TEMPLATES, DBPEDIA_TEMPLATES_FILE, importMapping, mapLabel, ORGANIZATION_TYPES, rowProperty } from "../scripts/import/mapping.ts";
import { readArticle } from "../scripts/import/read-text.ts";
import { allRows, asList, MAPPING_TABLE } from "../scripts/model/infobox-mapping.ts";
import { projectPath } from "../scripts/lib/project-path.ts";
import { ROOT } from "./helpers.ts";

const ARTICLES = join(ROOT, "..", "shared", "articles");

describe("DBpedia's mappings", () => {
  it("reads a mapping page: its class, its parameters' properties, conditional and intermediate mappings", () => {
    const page = `{{ConditionalMapping | cases =
 {{Condition | templateProperty = industry | operator = contains | value = banking | mapping = {{TemplateMapping | mapToClass = Bank }} }}
 {{Condition | operator = otherwise | mapping = {{TemplateMapping | mapToClass = Company }} }}
| defaultMappings =
 {{ PropertyMapping | templateProperty = founded | ontologyProperty = foundingDate }}
 {{ PropertyMapping | templateProperty = founded | ontologyProperty = foundingYear }}
 <!-- {{ PropertyMapping | templateProperty = gender | ontologyProperty = gender }} -->
 {{ PropertyMapping | templateProperty = Key People | ontologyProperty = keyPerson }}
 {{ PropertyMapping | templateProperty = website | ontologyProperty = foaf:homepage }}
 {{IntermediateNodeMapping | nodeClass = PersonFunction | correspondingProperty = leaderFunction | mappings =
   {{PropertyMapping | templateProperty = leader_name | ontologyProperty = person}}
   {{PropertyMapping | templateProperty = leader_title | ontologyProperty = title}} }}
}}`;
    const data = readTemplateMapping(page);
    expect(data.class).toBe("dbo:Company");
    expect(Object.fromEntries(data.parameters)).toEqual({
      founded: ["dbo:foundingDate", "dbo:foundingYear"],
      key_people: ["dbo:keyPerson"],
      website: ["foaf:homepage"],
      leader_name: ["dbo:leaderFunction/dbo:person"],
      leader_title: ["dbo:leaderFunction/dbo:title"],
    });
  });

  it(`${DBPEDIA_TEMPLATES_FILE} is what make dbpedia derives from them (run make dbpedia and commit it)`, () => {
    expect(readFileSync(projectPath(DBPEDIA_TEMPLATES_FILE), "utf8")).toBe(templatesJson(deriveTemplates()));
  }, 60_000);
});

describe("the table's templates and DBpedia", () => {
  const mapping = importMapping();

  it("maps what DBpedia maps of the templates, each template with some of DBpedia's parameters", () => {
    for (const template of mapping.templates) {
      if (template.spec.dbpedia === undefined) continue;
      const fromDbpedia = Object.keys(DBPEDIA_TEMPLATES.templates[template.spec.dbpedia]!.parameters);
      const typed = fromDbpedia.filter((p) => {
        const row = mapLabel(p.replace(/_/g, " "), mapping, template).row;
        return row !== undefined && row.kind !== "display" && row.kind !== "unmapped";
      });
      expect(typed.length, `${template.spec.name}: no parameter DBpedia maps is typed`).toBeGreaterThan(3);
    }
  });

  it("stands for DBpedia's own properties, and says why where its property is not DBpedia's schema.org equivalent", () => {
    let differing = 0;
    for (const row of allRows(MAPPING_TABLE)) {
      for (const property of row.dbpedia ?? []) {
        for (const part of property.split("/")) if (part.startsWith("dbo:")) expect(DBPEDIA_TEMPLATES.properties[part], `${part} (row ${row.parameters[0]}) is not a property of DBpedia's ontology`).toBeDefined();
        const equivalent = DBPEDIA_TEMPLATES.properties[property]?.equivalentProperty.find((e) => e.startsWith("schema:"));
        if (equivalent === undefined || row.kind === "display") continue;
        const ours = asList(mapping.keys.get(row.key)?.property);
        if (!ours.includes(equivalent)) {
          differing++;
          expect(row.reason, `row ${row.parameters[0]}: ${property} is ${equivalent}, the row ${rowProperty(mapping, row)}: say why`).toBeTruthy();
        }
      }
    }
    expect(differing).toBeGreaterThan(0);
  });

  it("gives each template a kind of the organization types whose Wikidata class is DBpedia's, or says why", () => {
    const wikidataOf = (cls: string | undefined): string | undefined => {
      for (let c = cls, n = 0; c !== undefined && n < 10; c = DBPEDIA_TEMPLATES.classes[c]?.subClassOf[0], n++) {
        const wd = DBPEDIA_TEMPLATES.classes[c]?.equivalentClass.find((e) => e.startsWith("wd:"));
        if (wd) return `http://www.wikidata.org/entity/${wd.slice(3)}`;
      }
      return undefined;
    };
    for (const { spec } of mapping.templates) {
      if (spec.kind === undefined) continue;
      const row = ORGANIZATION_TYPES.rows.find((r) => r.kind === spec.kind);
      expect(row, `${spec.name}: kind ${spec.kind} is not a row of schemas/organization-types.json`).toBeDefined();
      const cls = spec.dbpedia !== undefined ? DBPEDIA_TEMPLATES.templates[spec.dbpedia]!.class : undefined;
      if (cls === undefined || row!.additionalType !== wikidataOf(cls)) expect(spec.reason, `${spec.name}: ${row!.additionalType} is not DBpedia's ${cls}: say why`).toBeTruthy();
    }
  });
});

describe("which template an infobox is", () => {
  const mapping = importMapping();
  const chosen = (file: string) => {
    const text = readArticle(file, readFileSync(file, "utf8"));
    return chooseTemplate(mapping, text.infobox.title, text.infobox.lines.map((l) => l.label));
  };

  it("reads the six articles' infoboxes (titled with a name or 'Infobox') by their labels", () => {
    const expected: Record<string, string> = {
      "article-19": "Infobox non-profit",
      "canadian-journalists-for-free-expression": "Infobox non-profit",
      "ford-foundation": "Infobox non-profit",
      "knight-ridder": "Infobox company",
      "national-union-of-journalists": "Infobox union",
      "organisation-internationale-de-la-francophonie": "Infobox geopolitical organization",
    };
    for (const [slug, name] of Object.entries(expected)) {
      const template = chosen(join(ARTICLES, `${slug}.txt`));
      expect(template?.template.spec.name, slug).toBe(name);
      expect(template?.by).toBe("labels");
    }
  });

  it("takes the template the title names, by any of its names", () => {
    expect(chooseTemplate(mapping, "Infobox company", ["Founded"])?.template.spec.name).toBe("Infobox company");
    expect(chooseTemplate(mapping, "Infobox  Trade_union", [])).toMatchObject({ template: { spec: { name: "Infobox union" } }, by: "title" });
    expect(chooseTemplate(mapping, "{{Infobox school | name = Example Academy", [])?.template.spec.name).toBe("Infobox school");
    expect(chooseTemplate(mapping, "Template:Infobox museum", [])?.template.spec.name).toBe("Infobox museum");
    // A name, or too few labels to tell: none.
    expect(chooseTemplate(mapping, "Acme", ["Founded"])).toBeUndefined();
    expect(chooseTemplate(mapping, "Infobox", ["Created", "Recognized", "Headquarters"])?.template.spec.name).toBe("Infobox National Olympic Committee");
  });

  it("reads a parameter as the template says: its own row, the general row, DBpedia's", () => {
    const school = mapping.byName.get("infobox school")!;
    const noc = mapping.byName.get("infobox national olympic committee")!;
    // General rows, in any template.
    expect(mapLabel("Founded", mapping, school).row?.key).toBe("foundingDate");
    // The template's own rows.
    expect(mapLabel("Created", mapping, noc).row?.key).toBe("foundingDate");
    expect(mapLabel("Recognized", mapping, noc).row?.key).toBe("recognitionDate");
    expect(mapLabel("Status", mapping, school).row?.kind).toBe("unmapped");
    expect(mapLabel("Status", mapping).row?.key).toBe("legalStatus");
    // DBpedia's: Infobox school's opened is dbo:foundingDate.
    expect(mapLabel("Opened", mapping, school).row?.key).toBe("foundingDate");
    expect(mapLabel("Opened", mapping).row).toBeUndefined();
  });
});
