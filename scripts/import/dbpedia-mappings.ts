// DBpedia's infobox mappings (the Mappings Wiki's pages, as in Mapping_en.xml) read into data: for an
// infobox template, DBpedia's class and, per template parameter, the ontology properties it maps the
// parameter to. The pages are written in a small template language ({{TemplateMapping | mapToClass =
// Company | mappings = {{PropertyMapping | templateProperty = founded | ontologyProperty =
// foundingDate}} … }}, conditional and intermediate-node mappings around them); this reads its
// structure, names and `| key = value` arguments whose values may hold templates, which is all the
// pages use. (A MediaWiki parser renders templates rather than giving their arguments as data.)

/** A template call: its name and its named arguments, in order. */
export interface WikiTemplate {
  name: string;
  args: Map<string, WikiValue>;
}

/** An argument's value: text and template calls, in order. */
export type WikiValue = (string | WikiTemplate)[];

/** The template calls and text of a page's wikitext (comments removed). */
export function parseWikitext(source: string): WikiValue {
  const text = source.replace(/<!--[\s\S]*?(-->|$)/g, "");
  let i = 0;
  const value = (inTemplate: boolean): WikiValue => {
    const out: WikiValue = [];
    let run = "";
    while (i < text.length) {
      if (text.startsWith("{{", i)) {
        if (run) out.push(run);
        run = "";
        i += 2;
        out.push(template());
      } else if (inTemplate && (text.startsWith("}}", i) || text[i] === "|")) break;
      else if (text.startsWith("[[", i)) {
        // A link's "|" is not an argument's end.
        const end = text.indexOf("]]", i);
        const stop = end < 0 ? text.length : end + 2;
        run += text.slice(i, stop);
        i = stop;
      } else run += text[i++];
    }
    if (run) out.push(run);
    return out;
  };
  const template = (): WikiTemplate => {
    const nameParts = value(true);
    const name = nameParts.filter((p): p is string => typeof p === "string").join("").trim();
    const args = new Map<string, WikiValue>();
    let position = 1;
    while (i < text.length && text[i] === "|") {
      i++;
      const arg = value(true);
      const first = arg[0];
      const eq = typeof first === "string" ? first.indexOf("=") : -1;
      if (typeof first === "string" && eq >= 0) {
        const key = first.slice(0, eq).trim();
        const rest = first.slice(eq + 1);
        args.set(key, rest ? [rest, ...arg.slice(1)] : arg.slice(1));
      } else args.set(String(position++), arg);
    }
    if (text.startsWith("}}", i)) i += 2;
    return { name, args };
  };
  return value(false);
}

/** The templates of a value. */
export function templatesOf(value: WikiValue | undefined): WikiTemplate[] {
  return (value ?? []).filter((p): p is WikiTemplate => typeof p !== "string");
}

/** The text of a value, trimmed (templates left out). */
export function textOf(value: WikiValue | undefined): string {
  return (value ?? []).filter((p): p is string => typeof p === "string").join("").trim();
}

/** A page's redirect target ("#REDIRECT [[Mapping en:Infobox organization]]" → "Infobox organization"). */
export function redirectOf(wikitext: string): string | undefined {
  return /^\s*#REDIRECT\s*\[\[\s*Mapping en:([^\]|]+)\]\]/i.exec(wikitext)?.[1]?.trim();
}

export interface TemplateMappingData {
  /** DBpedia's class, as a CURIE (dbo:Company). */
  class?: string;
  /** Parameter (lower case, spaces as underscores) → the ontology properties, as CURIEs, in the page's order. */
  parameters: Map<string, string[]>;
}

/** A template parameter as this project names it: lower case, spaces as underscores. */
export function parameterName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "_");
}

/** An ontology property or class of a page as a CURIE: "foundingDate" → "dbo:foundingDate", "foaf:name" kept. */
export function ontologyCurie(name: string): string {
  const trimmed = name.trim();
  return trimmed.includes(":") ? trimmed : `dbo:${trimmed}`;
}

/** What a mapping page maps: its class and its parameters' properties. */
export function readTemplateMapping(wikitext: string): TemplateMappingData {
  const parameters = new Map<string, string[]>();
  let cls: string | undefined;
  const add = (parameter: string, property: string) => {
    const name = parameterName(parameter);
    const curie = property.trim() === "" ? "" : ontologyCurie(property);
    if (!name || !curie) return;
    const list = parameters.get(name) ?? [];
    if (!list.includes(curie)) list.push(curie);
    parameters.set(name, list);
  };
  const mappings = (list: WikiTemplate[], via?: string) => {
    for (const m of list) {
      const arg = (key: string) => textOf(m.args.get(key));
      const name = m.name.replace(/\s+/g, "");
      if (name === "PropertyMapping") {
        const property = arg("ontologyProperty");
        if (property) add(arg("templateProperty"), via ? `${ontologyCurie(via)}/${ontologyCurie(property)}` : property);
      } else if (name === "IntermediateNodeMapping") {
        mappings(templatesOf(m.args.get("mappings")), arg("correspondingProperty"));
      } else if (name === "DateIntervalMapping") {
        for (const key of ["startDateOntologyProperty", "endDateOntologyProperty"]) if (arg(key)) add(arg("templateProperty"), arg(key));
      } else if (name === "CombineDateMapping") {
        for (const key of ["templateProperty1", "templateProperty2", "templateProperty3"]) if (arg(key)) add(arg(key), arg("ontologyProperty"));
      }
      // GeocoordinatesMapping, ConstantMapping, CalculateMapping: no parameter of a fact of ours.
    }
  };
  for (const top of templatesOf(parseWikitext(wikitext))) {
    const name = top.name.replace(/\s+/g, "");
    if (name === "TemplateMapping") {
      cls = textOf(top.args.get("mapToClass")) || cls;
      mappings(templatesOf(top.args.get("mappings")));
    } else if (name === "ConditionalMapping") {
      // The class of the case that applies otherwise (or of the last case); the default mappings apply to all.
      const cases = templatesOf(top.args.get("cases"));
      const fallback = cases.find((c) => textOf(c.args.get("operator")) === "otherwise") ?? cases.at(-1);
      const mapping = templatesOf(fallback?.args.get("mapping"))[0];
      if (mapping) {
        cls = textOf(mapping.args.get("mapToClass")) || cls;
        mappings(templatesOf(mapping.args.get("mappings")));
      }
      mappings(templatesOf(top.args.get("defaultMappings")));
    }
  }
  return { ...(cls && { class: ontologyCurie(cls) }), parameters };
}
