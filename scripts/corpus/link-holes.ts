// The CSV of an article that links to other articles names the entities it links to (a value cell
// holds the entity's name, its value type "reference to <type>"), and so do its rows of
// corpus.events.csv; those names are known only once every article has been read. So the first job
// writes them with placeholders, one per linked entity, and the second job only puts the names in
// place: it neither reads the YAML again nor builds the model, the graph or the CSV anew.
//
// A placeholder is a name or a type made of private-use characters (U+E000 to U+E003) around the
// entity's number; as a cell it is written as any name would be (quoted; those characters need no
// formula guard and no doubled quote). An article whose text holds any of these characters is not
// given placeholders (its second job makes everything again), so a placeholder can only be one.

import type { Graph, NodeInfo } from "../graph/build.ts";
import { articleBase, BASE, OA, SHARED } from "../graph/namespaces.ts";
import { csvCell } from "../writers/csv.ts";

const NAME_OPEN = "\uE000";
const NAME_CLOSE = "\uE001";
const TYPE_OPEN = "\uE002";
const TYPE_CLOSE = "\uE003";
const ANY_MARK = /[\uE000-\uE003]/;
/** A placeholder's cell: a name's, or a value type's ("reference to <type>"). */
const HOLE_CELL = /"\uE000(\d+)\uE001"|"reference to \uE002(\d+)\uE003"/g;

/** Whether the article's text leaves placeholders unambiguous. */
export function canHoldPlaceholders(sourceText: string): boolean {
  return !ANY_MARK.test(sourceText);
}

/**
 * The graph for the CSV and events rows, with a placeholder node for each entity of another article
 * its statements refer to, and those entities' IRIs (placeholder k stands for holes[k]).
 */
export function withPlaceholders(graph: Graph): { graph: Graph; holes: string[] } {
  const own = articleBase(graph.slug);
  const nodes = new Map(graph.nodes);
  const holes: string[] = [];
  for (const { object } of graph.statements) {
    if (object.termType !== "NamedNode") continue;
    const iri = object.value;
    if (nodes.has(iri) || !iri.startsWith(BASE) || iri.startsWith(own) || iri.startsWith(OA) || iri.startsWith(SHARED)) continue;
    const k = holes.push(iri) - 1;
    nodes.set(iri, { iri, id: "", name: `${NAME_OPEN}${k}${NAME_CLOSE}`, type: `${TYPE_OPEN}${k}${TYPE_CLOSE}` });
  }
  return { graph: { ...graph, nodes }, holes };
}

/** The text with each placeholder's cell replaced by its entity's (names[k] for holes[k]). */
export function fillHoles(text: string, names: readonly Pick<NodeInfo, "name" | "type">[]): string {
  // Only placeholders' cells hold these characters (the article's own text holds none, see
  // canHoldPlaceholders); checked, since a stray one would be silently wrong. The names put in
  // place may hold them: they are not looked at again.
  if (ANY_MARK.test(text.replace(HOLE_CELL, ""))) throw new Error("a placeholder's character outside a placeholder's cell");
  return text.replace(HOLE_CELL, (_, name: string | undefined, type: string | undefined) => {
    const node = names[Number(name ?? type)];
    if (!node) throw new Error(`a placeholder (${name ?? type}) for an entity that was not named`);
    return name !== undefined ? csvCell(node.name) : csvCell(`reference to ${node.type}`);
  });
}

// The same, on the CSV's bytes as the first job wrote them: the file is not decoded and encoded
// again (a CSV of some 76 KB, mostly other text). Each placeholder's characters are 0xEE 0x80 and
// 0x80 to 0x83 in UTF-8.
const LEAD = Buffer.from([0xee, 0x80]);
const NAME_CELL_START = Buffer.from('"', "utf8");
const TYPE_CELL_START = Buffer.from('"reference to ', "utf8");

/** `fillHoles` over UTF-8 bytes: the filled text's bytes, in pieces (most of them views of `bytes`). */
export function fillHolesInBytes(bytes: Buffer, names: readonly Pick<NodeInfo, "name" | "type">[]): Buffer[] {
  const pieces: Buffer[] = [];
  let copied = 0;
  for (let at = bytes.indexOf(LEAD); at >= 0; at = bytes.indexOf(LEAD, at + 1)) {
    const mark = bytes[at + 2]!;
    // Other private-use characters (U+E004 and on) share the lead bytes: they are text, left as it is.
    if (mark < 0x80 || mark > 0x83) continue;
    const isName = mark === 0x80;
    const before = isName ? NAME_CELL_START : TYPE_CELL_START;
    const cellStart = at - before.length;
    let end = at + 3;
    while (bytes[end]! >= 0x30 && bytes[end]! <= 0x39) end++;
    const closes = bytes[end] === 0xee && bytes[end + 1] === 0x80 && bytes[end + 2] === mark + 1 && bytes[end + 3] === 0x22;
    if (mark % 2 === 1 || cellStart < copied || !bytes.subarray(cellStart, at).equals(before) || end === at + 3 || !closes) {
      throw new Error("a placeholder's character outside a placeholder's cell");
    }
    const node = names[Number(bytes.toString("latin1", at + 3, end))];
    if (!node) throw new Error(`a placeholder (${bytes.toString("latin1", at + 3, end)}) for an entity that was not named`);
    pieces.push(bytes.subarray(copied, cellStart), Buffer.from(isName ? csvCell(node.name) : csvCell(`reference to ${node.type}`), "utf8"));
    copied = end + 4;
    at = copied - 1;
  }
  pieces.push(bytes.subarray(copied));
  return pieces;
}
