// The people and places of an article as a reader of the page sees them: each person with their
// roles (job title at an organization, founder, key person, performer or attendee at an event,
// organizer), their nationality and description; each place with its kind, the places containing
// it, and what the article places there (organizations, founding places, events). Plain data for
// the web page (html.ts), in the article's order of people and places.

import type { ArticleModel, Organization } from "../model/types.ts";

export interface PersonEntry {
  id: string;
  name: string;
  /** "deputy executive director, IFEX", "founder of IFEX", "performer at <event>", … in that order. */
  roles: string[];
  nationality?: string;
  description?: string;
}

export interface PlaceEntry {
  id: string;
  name: string;
  /** "city", "state", "country", … */
  kind: string;
  /** The places containing it, nearest first: ["Ontario", "Canada"]. */
  within: string[];
  /** What the article places there: "IFEX (location)", "Tunisia Monitoring Group (event)", … */
  here: string[];
}

const KIND_WORDS: Record<string, string> = { Place: "place", City: "city", State: "state or province", Country: "country", AdministrativeArea: "administrative area", Continent: "continent" };

/** Entity id → name, for every entity of the article; a reference to another article shows its id. */
function namesOf(model: ArticleModel): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of [model.organizations, model.people, model.places, model.events, model.works, model.topics]) for (const e of list) names.set(e.id, e.name);
  return names;
}

export function peopleAndPlaces(model: ArticleModel): { people: PersonEntry[]; places: PlaceEntry[] } {
  const names = namesOf(model);
  const name = (ref: string) => names.get(ref) ?? ref;
  const roles = new Map<string, string[]>(model.people.map((p) => [p.id, []]));
  const role = (ref: string | undefined, words: string) => {
    if (ref !== undefined) roles.get(ref)?.push(words);
  };
  for (const p of model.people) {
    const title = p.jobTitle !== undefined && p.roleQualifier !== undefined ? `${p.jobTitle} (${p.roleQualifier})` : p.jobTitle;
    if (title !== undefined) role(p.id, p.worksFor !== undefined ? `${title}, ${name(p.worksFor)}` : title);
    else if (p.worksFor !== undefined) role(p.id, `works for ${name(p.worksFor)}`);
  }
  for (const o of model.organizations) {
    for (const id of o.founders ?? []) role(id, `founder of ${o.name}`);
    // A key person's job title already says the role at this organization.
    for (const id of o.keyPeople ?? []) if (!hasTitleAt(model, id, o)) role(id, `key person of ${o.name}`);
  }
  for (const e of model.events) {
    role(e.organizer, `organizer of ${e.name}`);
    for (const id of e.performers ?? []) role(id, `performer at ${e.name}`);
    // A performer is often listed among the attendees too: one role for one event.
    for (const id of e.attendees ?? []) if (!(e.performers ?? []).includes(id)) role(id, `attendee at ${e.name}`);
  }
  const people = model.people.map((p) => ({
    id: p.id,
    name: p.name,
    roles: roles.get(p.id)!,
    ...(p.nationality !== undefined && { nationality: name(p.nationality) }),
    ...(p.description !== undefined && { description: p.description }),
  }));

  const here = new Map<string, string[]>(model.places.map((p) => [p.id, []]));
  const at = (ref: string | undefined, words: string) => {
    if (ref !== undefined) here.get(ref)?.push(words);
  };
  for (const o of model.organizations) {
    at(o.location, `${o.name} (based here)`);
    for (const id of o.locations ?? []) if (id !== o.location) at(id, `${o.name} (location)`);
    at(o.foundingPlace, `${o.name} (founded here)`);
  }
  for (const e of model.events) at(e.location, `${e.name} (event)`);
  for (const p of model.people) at(p.nationality, `${p.name} (nationality)`);
  const byId = new Map(model.places.map((p) => [p.id, p]));
  const places = model.places.map((p) => {
    const within: string[] = [];
    const seen = new Set([p.id]);
    for (let ref = p.containedIn; ref !== undefined && !seen.has(ref); ref = byId.get(ref)?.containedIn) {
      seen.add(ref);
      within.push(name(ref));
    }
    return { id: p.id, name: p.name, kind: KIND_WORDS[p.type] ?? p.type, within, here: here.get(p.id)! };
  });
  return { people, places };
}

function hasTitleAt(model: ArticleModel, personId: string, o: Organization): boolean {
  for (const p of model.people) if (p.id === personId) return p.jobTitle !== undefined && p.worksFor === o.id;
  return false;
}
