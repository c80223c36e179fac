// Where in an artifact's text a node and its property are written, so a violation can point at a
// line and column. RDF parsers give triples, not positions; the writers put each subject's
// statements together (Turtle: one block per subject; JSON-LD: one object per node), so finding the
// subject's block and then the property inside it is reliable for them, and a best effort for
// hand-edited files: a term not found points at its subject, or at the top of the file.

import type { Position } from "../read/read-yaml.ts";
import { RDF_TYPE, SCHEMA } from "../graph/namespaces.ts";

export type Locate = (node: string, property?: string) => Position;

interface Line {
  text: string;
  number: number;
}

function linesOf(text: string): Line[] {
  return text.split(/\r?\n/).map((line, index) => ({ text: line, number: index + 1 }));
}

/** The ways a Turtle file can write an IRI: <iri>, and prefix:local for each of its prefixes. */
function turtleSpellings(iri: string, prefixes: ReadonlyMap<string, string>): string[] {
  const spellings = [`<${iri}>`];
  for (const [prefix, namespace] of prefixes) if (iri.startsWith(namespace)) spellings.push(`${prefix}:${iri.slice(namespace.length)}`);
  return spellings;
}

export function turtleLocator(text: string): Locate {
  const lines = linesOf(text);
  const prefixes = new Map<string, string>();
  for (const { text: line } of lines) {
    const match = /^\s*@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>/.exec(line);
    if (match) prefixes.set(match[1] ?? "", match[2]!);
  }
  const startsWithTerm = (line: string, spellings: readonly string[]) => spellings.some((s) => line.startsWith(s) && /^(\s|$|;|,)/.test(line.slice(s.length)));
  return (node, property) => {
    const subjectSpellings = turtleSpellings(node, prefixes);
    const start = lines.findIndex((l) => startsWithTerm(l.text, subjectSpellings));
    if (start < 0) return { line: 1, col: 1 };
    if (property === undefined) return { line: lines[start]!.number, col: 1 };
    const propertySpellings = property === RDF_TYPE ? ["a", ...turtleSpellings(property, prefixes)] : turtleSpellings(property, prefixes);
    for (let i = start; i < lines.length; i++) {
      const line = lines[i]!.text;
      // After the subject on its first line, or at the start of a continuation line.
      const rest = i === start ? line.slice(subjectSpellings.find((s) => line.startsWith(s))!.length) : line;
      const indent = rest.length - rest.trimStart().length;
      if (startsWithTerm(rest.trimStart(), propertySpellings)) return { line: lines[i]!.number, col: line.length - rest.length + indent + 1 };
      if (/\.\s*$/.test(line) && !/^\s*@prefix/.test(line)) break;
    }
    return { line: lines[start]!.number, col: 1 };
  };
}

/** The keys a JSON-LD object can use for a property: schema.org's own term, a prefixed name, the IRI. */
function jsonLdKeys(property: string, prefixes: ReadonlyMap<string, string>): string[] {
  if (property === RDF_TYPE) return ["@type"];
  const keys = [property];
  if (property.startsWith(SCHEMA)) keys.push(property.slice(SCHEMA.length));
  for (const [prefix, namespace] of prefixes) if (property.startsWith(namespace)) keys.push(`${prefix}:${property.slice(namespace.length)}`);
  return keys.map((key) => JSON.stringify(key));
}

export function jsonLdLocator(text: string): Locate {
  const lines = linesOf(text);
  const prefixes = new Map<string, string>();
  for (const { text: line } of lines) {
    const match = /^\s*"([A-Za-z][\w-]*)":\s*"([^"]*[#/])"\s*,?\s*$/.exec(line);
    if (match) prefixes.set(match[1]!, match[2]!);
  }
  return (node, property) => {
    const id = `"@id": ${JSON.stringify(node)}`;
    // The node's own object, not a reference to it ({"@id": …} alone is followed by its closing brace).
    const start = lines.findIndex((l, i) => l.text.trim().replace(/,$/, "") === id && !/^\s*}/.test(lines[i + 1]?.text ?? "}"));
    if (start < 0) return { line: 1, col: 1 };
    const col = (i: number, needle: string) => lines[i]!.text.indexOf(needle) + 1;
    if (property === undefined) return { line: lines[start]!.number, col: col(start, '"@id"') };
    const indent = lines[start]!.text.length - lines[start]!.text.trimStart().length;
    const keys = jsonLdKeys(property, prefixes).map((key) => `${key}:`);
    for (let i = start; i < lines.length; i++) {
      const line = lines[i]!.text;
      const lineIndent = line.length - line.trimStart().length;
      if (lineIndent < indent && /^\s*}/.test(line)) break;
      if (lineIndent === indent) {
        const key = keys.find((k) => line.trimStart().startsWith(k));
        if (key) return { line: lines[i]!.number, col: lineIndent + 1 };
      }
    }
    return { line: lines[start]!.number, col: col(start, '"@id"') };
  };
}
