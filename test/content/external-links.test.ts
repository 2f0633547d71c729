import { load } from 'cheerio';
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

function externalLinks(html: string): string[] {
  const $ = load(html);
  return [
    ...new Set(
      $('a.external')
        .map((_, a) => $(a).attr('href') ?? '')
        .get(),
    ),
  ].sort();
}

const cases = tree.languages.flatMap((language) =>
  tree.nodes.map((node) => ({ node, language, name: `${language.code} ${node.id}` })),
);

describe.each(cases)('external links of $name', ({ node, language }) => {
  const text = node.text[language.code];
  const found = externalLinks(`${text?.bodyHtml ?? ''}${text?.noteHtml ?? ''}`);

  it("are the seed's links for this page, in the page's language", () => {
    const expected = (SEED_LINKS[node.id] ?? []).map((url) => inLanguage(url, language.code));
    expect(found).toEqual([...new Set(expected)].sort());
  });
});
