// The article's timeline, for the web page: every event that has a date (its start, or for a
// recurring day the date it was designated) and every milestone of the history, in date order.
// Dates keep the article's precision ("1992", "2013-01", "2020-11-02").

import type { ArticleModel, DateString } from "../model/types.ts";

export interface TimelineEntry {
  /** The date the entry is ordered by. */
  date: DateString;
  /** Set when the entry spans a period. */
  endDate?: DateString;
  /** How the article words the date ("by", "over the next four years"), for milestones. */
  qualifier?: string;
  kind: "event" | "milestone";
  id: string;
  /** The event's name, or the milestone's statement. */
  title: string;
  /** The event's category (campaign, observance, ...), or "history". */
  category: string;
  description?: string;
  /** For a recurring day: what it recurs on, in words (e.g. "every year on 2 November"). */
  recurrence?: string;
  /** For a designated day: who designated it. */
  designatedBy?: string;
}

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function timeline(model: ArticleModel): TimelineEntry[] {
  // Names by id only when a designated day needs its designator's name: few events are such days.
  let names: Map<string, string> | undefined;
  const entries: TimelineEntry[] = [];
  for (const e of model.events) {
    const date = e.startDate ?? e.designationDate;
    if (!date) continue;
    entries.push({
      date,
      ...(e.startDate && e.endDate && { endDate: e.endDate }),
      kind: "event",
      id: e.id,
      title: e.name,
      category: e.category,
      ...(e.description && { description: e.description }),
      ...(e.schedule && { recurrence: `every year on ${e.schedule.day} ${MONTHS[e.schedule.month - 1]}` }),
      ...(!e.startDate && e.designatedBy && { designatedBy: (names ??= namesById(model)).get(e.designatedBy) ?? e.designatedBy }),
    });
  }
  for (const m of model.milestones) {
    const date = m.startDate ?? m.endDate!;
    entries.push({
      date,
      ...(m.startDate && m.endDate && { endDate: m.endDate }),
      ...(m.dateQualifier && { qualifier: m.dateQualifier }),
      kind: "milestone",
      id: m.id,
      title: m.description,
      category: "history",
    });
  }
  // ISO dates of mixed precision sort as text ("1992" < "1992-05"); the sort is stable, so equal
  // dates keep the article's order, events before milestones.
  return entries.sort(byDate);
}

// Module functions, not closures made per call (under tsx each costs a defineProperty).
function byDate(a: TimelineEntry, b: TimelineEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Every entity's name by its id; a later list's entity wins over an earlier one's with the same id. */
function namesById(model: ArticleModel): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of [model.organizations, model.people, model.places, model.events, model.works, model.topics]) for (const e of list) names.set(e.id, e.name);
  return names;
}

/** "1992", "January 2013", "2 November 2020": the article's precision, in English words. */
export function formatDate(date: DateString): string {
  const [year, month, day] = date.split("-");
  if (month === undefined) return year!;
  const monthName = MONTHS[Number(month) - 1]!;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}
