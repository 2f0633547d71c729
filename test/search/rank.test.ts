import type { LanguageSearchSettings } from '../../src/content/search-settings';
import { buildIndex, FIELDS, type Field, type SearchDocument } from '../../src/search/index';
import { searchWords } from '../../src/search/normalize';
import { parseQuery } from '../../src/search/parse';
import { phraseTable } from '../../src/search/phrases';
import { rankDocuments } from '../../src/search/rank';
import { DEFAULT_LIMITS } from '../../src/search/search';
import { Work } from '../../src/search/work';

/**
 * Each test is a small index made by hand where one rule of the ranking decides the order. The
 * page that rule puts first is listed last, so that without the rule the two would tie and the
 * tie (broken by the order of the pages) would put it second.
 */

type Page = { id: string; kind?: SearchDocument['kind'] } & Partial<Record<Field, string>>;

const NO_SETTINGS: LanguageSearchSettings = { ignore: [], synonyms: [], forWhom: [] };

function documentOf({ id, kind = 'page', ...fields }: Page): SearchDocument {
  return {
    id,
    kind,
    fields: Object.fromEntries(FIELDS.map((field) => [field, fields[field] ?? ''])) as Record<
      Field,
      string
    >,
  };
}

function ranked(pages: readonly Page[], query: string, settings = NO_SETTINGS) {
  const ignored = new Set(settings.ignore);
  const phrases = phraseTable(settings.synonyms, ignored);
  const index = buildIndex(
    pages.map(documentOf),
    { ignored, forWhom: new Set(settings.forWhom) },
    phrases,
    settings.synonyms.flat().flatMap((phrase) => searchWords(phrase, ignored)),
  );
  const work = new Work(DEFAULT_LIMITS);
  const { units } = parseQuery(query, index, work);
  return rankDocuments(index, units, work).documents.map(({ document, score }) => ({
    id: index.documents[document]?.id,
    score,
  }));
}

const order = (pages: readonly Page[], query: string, settings = NO_SETTINGS) =>
  ranked(pages, query, settings).map(({ id }) => id);

/** The score of each page, by id. */
const scores = (pages: readonly Page[], query: string) =>
  Object.fromEntries(ranked(pages, query).map(({ id, score }) => [id, score]));

/** A title of twelve words the queries never use: its fit to a one-word query is small. */
const LONG_TITLE = 'one two three four five six seven eight nine ten eleven twelve';

describe('ranking', () => {
  describe('field weights: a match counts by the field it is found in', () => {
    it.each<[Field, Field]>([
      ['names', 'title'],
      ['title', 'description'],
      ['description', 'question'],
      ['question', 'text'],
    ])('in %s before in %s', (better, worse) => {
      // The title that holds the word is long, so that its fit to the query weighs little.
      const pages: Page[] = [
        { id: worse, title: LONG_TITLE, [worse]: `${worse === 'title' ? LONG_TITLE : ''} alpha` },
        {
          id: better,
          title: LONG_TITLE,
          [better]: `${better === 'title' ? LONG_TITLE : ''} alpha`,
        },
      ];
      expect(order(pages, 'alpha')).toEqual([better, worse]);
    });

    it('counts a word once, in the best field it is found in, however often it is there', () => {
      const found = scores(
        [
          { id: 'often', description: 'alpha', text: 'alpha alpha alpha alpha' },
          { id: 'once', description: 'alpha' },
        ],
        'alpha',
      );
      expect(found.often).toBeGreaterThan(0);
      expect(found.often).toBe(found.once);
    });
  });

  it('rarity: a rare word found counts more than a common one', () => {
    const pages: Page[] = [
      { id: 'common', title: 'common' },
      { id: 'rare', title: 'rare' },
      ...['a', 'b'].map((id) => ({ id, text: 'common' })),
    ];
    expect(order(pages, 'common rare').slice(0, 2)).toEqual(['rare', 'common']);
  });

  describe('phrase adjacency: words side by side as typed', () => {
    it('counts more side by side as typed, then swapped, then apart', () => {
      const pages: Page[] = [
        { id: 'apart', description: 'beta gamma alpha' },
        { id: 'swapped', description: 'beta alpha gamma' },
        { id: 'as typed', description: 'alpha beta gamma' },
      ];
      expect(order(pages, 'alpha beta')).toEqual(['as typed', 'swapped', 'apart']);
    });

    it('counts only in one field, and not in the body text, which names everything once', () => {
      const across = scores(
        [
          // « alpha » the first word of one field, « beta » the second of another.
          { id: 'across fields', title: 'alpha', description: 'x beta' },
          { id: 'apart', title: 'alpha', description: 'x y beta' },
        ],
        'alpha beta',
      );
      expect(across['across fields']).toBe(across.apart);
      const text = scores(
        [
          { id: 'side by side', text: 'alpha beta gamma' },
          { id: 'apart', text: 'alpha gamma beta' },
        ],
        'alpha beta',
      );
      expect(text['side by side']).toBe(text.apart);
    });
  });

  it('fit to title: a title made only of what was asked comes first', () => {
    const pages: Page[] = [
      { id: 'longer title', title: 'alpha beta gamma delta' },
      { id: 'just that', title: 'alpha beta' },
    ];
    expect(order(pages, 'alpha beta')).toEqual(['just that', 'longer title']);
  });

  it('share of the query found, squared: every word in the question before two in the names', () => {
    // Each word is on two pages, so each is as rare as the others. Counted linearly, the two
    // words in the names (2 × 3.3, times 2/3) would outweigh the three in the question
    // (3 × 1.2); squared (times 4/9), they do not.
    const pages: Page[] = [
      { id: 'two words, in the names', names: 'alpha x beta' },
      { id: 'every word, in the question', question: 'alpha x beta y gamma' },
      { id: 'filler', text: 'gamma' },
    ];
    expect(order(pages, 'alpha beta gamma').slice(0, 2)).toEqual([
      'every word, in the question',
      'two words, in the names',
    ]);
  });

  it('kind: an answer before an outcome of it that asks one more thing, all else equal', () => {
    const pages: Page[] = [
      { id: 'outcome', kind: 'outcome', title: 'alpha' },
      { id: 'task', kind: 'task', title: 'alpha' },
    ];
    expect(order(pages, 'alpha')).toEqual(['task', 'outcome']);
  });

  it('a part of a longer name (« RAE » in « co-RAE ») counts less than the name itself', () => {
    const settings = { ...NO_SETTINGS, synonyms: [['rae', 'gap'], ['co'], ['co-rae', 'co-gap']] };
    const pages: Page[] = [
      { id: 'co-rae', text: 'co-RAE' },
      { id: 'rae', text: 'RAE' },
    ];
    expect(order(pages, 'gap', settings)).toEqual(['rae', 'co-rae']);
  });

  it('whom a task is for: a profile named after « to » is not looked for in who asks', () => {
    const settings = { ...NO_SETTINGS, ignore: ['to'], forWhom: ['to'] };
    const pages: Page[] = [
      { id: "the user's own task", title: 'role', names: 'user' },
      { id: 'a task for the user', title: 'role', text: 'user' },
    ];
    expect(order(pages, 'role user', settings)).toEqual([
      "the user's own task",
      'a task for the user',
    ]);
    expect(order(pages, 'role to user', settings)).toEqual([
      'a task for the user',
      "the user's own task",
    ]);
  });

  it('whom a task is for: the names of who asks give no phrase bonus either', () => {
    const settings = { ...NO_SETTINGS, ignore: ['to'], forWhom: ['to'] };
    const pages: Page[] = [
      { id: 'for the user, as its summary says', names: 'manage', description: 'user' },
      // « manage user » side by side would be the query's words as typed, were it who asks.
      { id: "the user's own, named beside", names: 'manage user', text: 'user' },
    ];
    expect(order(pages, 'manage to user', settings)).toEqual([
      'for the user, as its summary says',
      "the user's own, named beside",
    ]);
  });

  it('leaves out a page far below the best (a tenth of its score)', () => {
    const pages: Page[] = [
      { id: 'one word, in the text', text: 'alpha' },
      { id: 'both words, in the title', title: 'alpha beta' },
    ];
    expect(order(pages, 'alpha')).toEqual(['both words, in the title', 'one word, in the text']);
    expect(order(pages, 'alpha beta')).toEqual(['both words, in the title']);
  });
});
