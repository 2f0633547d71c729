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

/**
 * The ranking of one search, as its pages and what matched them, by the pages' ids.
 *
 * A class, its pages read by an iterator of its own: no function is made per search that holds
 * the ranking. V8 kept every ranking a generator or a getter made per search had closed over
 * until the next minor garbage collection, which then moved it to the old generation: a few
 * hundred kilobytes a collection under never-repeated queries, and a full collection, which
 * stops every request, several times a second (`node --trace-gc-nvp` shows `promoted=`).
 */
class Found implements FoundPages, Iterable<FoundPage> {
  #scores: Map<string, number> | undefined;

  constructor(
    private readonly ranking: Ranking,
    private readonly index: LanguageIndex,
  ) {}

  get pages(): Iterable<FoundPage> {
    return this;
  }

  [Symbol.iterator](): Iterator<FoundPage> {
    return new PageIterator(this.ranking, this.index);
  }

  scoreOf(id: string): number {
    this.#scores ??= new Map(
      this.ranking.documents.map(({ document, score }) => [idOf(this.index, document), score]),
    );
    return this.#scores.get(id) ?? 0;
  }

  titleLength(id: string): number {
    return this.index.words[this.index.byId.get(id) ?? -1]?.[TITLE]?.length ?? 0;
  }
}

/** The pages found, best first, each made as the grouping reaches it. */
class PageIterator implements Iterator<FoundPage> {
  #next = 0;

  constructor(
    private readonly ranking: Ranking,
    private readonly index: LanguageIndex,
  ) {}

  next(): IteratorResult<FoundPage> {
    const ranked = this.ranking.documents[this.#next];
    if (!ranked) return { done: true, value: undefined };
    this.#next += 1;
    const { document, score, hits, askedFor } = ranked;
    return { done: false, value: new Page(idOf(this.index, document), score, hits, askedFor) };
  }
}

function idOf(index: LanguageIndex, document: number): string {
  return index.documents[document]?.id ?? '';
}

/** The ranking of one search as the grouping reads it (see Found). */
export function foundPages(ranking: Ranking, index: LanguageIndex): FoundPages {
  return new Found(ranking, index);
}
