import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app';
import { formatProblem, type ContentProblem } from '../../src/content/problems';
import { loadSiteContent, prepareSite } from '../../src/site/startup';
import { nodeById, pathOf, silentLogger, TEST_BASE_URL, testFeedbackDesk } from '../helpers';
import { contentProblems, siteCopy, type SiteCopy } from '../site-copy';

/** content/redirects.yaml: old addresses that keep working after a slug changed. */

const FILE = 'content/redirects.yaml';
const about = { fr: pathOf(nodeById('about'), 'fr'), nl: pathOf(nodeById('about'), 'nl') };

let copy: SiteCopy;
beforeEach(() => {
  copy = siteCopy();
});
afterEach(() => copy.remove());

function problemsWith(redirects: string): ContentProblem[] {
  copy.write(FILE, redirects);
  return contentProblems(copy);
}

const HEADER = '# Old addresses, and where they lead now.\n';

describe('the redirects list', () => {
  it('is checked as part of the content, and is optional', () => {
    // The real list is read with the content; without the file there is simply none.
    const listed = readFileSync(path.join(copy.root, FILE), 'utf8').match(/^\/[^:]+:/gm) ?? [];
    expect(loadSiteContent(copy.contentDir).tree.redirects.size).toBe(listed.length);
    rmSync(path.join(copy.root, FILE));
    expect(loadSiteContent(copy.contentDir).tree.redirects.size).toBe(0);
    expect(problemsWith(HEADER)).toEqual([]);
  });

  it('leads each old address to the page of a node id in its language, or to a path', () => {
    expect(
      problemsWith(`${HEADER}/fr/ancienne-page/: about\n/nl/oude-pagina/: ${about.nl}\n`),
    ).toEqual([]);
    expect([...loadSiteContent(copy.contentDir).tree.redirects]).toEqual([
      ['/fr/ancienne-page/', about.fr],
      ['/nl/oude-pagina/', about.nl],
    ]);
  });

  it.each([
    [
      'a chain',
      `/fr/a/: /fr/b/\n/fr/b/: ${about.fr}\n`,
      [
        `${FILE}:2: redirect chain: /fr/a/ → /fr/b/ → ${about.fr}; lead "/fr/a/" straight to ${about.fr}`,
      ],
    ],
    [
      'a loop',
      `/fr/a/: /fr/b/\n/fr/b/: /fr/a/\n`,
      [
        `${FILE}:2: redirect loop: /fr/a/ → /fr/b/ → /fr/a/`,
        `${FILE}:3: redirect loop: /fr/b/ → /fr/a/ → /fr/b/`,
      ],
    ],
    ['a loop onto itself', `/fr/a/: /fr/a/\n`, [`${FILE}:2: redirect loop: /fr/a/ → /fr/a/`]],
    [
      'a missing node',
      `/fr/a/: abuot\n`,
      [`${FILE}:2: "/fr/a/" leads to "abuot", which is not a node id`],
    ],
    [
      'a missing page',
      `/fr/a/: /fr/nulle-part/\n`,
      [`${FILE}:2: "/fr/a/" leads to "/fr/nulle-part/", which is not the address of a page`],
    ],
    [
      "a page's own address",
      `${about.fr}: about\n`,
      [`${FILE}:2: "${about.fr}" is the address of about: a page is never redirected`],
    ],
    [
      'an address written another way than the site writes it',
      `/FR/Ancienne-Page: about\n`,
      [
        `${FILE}:2: "/FR/Ancienne-Page" must be written as the site writes addresses: /fr/old-slug/ (lower case, a slash at each end)`,
      ],
    ],
    [
      'an address in no language of the site',
      `/xx/a/: about\n`,
      [`${FILE}:2: "/xx/a/": xx is not a language of the site`],
    ],
    [
      'the same old address twice',
      `/fr/a/: about\n/fr/a/: contact\n`,
      [expect.stringMatching(new RegExp(`^${FILE}:3: YAML: Map keys must be unique`))],
    ],
  ])('rejects %s, at its line', (_name, lines, expected) => {
    expect(problemsWith(HEADER + lines).map(formatProblem)).toEqual(expected);
  });
});

describe('an old address', () => {
  it('answers 301 with the page it now leads to, in one step, keeping the query', async () => {
    copy.write(FILE, `${HEADER}/fr/ancienne-page/: about\n/nl/oude-pagina/: ${about.nl}\n`);
    const { site, assets } = await prepareSite(TEST_BASE_URL, copy.paths);
    const app = createApp({ site, assets, logger: silentLogger, feedback: testFeedbackDesk() });
    const cases = [
      ['/fr/ancienne-page/', about.fr],
      ['/FR/Ancienne-Page', about.fr],
      ['/fr/ancienne-page/?utm_source=mail', `${about.fr}?utm_source=mail`],
      ['/nl/oude-pagina/', about.nl],
    ];
    for (const [old, location] of cases) {
      const response = await request(app).get(old ?? '');
      expect(response.status).toBe(301);
      expect(response.headers.location).toBe(location);
    }
    expect((await request(app).get(about.fr)).status).toBe(200);
  }, 30_000);
});
