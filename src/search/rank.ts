import { FIELDS, NAMES, TEXT, TITLE, type LanguageIndex, type SearchDocument } from './index';
import type { QueryUnit } from './parse';
import type { Work } from './work';

/** How much a match counts in each field, in the order of FIELDS. */
const FIELD_WEIGHT: Readonly<Record<(typeof FIELDS)[number], number>> = {
  title: 3,
  // A task is its profile's as much as its title's, a little more: in « RAE qualité » the RAE
  // is who asks, more often than what is asked about.
  names: 3.3,
  description: 1.5,
  question: 1.2,
  text: 0.6,
};
const WEIGHTS = FIELDS.map((field) => FIELD_WEIGHT[field]);

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

/** What a match on a part of a phrase ("RAE" in "co-RAE") counts, against the whole. */
const PART_WEIGHT = 0.6;
/** Two parts of the query side by side in a field, as typed, count this much more. */
const PHRASE_BONUS = 0.5;
/** A title made only of what was asked says the page is about just that. */
const TITLE_FIT_BONUS = 1.5;
/** Below this share of the best score, a page is left out. */
const RELATIVE_CUTOFF = 0.1;
const MAX_SPANS = 8;

/** Where a unit was found in a field: from `start` to `end`, word positions, inclusive. */
interface Span {
  field: number;
  start: number;
  end: number;
}

/** How one unit of the query matched one document. */
export interface UnitHit {
  score: number;
  /** Bit `1 << field` for each field it was found in. */
  fields: number;
  spans: Span[];
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

/**
 * The spans of a hit found only in body text, which keeps none: one shared, frozen array until a
 * hit has a span of its own, as most hits of a common word never do.
 */
const NO_SPANS = Object.freeze([]) as unknown as Span[];

/** How one unit matched: by document (an array, not a Map: documents are numbered densely). */
interface UnitHits {
  byDocument: (UnitHit | undefined)[];
  /** The documents it matched, in the order first met. */
  documents: number[];
}

function matchUnit(
  unit: QueryUnit,
  index: LanguageIndex,
  work: Work,
  matched: Set<string>,
  askedFor: Set<number>,
): UnitHits {
  const byDocument: (UnitHit | undefined)[] = new Array<UnitHit | undefined>(
    index.documents.length,
  );
  const documents: number[] = [];
  for (const [token, weight] of unit.tokens) {
    if (work.exhausted) break;
    const occurrences = index.occurrences.get(token) ?? [];
    work.spend(index.occurrenceCounts.get(token) ?? 0);
    if (occurrences.length > 0) matched.add(token);
    for (const { document, field, position, length, part } of occurrences) {
      // "to a user" is whom the task is for: the user's own pages are not what is asked.
      if (unit.forWhom && field === NAMES) {
        askedFor.add(document);
        continue;
      }
      let hit = byDocument[document];
      if (!hit) {
        byDocument[document] = hit = { score: 0, fields: 0, spans: NO_SPANS };
        documents.push(document);
      }
      hit.score = Math.max(hit.score, weight * (part ? PART_WEIGHT : 1) * (WEIGHTS[field] ?? 0));
      hit.fields |= 1 << field;
      // A part of a name ("RAE" in "co-RAE") is not what the title is about, nor a phrase.
      if (field !== TEXT && !part && hit.spans.length < MAX_SPANS) {
        if (hit.spans === NO_SPANS) hit.spans = [];
        hit.spans.push({ field, start: position, end: position + length - 1 });
      }
    }
  }
  return { byDocument, documents };
}

/** Consecutive units side by side in one field: as typed (full bonus) or swapped (half). */
function phraseBonus(hits: readonly (UnitHit | undefined)[], idf: readonly number[]): number {
  let bonus = 0;
  for (let unit = 0; unit + 1 < hits.length; unit++) {
    const left = hits[unit];
    const right = hits[unit + 1];
    if (!left || !right) continue;
    let best = 0;
    // Index loops: this runs for every candidate page, and array iterators are objects.
    for (let i = 0; i < left.spans.length; i++) {
      const a = left.spans[i] as Span;
      for (let j = 0; j < right.spans.length; j++) {
        const b = right.spans[j] as Span;
        if (a.field !== b.field) continue;
        const order = b.start === a.end + 1 ? 1 : a.start === b.end + 1 ? 0.5 : 0;
        best = Math.max(best, order * (WEIGHTS[a.field] ?? 0));
      }
    }
    bonus += PHRASE_BONUS * best * (((idf[unit] ?? 0) + (idf[unit + 1] ?? 0)) / 2);
  }
  return bonus;
}

/** Which words of a title are matched, for `titleFit`: one array, reused (one search at a time). */
let titleWords = new Uint8Array(64);

/** The share of the title's words the query matched. */
function titleFit(titleLength: number, hits: readonly (UnitHit | undefined)[]): number {
  if (titleLength === 0) return 0;
  if (titleWords.length < titleLength) titleWords = new Uint8Array(titleLength * 2);
  const covered = titleWords;
  covered.fill(0, 0, titleLength);
  let count = 0;
  for (let unit = 0; unit < hits.length; unit++) {
    const hit = hits[unit];
    if (!hit) continue;
    for (let at = 0; at < hit.spans.length; at++) {
      const span = hit.spans[at] as Span;
      if (span.field !== TITLE) continue;
      for (let position = span.start; position <= span.end; position++) {
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
  const hitsByUnit = units.map((unit) => matchUnit(unit, index, work, matched, askedFor));
  const count = index.documents.length;
  const idf = hitsByUnit.map(({ documents }) =>
    documents.length === 0 ? 0 : Math.log(1 + count / documents.length),
  );
  const totalIdf = idf.reduce((sum, value) => sum + value, 0);
  const candidates = candidatesOf(hitsByUnit, count);
  // Every candidate scored first; the hits of those kept are gathered after the cut-off, as
  // a common word makes hundreds of candidates and keeps a few.
  const hits: (UnitHit | undefined)[] = new Array<UnitHit | undefined>(units.length);
  const scores = candidates.map((document) => {
    for (let unit = 0; unit < units.length; unit++) {
      hits[unit] = hitsByUnit[unit]?.byDocument[document];
    }
    return scoreOf(index, document, hits, idf, totalIdf);
  });
  work.spend(candidates.length);
  const floor = scores.reduce((best, score) => Math.max(best, score), 0) * RELATIVE_CUTOFF;
  const ranked: RankedDocument[] = [];
  candidates.forEach((document, at) => {
    const score = scores[at] ?? 0;
    if (score < floor) return;
    ranked.push({
      document,
      score,
      hits: hitsByUnit.map(({ byDocument }) => byDocument[document]),
      askedFor: askedFor.has(document),
    });
  });
  ranked.sort((a, b) => b.score - a.score || a.document - b.document);
  return { documents: ranked, matched };
}

/** The documents any unit matched, each once, in the order first met. */
function candidatesOf(hitsByUnit: readonly UnitHits[], count: number): number[] {
  const seen = new Uint8Array(count);
  const candidates: number[] = [];
  for (const { documents } of hitsByUnit) {
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
  hits: readonly (UnitHit | undefined)[],
  idf: readonly number[],
  totalIdf: number,
): number {
  let base = 0;
  let covered = 0;
  let matched = 0;
  for (let unit = 0; unit < hits.length; unit++) {
    const hit = hits[unit];
    if (!hit) continue;
    base += (idf[unit] ?? 0) * hit.score;
    covered += idf[unit] ?? 0;
    matched += 1;
  }
  const fit = titleFit(index.words[document]?.[TITLE]?.length ?? 0, hits);
  const bonus = phraseBonus(hits, idf) + TITLE_FIT_BONUS * fit * (covered / matched);
  const coverage = covered / totalIdf;
  const kind = index.documents[document]?.kind ?? 'page';
  return (base + bonus) * coverage ** 2 * KIND_PRIOR[kind];
}
