import type { LanguageSearchSettings } from '../../src/content/search-settings';
import type { FoundPages } from '../../src/search/found';
import type { SearchDocument } from '../../src/search/index';
import { createSearchEngine, MAX_RESULT_LINES } from '../../src/search/search';

/** The engine on its own: documents in, lines out, nothing of the site's content. */

const NO_SETTINGS: LanguageSearchSettings = { ignore: [], synonyms: [], forWhom: [] };

const page = (id: string, title: string, description = '', text = ''): SearchDocument => ({
  id,
  kind: 'generated',
  fields: { title, names: '', description, question: '', text },
});

describe('the search engine, over any documents', () => {
  it('makes each page found a line of its own, best first, when it is given no grouping', () => {
    const search = createSearchEngine([
      {
        code: 'xx',
        documents: [page('text', 'other', '', 'alpha'), page('title', 'alpha')],
        settings: NO_SETTINGS,
      },
    ]);
    expect(search.search('xx', 'alpha').lines.map(({ id }) => id)).toEqual(['title', 'text']);
    expect(search.search('xx', 'omega').lines).toEqual([]);
    // A language it was given no documents for finds nothing, and does no work.
    expect(search.search('yy', 'alpha')).toEqual({ lines: [], shortened: false, steps: 0 });
  });

  it(`shows at most ${MAX_RESULT_LINES} lines`, () => {
    const documents = Array.from({ length: MAX_RESULT_LINES + 5 }, (_, index) =>
      page(`p${index}`, `alpha ${'word '.repeat(index)}`),
    );
    const search = createSearchEngine([{ code: 'xx', documents, settings: NO_SETTINGS }]);
    expect(search.search('xx', 'alpha').lines.map(({ id }) => id)).toEqual(
      documents.slice(0, MAX_RESULT_LINES).map(({ id }) => id),
    );
  });

  it('leaves the lines to the grouping it is given, and shows each line’s excerpt', () => {
    const seen: string[][] = [];
    const search = createSearchEngine(
      [
        {
          code: 'xx',
          documents: [
            page('a', 'alpha', 'The alpha summary.'),
            page('b', 'beta', 'Nothing here.', 'Some text, then beta, then more.'),
          ],
          settings: NO_SETTINGS,
        },
      ],
      {
        group: (found: FoundPages, maxLines) => {
          seen.push(
            [...found.pages].map(({ id }) => id),
            [String(maxLines)],
          );
          return ['b', 'unknown'];
        },
      },
    );
    const { lines } = search.search('xx', 'alpha beta');
    expect(seen).toEqual([['a', 'b'], [String(MAX_RESULT_LINES)]]);
    expect(lines).toEqual([
      {
        id: 'b',
        excerpt: [
          { text: 'Some text, then ', marked: false },
          { text: 'beta', marked: true },
          { text: ', then more', marked: false },
          { text: '…', marked: false },
        ],
      },
      { id: 'unknown', excerpt: [] },
    ]);
  });
});
