import { load } from 'cheerio';
import type { ContentNode } from '../../src/content/tree';
import { tree } from '../helpers';

// The official pages the original wizard sends people to, in French; the Dutch ones differ
// only in their language marker.
const SITE = 'https://www.socialsecurity.be/site_fr/employer';
const LINK = {
  CONTACT: `${SITE}/general/contactcenter/index.htm`,
  PORTAL: `${SITE}/infos/index.htm`,
  REGISTER: `${SITE}/infos/employer_onss/registration_gen/register/register.htm?type=all`,
  REGISTER_INFO: `${SITE}/infos/employer_onss/registration_gen/register/index.htm`,
  KBO: 'https://kbopub.economie.fgov.be/kbopub/zoekwoordenform.html?lang=fr',
  RMA: 'https://iamapps.belgium.be/rma/generalinfo?language=fr&redirectUrl=/rma/',
  SMA: 'https://iamapps.belgium.be/sma/generalinfo?language=fr&redirectUrl=/',
};

/** Every external link of the seed, page by page (from ../shared/content-outline.md). */
const SEED_LINKS: Record<string, string[]> = {
  contact: [LINK.CONTACT],
  'legal-representative': [LINK.KBO],
  'rl-register': [LINK.REGISTER],
  'rl-designate-rae': [LINK.CONTACT, LINK.REGISTER_INFO],
  'rl-activate-quality': [LINK.PORTAL, LINK.CONTACT, LINK.REGISTER],
  'rl-designate-local-manager': [LINK.PORTAL, LINK.CONTACT, LINK.REGISTER],
  'rl-who': [LINK.CONTACT],
  'rl-manage-roles': [LINK.CONTACT],
  'rae-designate-co-rae': [LINK.PORTAL],
  'rae-activate-quality': [LINK.PORTAL],
  'rae-designate-local-manager': [LINK.PORTAL],
  'rae-who': [LINK.PORTAL],
  'rae-manage-roles': [LINK.RMA],
  'gl-designate-co-gl': [LINK.PORTAL],
  'gl-who': [LINK.CONTACT],
  'gl-manage-roles': [LINK.RMA],
  'u-list-roles': [LINK.SMA],
  'u-deactivate-role': [LINK.SMA],
  'u-change-email': [LINK.RMA],
};

function inLanguage(url: string, code: string): string {
  return url
    .replace('/site_fr/', `/site_${code}/`)
    .replace(/([?&](?:lang|language)=)fr\b/, `$1${code}`);
}

/** Each external link as the visitor gets it: the address, and the other language it declares. */
function externalLinks(html: string): string[] {
  const $ = load(html);
  return [
    ...new Set(
      $('a.external')
        .map((_, a) => {
          const declared = $(a).attr('hreflang');
          return declared
            ? `${$(a).attr('href') ?? ''} {hreflang=${declared}}`
            : ($(a).attr('href') ?? '');
        })
        .get(),
    ),
  ].sort();
}

/**
 * A seed link as a page may give it: in the page's own language, or, where the official page
 * is not in that language, in another language of the site, declared as such.
 */
const acceptable = (url: string, code: string): string[] => [
  inLanguage(url, code),
  ...tree.languages
    .filter((other) => other.code !== code)
    .map((other) => `${inLanguage(url, other.code)} {hreflang=${other.code}}`),
];

/** A node and everything its question leads to: together, one answer of the seed. */
function answerNodes(node: ContentNode): ContentNode[] {
  return [node, ...node.options.flatMap(answerNodes)];
}

function linksOf(
  node: ContentNode,
  code: string,
  fields: ('bodyHtml' | 'noteHtml' | 'updateHtml')[],
) {
  const text = node.text[code];
  return externalLinks(fields.map((field) => text?.[field] ?? '').join(''));
}

const seedCases = tree.languages.flatMap((language) =>
  Object.entries(SEED_LINKS).map(([id, links]) => ({
    id,
    links,
    language,
    name: `${language.code} ${id}`,
  })),
);

describe.each(seedCases)("the seed's links of $name", ({ id, links, language }) => {
  it('are all on the page of the answer they belong to, or on what its question leads to', () => {
    const node = tree.byId.get(id);
    expect(node).toBeDefined();
    const found = answerNodes(node as ContentNode).flatMap((n) =>
      linksOf(n, language.code, ['bodyHtml', 'noteHtml']),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) {
      expect(found.filter((link) => acceptable(url, language.code).includes(link))).not.toEqual([]);
    }
  });
});

const cases = tree.languages.flatMap((language) =>
  tree.nodes.map((node) => ({ node, language, name: `${language.code} ${node.id}` })),
);

/** Every official address the seed uses, in each language. */
const seedUrls = (code: string) => Object.values(LINK).flatMap((url) => acceptable(url, code));

describe.each(cases)('external links of $name', ({ node, language }) => {
  it("are the seed's official pages in the page's language; only a dated update cites others", () => {
    const answer = linksOf(node, language.code, ['bodyHtml', 'noteHtml']);
    expect(answer.filter((url) => !seedUrls(language.code).includes(url))).toEqual([]);
    const update = linksOf(node, language.code, ['updateHtml']);
    if (update.length > 0) expect(node.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
