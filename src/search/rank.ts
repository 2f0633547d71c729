import { NAMES, occurrenceScore, TITLE, WEIGHTS } from './fields';
import type { LanguageIndex, Posting, SearchDocument, Span } from './index';
import type { QueryUnit } from './parse';
import type { Work } from './work';

/**
 * What kind of page a visitor most likely wants, all else equal: the answer to a task before
 * an outcome of it that asks one more thing, and both before the site's own pages, whose long
 * texts name everything once.
 */
const KIND_PRIOR: Readonly<Record<SearchDocument['kind'], number>> = {
  topic: 1,
  profile: 1,
  task: 0.95,
  outcome: 0.85,
  generated: 0.9,
  page: 0.9,
  step: 0.8,
  home: 0.6,
};

/** Two parts of the query side by side in a field, as typed, count this much more. */
const PHRASE_BONUS = 0.5;
/** A title made only of what was asked says the page is about just that. */
const TITLE_FIT_BONUS = 1.5;
/** Below this share of the best score, a page is left out. */
const RELATIVE_CUTOFF = 0.1;
const MAX_SPANS = 8;

/** How one unit of the query matched one document. */
export interface UnitHit {
  score: number;
  /** Bit `1 << field` for each field it was found in. */
  fields: number;
  /** Where, as a whole word or phrase outside the body text: at most MAX_SPANS. */
  spans: readonly Span[];
}

export interface RankedDocument {
  document: number;
  score: number;
  /** Per unit of the query, how it matched this document, if it did. */
  hits: readonly (UnitHit | undefined)[];
  /** Whether the query names its profile as whom the task is for ("to a user"). */
  askedFor: boolean;
}

export interface Ranking {
  documents: RankedDocument[];
  /** Every index token (word or phrase group) a unit matched: what to mark in excerpts. */
  matched: ReadonlySet<string>;
}

/** Numbers a span takes in UnitMatches' array: its field, start and end. */
const SPAN_SIZE = 3;

/**
 * How one unit matched every document, in typed arrays by document number that one search
 * after another reuses (a search runs to its end before the next starts): scoring every
 * candidate page allocates nothing, and only the pages kept get a UnitHit of their own.
 */
class UnitMatches {
  readonly score: Float64Array;
  /** Bit `1 << field` for each field; 0 where the unit did not match. */
  readonly fields: Uint8Array;
  /** Per document, MAX_SPANS spans of SPAN_SIZE numbers, of which `spanCount` are set. */
  readonly spans: Int32Array;
  readonly spanCount: Uint8Array;
  /** The documents it matched, in the order first met. */
  readonly documents: number[] = [];

  constructor(count: number) {
    this.score = new Float64Array(count);
    this.fields = new Uint8Array(count);
    this.spans = new Int32Array(count * MAX_SPANS * SPAN_SIZE);
    this.spanCount = new Uint8Array(count);
  }

  /** Forgets the last search's matches. */
  clear(): void {
    for (const document of this.documents) {
      this.score[document] = 0;
      this.fields[document] = 0;
      this.spanCount[document] = 0;
    }
    this.documents.length = 0;
  }

  has(document: number): boolean {
    return this.fields[document] !== 0;
  }

  /** Adds a span to a document's, unless it has MAX_SPANS already. */
  addSpan(document: number, { field, start, end }: Span): void {
    const count = this.spanCount[document] ?? MAX_SPANS;
    if (count >= MAX_SPANS) return;
    const at = (document * MAX_SPANS + count) * SPAN_SIZE;
    this.spans[at] = field;
    this.spans[at + 1] = start;
    this.spans[at + 2] = end;
    this.spanCount[document] = count + 1;
  }

  /** Where the `nth` span of a document starts in `spans`. */
  spanAt(document: number, nth: number): number {
    return (document * MAX_SPANS + nth) * SPAN_SIZE;
  }

  /** As a UnitHit, for a page that is kept; undefined where the unit did not match. */
  hit(document: number): UnitHit | undefined {
    if (!this.has(document)) return undefined;
    const spans: Span[] = [];
    for (let nth = 0; nth < (this.spanCount[document] ?? 0); nth++) {
      const at = this.spanAt(document, nth);
      spans.push({
        field: this.spans[at] ?? 0,
        start: this.spans[at + 1] ?? 0,
        end: this.spans[at + 2] ?? 0,
      });
    }
    return { score: this.score[document] ?? 0, fields: this.fields[document] ?? 0, spans };
  }
}

/** The reusable matches of each index, a UnitMatches per unit of a query, made as needed. */
const reusable = new WeakMap<LanguageIndex, UnitMatches[]>();

function matchesFor(index: LanguageIndex, units: number): UnitMatches[] {
  let pool = reusable.get(index);
  if (!pool) reusable.set(index, (pool = []));
  while (pool.length < units) pool.push(new UnitMatches(index.documents.length));
  const used = pool.slice(0, units);
  for (const matches of used) matches.clear();
  return used;
}

/**
 * One unit's matches, read from the postings of each of its tokens: as if each occurrence were
 * read in turn, the best one of a document counting, its fields and its whole-word spans
 * gathered in order. "To a user" is whom the task is for: the user's own pages are not what is
 * asked, so a `forWhom` unit does not look in the names of who asks.
 */
function matchUnit(
  unit: QueryUnit,
  index: LanguageIndex,
  work: Work,
  into: UnitMatches,
  matched: Set<string>,
  askedFor: Set<number>,
): void {
  for (const [token, weight] of unit.tokens) {
    if (work.exhausted) break;
    const postings = index.postings.get(token);
    work.spend(index.occurrenceCounts.get(token) ?? 0);
    if (!postings || postings.length === 0) continue;
    matched.add(token);
    for (let at = 0; at < postings.length; at++) {
      const posting = postings[at] as Posting;
      const { document } = posting;
      if (unit.forWhom && posting.inNames) askedFor.add(document);
      const { fields, best } = unit.forWhom ? posting.outsideNames : posting;
      if (!best) continue;
      if (into.fields[document] === 0) into.documents.push(document);
      const score = occurrenceScore(weight, best.field, best.part);
      if (score > (into.score[document] ?? 0)) into.score[document] = score;
      into.fields[document] = (into.fields[document] ?? 0) | fields;
      for (const span of posting.spans) {
        if (!(unit.forWhom && span.field === NAMES)) into.addSpan(document, span);
      }
    }
  }
}

/** Consecutive units side by side in one field: as typed (full bonus) or swapped (half). */
function phraseBonus(
  matches: readonly UnitMatches[],
  document: number,
  idf: readonly number[],
): number {
  let bonus = 0;
  for (let unit = 0; unit + 1 < matches.length; unit++) {
    const left = matches[unit] as UnitMatches;
    const right = matches[unit + 1] as UnitMatches;
    const leftCount = left.spanCount[document] ?? 0;
    const rightCount = right.spanCount[document] ?? 0;
    let best = 0;
    // Index loops over typed arrays: this runs for every candidate page.
    for (let i = 0; i < leftCount; i++) {
      const a = left.spanAt(document, i);
      const field = left.spans[a] ?? 0;
      for (let j = 0; j < rightCount; j++) {
        const b = right.spanAt(document, j);
        if (right.spans[b] !== field) continue;
        const order =
          right.spans[b + 1] === (left.spans[a + 2] ?? 0) + 1
            ? 1
            : left.spans[a + 1] === (right.spans[b + 2] ?? 0) + 1
              ? 0.5
              : 0;
        best = Math.max(best, order * (WEIGHTS[field] ?? 0));
      }
    }
    bonus += PHRASE_BONUS * best * (((idf[unit] ?? 0) + (idf[unit + 1] ?? 0)) / 2);
  }
  return bonus;
}

/** Which words of a title are matched, for `titleFit`: one array, reused (one search at a time). */
let titleWords = new Uint8Array(64);

/** The share of the title's words the query matched. */
function titleFit(titleLength: number, matches: readonly UnitMatches[], document: number): number {
  if (titleLength === 0) return 0;
  if (titleWords.length < titleLength) titleWords = new Uint8Array(titleLength * 2);
  const covered = titleWords;
  covered.fill(0, 0, titleLength);
  let count = 0;
  for (const unit of matches) {
    for (let nth = 0; nth < (unit.spanCount[document] ?? 0); nth++) {
      const at = unit.spanAt(document, nth);
      if (unit.spans[at] !== TITLE) continue;
      const end = unit.spans[at + 2] ?? -1;
      for (let position = unit.spans[at + 1] ?? 0; position <= end; position++) {
        if (position >= titleLength || covered[position] === 1) continue;
        covered[position] = 1;
        count += 1;
      }
    }
  }
  return count / titleLength;
}

/**
 * Scores every document that matches a unit: the matches (each unit's best field, weighted by
 * how rare the unit is), a bonus for units side by side as typed and for a title that is just
 * what was asked, times the share of the query matched (squared: a page that has every word
 * comes before one that has some), times how likely that kind of page is the answer.
 */
export function rankDocuments(
  index: LanguageIndex,
  units: readonly QueryUnit[],
  work: Work,
): Ranking {
  const matched = new Set<string>();
  const askedFor = new Set<number>();
  const matches = matchesFor(index, units.length);
  units.forEach((unit, at) =>
    matchUnit(unit, index, work, matches[at] as UnitMatches, matched, askedFor),
  );
  const count = index.documents.length;
  const idf = matches.map(({ documents }) =>
    documents.length === 0 ? 0 : Math.log(1 + count / documents.length),
  );
  const totalIdf = idf.reduce((sum, value) => sum + value, 0);
  const candidates = candidatesOf(matches, count);
  const scores = candidates.map((document) => scoreOf(index, document, matches, idf, totalIdf));
  work.spend(candidates.length);
  const floor = scores.reduce((best, score) => Math.max(best, score), 0) * RELATIVE_CUTOFF;
  const ranked: RankedDocument[] = [];
  candidates.forEach((document, at) => {
    const score = scores[at] ?? 0;
    if (score < floor) return;
    ranked.push({
      document,
      score,
      hits: matches.map((unit) => unit.hit(document)),
      askedFor: askedFor.has(document),
    });
  });
  ranked.sort((a, b) => b.score - a.score || a.document - b.document);
  return { documents: ranked, matched };
}

/** The documents any unit matched, each once, in the order first met. */
function candidatesOf(matches: readonly UnitMatches[], count: number): number[] {
  const seen = new Uint8Array(count);
  const candidates: number[] = [];
  for (const { documents } of matches) {
    for (const document of documents) {
      if (seen[document] === 1) continue;
      seen[document] = 1;
      candidates.push(document);
    }
  }
  return candidates;
}

/** One document's score, from how each unit of the query matched it. */
function scoreOf(
  index: LanguageIndex,
  document: number,
  matches: readonly UnitMatches[],
  idf: readonly number[],
  totalIdf: number,
): number {
  let base = 0;
  let covered = 0;
  let matched = 0;
  for (let unit = 0; unit < matches.length; unit++) {
    const found = matches[unit] as UnitMatches;
    if (!found.has(document)) continue;
    base += (idf[unit] ?? 0) * (found.score[document] ?? 0);
    covered += idf[unit] ?? 0;
    matched += 1;
  }
  const fit = titleFit(index.words[document]?.[TITLE]?.length ?? 0, matches, document);
  const bonus = phraseBonus(matches, document, idf) + TITLE_FIT_BONUS * fit * (covered / matched);
  const coverage = covered / totalIdf;
  const kind = index.documents[document]?.kind ?? 'page';
  return (base + bonus) * coverage ** 2 * KIND_PRIOR[kind];
}
