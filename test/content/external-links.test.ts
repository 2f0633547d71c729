import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PATHS } from '../../src/site/startup';
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
  fields: ('bodyHtml' | 'noteHtml' | 'noticeHtml')[],
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
  it('are on the answer, or the answer says in a dated line that the step they led to changed', () => {
    const node = tree.byId.get(id);
    expect(node).toBeDefined();
    const answer = answerNodes(node as ContentNode);
    const found = answer.flatMap((n) => linksOf(n, language.code, ['bodyHtml', 'noteHtml']));
    // Where a seed link is gone, the procedure it led to has moved: a history line says so.
    const changed = answer.some((n) => (n.text[language.code]?.history.length ?? 0) > 0);
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) {
      const kept = found.filter((link) => acceptable(url, language.code).includes(link));
      expect({ url, kept: kept.length > 0 || changed }).toEqual({ url, kept: true });
    }
  });
});

const cases = tree.languages.flatMap((language) =>
  tree.nodes.map((node) => ({ node, language, name: `${language.code} ${node.id}` })),
);

/** Every official address the seed uses, in each language. */
const seedUrls = (code: string) => Object.values(LINK).flatMap((url) => acceptable(url, code));

/** The hosts whose pages the content may cite: content/official-hosts.yaml. */
const officialHosts = new Set(
  parse(
    readFileSync(path.join(DEFAULT_PATHS.contentDir, 'official-hosts.yaml'), 'utf8'),
  ) as string[],
);

describe.each(cases)('external links of $name', ({ node, language }) => {
  it('lead to official sites only, and a page that goes beyond the seed’s says where its answer comes from', () => {
    const links = linksOf(node, language.code, ['noticeHtml', 'bodyHtml', 'noteHtml']);
    const hosts = links.map((link) => new URL(link.split(' ')[0] ?? '').hostname);
    expect(hosts.filter((host) => !officialHosts.has(host))).toEqual([]);
    const beyondTheSeed = links.filter((url) => !seedUrls(language.code).includes(url));
    if (beyondTheSeed.length > 0 && (node.kind === 'task' || node.kind === 'outcome')) {
      expect(node.text[language.code]?.sources.length).toBeGreaterThan(0);
      expect(node.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
