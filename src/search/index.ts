import type { NodeKind } from '../content/source';
import { searchWords } from './normalize';
import { findPhrasesAndParts, groupToken, type PhraseTable } from './phrases';
import { expandWord, type Expansion } from './expand';
import { createVocabulary, type Vocabulary } from './vocabulary';
import { Work } from './work';

import { FIELDS, NAMES, occurrenceScore, TEXT, type Field } from './fields';

export { FIELDS, NAMES, TEXT, TITLE, type Field } from './fields';

/** A page search can find: a content node, or a page the site generates (the table, the overview). */
export interface SearchDocument {
  id: string;
  kind: NodeKind | 'generated';
  /**
   * `title`: the page's title (an outcome's says its task and its situation). `names`: for a
   * task or outcome, the names of the profile who asks it; for a profile, its other names; for
   * a site page, its slug. `question`: the question a page asks and its answers. `text`: body,
   * note and update.
   */
  fields: Readonly<Record<Field, string>>;
}

/** A word, or a known phrase (its group's token), at a place in a document. */
export interface Occurrence {
  document: number;
  field: number;
  position: number;
  /** In words: 1 for a word, more for a phrase. */
  length: number;
  /** A phrase that is part of a longer one: « RAE » in « co-RAE ». */
  part: boolean;
}

/** Where a whole word or phrase is in a field: from `start` to `end`, word positions, inclusive. */
export interface Span {
  field: number;
  start: number;
  end: number;
}

/**
 * A token in one document, as ranking reads it, made once from its occurrences: ranking then
 * reads one posting a document instead of every occurrence.
 */
export interface Posting {
  document: number;
  /** Bit `1 << field` for each field it is in. */
  fields: number;
  /** The occurrence that counts most (see rank.ts): its field, and whether it was a part. */
  best: { field: number; part: boolean };
  /** Whether it is in the names of who asks (which a `forWhom` unit does not look at). */
  inNames: boolean;
  /** `fields` and `best` without the names of who asks; `best` undefined when only there. */
  outsideNames: { fields: number; best: { field: number; part: boolean } | undefined };
  /** Where it is as a whole word or phrase outside the body text, in order: phrases, titles. */
  spans: readonly Span[];
}

/**
 * The postings of a token's occurrences. A posting keeps the occurrence that counts most: the
 * same for any weight of the query's, since what a field and a part count (fields.ts) are few
 * and far enough apart that no rounding puts two in another order.
 */
function postingsOf(list: readonly Occurrence[]): Posting[] {
  const byDocument = new Map<number, Posting & { spans: Span[] }>();
  const counts = ({ field, part }: { field: number; part: boolean }) =>
    occurrenceScore(1, field, part);
  const better = (best: Posting['best'] | undefined, occurrence: Occurrence) =>
    !best || counts(occurrence) > counts(best)
      ? { field: occurrence.field, part: occurrence.part }
      : best;
  for (const occurrence of list) {
    const { document, field, position, length, part } = occurrence;
    let posting = byDocument.get(document);
    if (!posting) {
      posting = {
        document,
        fields: 0,
        best: { field, part },
        inNames: false,
        outsideNames: { fields: 0, best: undefined },
        spans: [],
      };
      byDocument.set(document, posting);
    }
    posting.fields |= 1 << field;
    posting.best = better(posting.best, occurrence);
    if (field === NAMES) posting.inNames = true;
    else {
      posting.outsideNames.fields |= 1 << field;
      posting.outsideNames.best = better(posting.outsideNames.best, occurrence);
    }
    // A part of a name ("RAE" in "co-RAE") is not what the title is about, nor a phrase.
    if (field !== TEXT && !part) {
      posting.spans.push({ field, start: position, end: position + length - 1 });
    }
  }
  return [...byDocument.values()];
}

/** A token's occurrences with those in the body text cut to one per document, the best. */
function outsideTextThenOncePerPage(list: readonly Occurrence[]): Occurrence[] {
  const inText = new Map<number, Occurrence>();
  for (const occurrence of list) {
    if (occurrence.field !== TEXT) continue;
    const kept = inText.get(occurrence.document);
    if (!kept || (kept.part && !occurrence.part)) inText.set(occurrence.document, occurrence);
  }
  return [...list.filter(({ field }) => field !== TEXT), ...inText.values()];
}

/** One language's documents, indexed once at start. */
export interface LanguageIndex {
  documents: readonly SearchDocument[];
  /** Each document's place in `documents`, by id. */
  byId: ReadonlyMap<string, number>;
  /** Each document's words, field by field, folded, ignored words left out: what positions count. */
  words: readonly (readonly (readonly string[])[])[];
  /**
   * Where each token is, what its postings are made from: every occurrence outside the body
   * text, in order, then one per document in the body text (the best: whole before part). In
   * the body only whether a page has the token counts, and bodies hold most of the occurrences.
   */
  occurrences: ReadonlyMap<string, readonly Occurrence[]>;
  /** Each token's postings, one per document, in the order of `occurrences`. */
  postings: ReadonlyMap<string, readonly Posting[]>;
  /** How many times each token occurs in all, body text included: the work a lookup stands for. */
  occurrenceCounts: ReadonlyMap<string, number>;
  vocabulary: Vocabulary;
  ignored: ReadonlySet<string>;
  /** Words that make the name after them whom a task is for (search.yaml's `forWhom`). */
  forWhom: ReadonlySet<string>;
  phrases: PhraseTable;
  /**
   * Per synonym group, the other forms of its one-word phrases, counting a little less than
   * the group itself: « vervangen » finds « wijzigt », a form of its synonym « wijzigen ».
   */
  synonymForms: readonly Expansion[];
}

export const SYNONYM_WEIGHT = 0.85;

/** Endings of a synonym, never typos: they are looked up once, at start. */
const SYNONYM_FORMS_LIMIT = 12;

function synonymForms(phrases: PhraseTable, vocabulary: Vocabulary): Expansion[] {
  const work = new Work({
    maxTerms: 0,
    fuzzyBudget: 0,
    maxExpansions: SYNONYM_FORMS_LIMIT,
    maxSteps: Infinity,
  });
  return phrases.singleWords.map((words) => {
    const forms = new Map<string, number>();
    for (const word of words) {
      const expansion = expandWord(word, vocabulary, work, {
        typos: false,
        limit: SYNONYM_FORMS_LIMIT,
      });
      for (const [form, weight] of expansion) {
        forms.set(form, Math.max(forms.get(form) ?? 0, weight * SYNONYM_WEIGHT));
      }
    }
    return forms;
  });
}

function isOneWordPhrase(word: string, phrases: PhraseTable): boolean {
  return phrases.byFirstWord.get(word)?.some(({ words }) => words.length === 1) ?? false;
}

export function buildIndex(
  documents: readonly SearchDocument[],
  { ignored, forWhom }: { ignored: ReadonlySet<string>; forWhom: ReadonlySet<string> },
  phrases: PhraseTable,
  /** Words the index may not hold but a query may use: synonyms. */
  extraWords: Iterable<string>,
): LanguageIndex {
  const occurrences = new Map<string, Occurrence[]>();
  const add = (token: string, occurrence: Occurrence) => {
    let list = occurrences.get(token);
    if (!list) occurrences.set(token, (list = []));
    list.push(occurrence);
  };
  const documentWords = documents.map((document, index) =>
    FIELDS.map((field, fieldIndex) => {
      const found = searchWords(document.fields[field], ignored);
      const inPhrases = new Set<number>();
      for (const { start, length, group, part } of findPhrasesAndParts(found, phrases)) {
        add(groupToken(group), {
          document: index,
          field: fieldIndex,
          position: start,
          length,
          part,
        });
        for (let offset = 0; offset < length && !part; offset++) inPhrases.add(start + offset);
      }
      found.forEach((word, position) => {
        const inPhrase = inPhrases.has(position);
        // A profile is named only whole: "accès" alone does not name the Gestionnaire d'Accès.
        if (fieldIndex === NAMES && inPhrase) return;
        // "vte" in "co-vte" is a part of a longer name, as its group's token there is.
        const part = inPhrase && isOneWordPhrase(word, phrases);
        add(word, { document: index, field: fieldIndex, position, length: 1, part });
      });
      return found;
    }),
  );
  const vocabulary = createVocabulary(
    [...occurrences.keys(), ...extraWords].filter((word) => !word.startsWith('~')),
  );
  const kept = new Map(
    [...occurrences].map(([token, list]) => [token, outsideTextThenOncePerPage(list)]),
  );
  return {
    documents,
    byId: new Map(documents.map((document, index) => [document.id, index])),
    words: documentWords,
    occurrences: kept,
    postings: new Map([...kept].map(([token, list]) => [token, postingsOf(list)])),
    occurrenceCounts: new Map([...occurrences].map(([token, list]) => [token, list.length])),
    vocabulary,
    ignored,
    forWhom,
    phrases,
    synonymForms: synonymForms(phrases, vocabulary),
  };
}
