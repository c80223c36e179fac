// The combined tables: corpus.organizations.csv and corpus.events.csv, copied from the rows the
// articles' jobs made (parked on disk, article-record.ts) as bytes, and corpus.xlsx from every
// article's rows: those made now, kept in a spill of their own until the workbook is written in slug
// order, and those of kept articles, copied from where the current corpus.xlsx has them.

import { join } from "node:path";
import type { CombinedFacts, FileFacts } from "../datapackage/input.ts";
import { StagedStream, writeStagedFile } from "../publish/stage-file.ts";
import type { StagedDist } from "../publish/staged-dist.ts";
import type { Article, Spills } from "./article-record.ts";
import { COMBINED, EVENT_COLUMNS } from "../writers/combined-files.ts";
import { eventsCsvBytes, organizationsCsvBytes, organizationsHeader } from "./combined-csv.ts";
import { writeCorpusWorkbook, type PlacedPiece, type SheetPiece } from "./combined-xlsx.ts";
import { Spill, WindowReader } from "./spill.ts";

/** corpus.organizations.csv and corpus.events.csv, from the spill of CSV lines, read whole. */
export function writeCombinedCsv(articles: readonly Article[], spills: Spills, staging: string): Map<string, CombinedFacts> {
  const files = new Map<string, CombinedFacts>();
  const lines = spills.csvLines;
  const organizations = organizationsCsvBytes(articles.length, (i) => lines.bytesOf(articles[i]!.organization!));
  files.set(COMBINED.organizations, { ...writeStagedFile(staging, COMBINED.organizations, organizations), header: organizationsHeader() });
  // The events' lines are copied from the spill's bytes, in date order.
  const dates = articles.flatMap((a) => a.events?.dates ?? []);
  const ranges = new Float64Array(dates.length * 2);
  let n = 0;
  for (const { events } of articles) {
    if (!events) continue;
    let at = events.at;
    for (const length of events.lengths) {
      ranges[n++] = at;
      ranges[n++] = length;
      at += length;
    }
  }
  const events = eventsCsvBytes(dates, (i) => lines.bytesOf([ranges[2 * i]!, ranges[2 * i + 1]!]));
  files.set(COMBINED.events, { ...writeStagedFile(staging, COMBINED.events, events), header: [...EVENT_COLUMNS] });
  return files;
}

/** The articles' rows of corpus.xlsx as their jobs hand them over (combined-xlsx.ts's pieces), until the workbook is written. */
export class WorkbookRows {
  private readonly spill: Spill;

  constructor(staging: string) {
    this.spill = new Spill(join(staging, ".spill-xlsx"));
  }

  /** Parks an article's rows, sheet by sheet. */
  put(article: Article, pieces: readonly SheetPiece[]): void {
    article.workbook = { made: pieces.map((piece): PlacedPiece => [...this.spill.putBytes(piece.deflated), piece.crc, piece.size, piece.rows]) };
  }

  /**
   * corpus.xlsx from every article's rows in slug order: those made now from the spill, the others
   * from where the current corpus.xlsx (in `staged.outDir`) has them. Returns the file's facts and
   * where each article's rows now lie, for the next export.
   */
  write(articles: readonly Article[], staged: StagedDist): { facts: FileFacts; placed: Map<string, PlacedPiece[]> } {
    const stream = new StagedStream(staged.staging, COMBINED.workbook);
    const currentPath = join(staged.outDir, COMBINED.workbook);
    let current: WindowReader | undefined;
    const piece = (i: number, k: number): SheetPiece => {
      const article = articles[i]!;
      const rows = article.workbook;
      if (rows && "made" in rows) {
        const [offset, length, crc, size, count] = rows.made[k]!;
        return { deflated: this.spill.readBytes([offset, length]), crc, size, rows: count };
      }
      if (!rows) throw new Error(`${article.file}: its rows of corpus.xlsx were neither made nor kept`);
      const [offset, length, crc, size, count] = rows.kept[k]!;
      if (length === 0) return { deflated: new Uint8Array(0), crc, size, rows: count };
      current ??= new WindowReader(currentPath);
      return { deflated: current.read(offset, length), crc, size, rows: count };
    };
    let placed: PlacedPiece[][] | undefined;
    let facts: FileFacts;
    try {
      placed = writeCorpusWorkbook(articles.length, piece, (chunk) => stream.write(chunk));
    } finally {
      facts = stream.close();
      current?.close();
      this.dispose();
    }
    return { facts, placed: new Map(articles.map((a, i) => [a.slug, placed[i]!])) };
  }

  dispose(): void {
    this.spill.dispose();
  }
}
