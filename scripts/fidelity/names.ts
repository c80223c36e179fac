// How the scorer compares names: case, diacritics, punctuation and spacing do not matter ("François
// Paradis" = "Francois Paradis", "Knight Newspapers, Inc." = "knight newspapers inc", "&" = "and");
// words and their order do. An alias is another name of the same thing.

/** The comparable form of a name. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whether `name` is one of `names` (a name and its aliases). */
export function sameName(name: string, names: readonly (string | undefined)[]): boolean {
  const key = nameKey(name);
  return key !== "" && names.some((n) => n !== undefined && nameKey(n) === key);
}

/** A URL as compared: scheme and host in lower case, without a trailing slash. */
export function urlKey(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url.trim());
  if (!m) return url.trim();
  return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${m[3]!.replace(/\/$/, "")}`;
}
