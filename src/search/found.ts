import { FIELDS, TITLE, type Field, type LanguageIndex } from './index';
import type { Ranking, UnitHit } from './rank';

/** Where one part of the query (a word with its other forms, or a known phrase) matched a page. */
export interface PartFound {
  /** The fields it was found in. */
  fields: readonly Field[];
  /**
   * The last word of the title it matched, counted without the ignored words, as a whole word
   * or phrase (« RAE » in « co-RAE » does not count); -1 when it matched no word of the title.
   */
  lastTitleWord: number;
  /** The first word of the title it matched, counted as `lastTitleWord` is; -1 when none. */
  firstTitleWord: number;
}

/** A page the search found, as the grouping of results into lines reads it. */
export interface FoundPage {
  id: string;
  score: number;
  /** The parts of the query that matched it, in the order of the query. */
  parts: readonly PartFound[];
  /** Whether the query names its profile as whom the task is for ("to a user"). */
  askedFor: boolean;
}

/** What one search found, for the grouping of results into lines. */
export interface FoundPages {
  /** The pages found, best first; read lazily, so a grouping reads only as many as it needs. */
  pages: Iterable<FoundPage>;
  /** A page's score; 0 for a page not found, or left out as far below the best. */
  scoreOf(id: string): number;
  /** The words of a page's title as search counts them (the ignored words left out). */
  titleLength(id: string): number;
}

/** The fields of each combination of `UnitHit.fields` bits, made once: no list per search. */
const FIELD_LISTS: readonly (readonly Field[])[] = Array.from(
  { length: 1 << FIELDS.length },
  (_, bits) => FIELDS.filter((_, field) => (bits & (1 << field)) !== 0),
);

function partFound(hit: UnitHit): PartFound {
  let lastTitleWord = -1;
  let firstTitleWord = -1;
  for (const { field, start, end } of hit.spans) {
    if (field !== TITLE) continue;
    if (end > lastTitleWord) lastTitleWord = end;
    if (firstTitleWord < 0 || start < firstTitleWord) firstTitleWord = start;
  }
  return { fields: FIELD_LISTS[hit.fields] ?? [], lastTitleWord, firstTitleWord };
}

/** A ranked document as a found page; its parts are worked out only if a grouping asks. */
class Page implements FoundPage {
  #parts: PartFound[] | undefined;

  constructor(
    readonly id: string,
    readonly score: number,
    private readonly hits: readonly (UnitHit | undefined)[],
    readonly askedFor: boolean,
  ) {}

  get parts(): readonly PartFound[] {
    if (!this.#parts) {
      this.#parts = [];
      for (const hit of this.hits) if (hit) this.#parts.push(partFound(hit));
    }
    return this.#parts;
  }
}

/** The ranking of one search, as its pages and what matched them, by the pages' ids. */
export function foundPages(ranking: Ranking, index: LanguageIndex): FoundPages {
  const idOf = (document: number) => index.documents[document]?.id ?? '';
  let scores: Map<string, number> | undefined;
  return {
    pages: {
      *[Symbol.iterator]() {
        for (const { document, score, hits, askedFor } of ranking.documents) {
          yield new Page(idOf(document), score, hits, askedFor);
        }
      },
    },
    scoreOf(id) {
      scores ??= new Map(ranking.documents.map(({ document, score }) => [idOf(document), score]));
      return scores.get(id) ?? 0;
    },
    titleLength: (id) => index.words[index.byId.get(id) ?? -1]?.[TITLE]?.length ?? 0,
  };
}
