import type { LanguageSearchSettings } from '../../src/content/search-settings';
import type { FoundPages } from '../../src/search/found';
import { FIELDS, type Field, type SearchDocument } from '../../src/search/index';
import { createSearchEngine } from '../../src/search/search';

/** What a grouping of results is told of the pages found: which parts matched, and where. */

const SETTINGS: LanguageSearchSettings = {
  ignore: ['le'],
  synonyms: [
    ['rae', 'gap'],
    ['co-rae', 'co-gap'],
  ],
  forWhom: [],
};

const page = (id: string, fields: Partial<Record<Field, string>>): SearchDocument => ({
  id,
  kind: 'page',
  fields: Object.fromEntries(FIELDS.map((field) => [field, fields[field] ?? ''])) as Record<
    Field,
    string
  >,
});

/** The pages found for a query, as the grouping reads them. */
function found(documents: SearchDocument[], query: string): FoundPages {
  let seen: FoundPages | undefined;
  createSearchEngine([{ code: 'xx', documents, settings: SETTINGS }], {
    group: (pages) => {
      seen = pages;
      return [];
    },
  }).search('xx', query);
  if (!seen) throw new Error('no grouping');
  return seen;
}

describe('the pages found, as a grouping reads them', () => {
  const documents = [
    page('named', { title: 'Activer le mandat', names: 'RAE' }),
    page('titled', { title: 'Le RAE active', text: 'il faut activer' }),
    page('part', { title: 'Le co-RAE', description: 'activer' }),
  ];

  it('gives each part of the query that matched a page, with its fields and its first and last words in the title', () => {
    const { pages } = found(documents, 'GAP activer');
    expect(Object.fromEntries([...pages].map(({ id, parts }) => [id, parts]))).toEqual({
      named: [
        { fields: ['names'], lastTitleWord: -1, firstTitleWord: -1 },
        { fields: ['title'], lastTitleWord: 0, firstTitleWord: 0 },
      ],
      titled: [
        { fields: ['title'], lastTitleWord: 0, firstTitleWord: 0 },
        { fields: ['title', 'text'], lastTitleWord: 1, firstTitleWord: 1 },
      ],
      // « RAE » in « co-RAE » is found, but as a part of a longer name: not a word of the title.
      part: [
        { fields: ['title'], lastTitleWord: -1, firstTitleWord: -1 },
        { fields: ['description'], lastTitleWord: -1, firstTitleWord: -1 },
      ],
    });
  });

  it('gives only the parts that matched', () => {
    const { pages } = found(
      [page('one', { title: 'alpha' }), page('both', { text: 'alpha beta' })],
      'alpha beta',
    );
    expect(Object.fromEntries([...pages].map(({ id, parts }) => [id, parts]))).toEqual({
      one: [{ fields: ['title'], lastTitleWord: 0, firstTitleWord: 0 }],
      both: [
        { fields: ['text'], lastTitleWord: -1, firstTitleWord: -1 },
        { fields: ['text'], lastTitleWord: -1, firstTitleWord: -1 },
      ],
    });
  });

  it('gives the first and the last word of the title a part matched, a word said twice', () => {
    const { pages } = found([page('twice', { title: 'activer ou activer encore' })], 'activer');
    expect([...pages][0]?.parts).toEqual([
      { fields: ['title'], lastTitleWord: 2, firstTitleWord: 0 },
    ]);
  });

  it('says of a page whether the query names its profile as whom the task is for', () => {
    const settings = { ...SETTINGS, forWhom: ['pour'] };
    let seen: FoundPages | undefined;
    createSearchEngine(
      [
        {
          code: 'xx',
          documents: [
            page('of-rae', { title: 'activer', names: 'RAE' }),
            page('other', { title: 'activer' }),
          ],
          settings,
        },
      ],
      {
        group: (pages) => {
          seen = pages;
          return [];
        },
      },
    ).search('xx', 'activer pour le RAE');
    const askedFor = Object.fromEntries([...(seen?.pages ?? [])].map((p) => [p.id, p.askedFor]));
    expect(askedFor).toEqual({ 'of-rae': true, other: false });
  });

  it('gives the pages best first, each page’s score, and the words of any page’s title', () => {
    const result = found(documents, 'GAP activer');
    const pages = [...result.pages];
    const scores = pages.map(({ score }) => score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const { id, score } of pages) expect(result.scoreOf(id)).toBe(score);
    expect(result.scoreOf('nowhere')).toBe(0);
    // Ignored words (« le ») are not counted.
    expect(['named', 'titled', 'part', 'nowhere'].map((id) => result.titleLength(id))).toEqual([
      2, 2, 2, 0,
    ]);
  });
});
