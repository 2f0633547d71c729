import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { MAX_QUOTE_LENGTH } from '../../src/content/fields';
import { formatProblem } from '../../src/content/problems';
import { loadSiteContent } from '../../src/site/startup';
import { contentCheck, contentProblems, lineOfText, siteCopy, type SiteCopy } from '../site-copy';

/** A task every test edits, as an author would. */
const TASK = 'content/profiles/legal-representative/rl-who.yaml';

const OFFICIAL = {
  title: 'Gérer les accès pour mon entreprise',
  url: 'https://www.socialsecurity.be/site_fr/employer/infos/secured_access/enterprise_access.htm',
  quote:
    "Si vous avez un accès sécurisé à ce portail, votre entreprise dispose déjà d'un Gestionnaire d'Accès Principal.",
  checked: '2026-12-04',
};

/** Writes `value` at `keyPath` of a content file of the copy, keeping its comments. */
function setIn(copy: SiteCopy, file: string, keyPath: (string | number)[], value: unknown): string {
  const doc = parseDocument(copy.read(file));
  doc.setIn(keyPath, value);
  const text = doc.toString({ lineWidth: 0 });
  copy.write(file, text);
  return text;
}

/** The French body of the task of the copy, with `line` added at its end. */
function withLineInBody(copy: SiteCopy, line: string): string {
  const body = parseDocument(copy.read(TASK)).getIn(['fr', 'body']) as string;
  return setIn(copy, TASK, ['fr', 'body'], `${body}\n${line}\n`);
}

/** What the check says about the copy once `edit` is made, and the file's text after it. */
function problemsAfter(edit: (copy: SiteCopy) => string): { problems: string[]; text: string } {
  const copy = siteCopy();
  try {
    const text = edit(copy);
    return { problems: contentProblems(copy).map(formatProblem), text };
  } finally {
    copy.remove();
  }
}

describe('sources', () => {
  it('accepts an official page quoted in its own language', () => {
    const { problems } = problemsAfter((copy) => setIn(copy, TASK, ['fr', 'sources'], [OFFICIAL]));
    expect(problems).toEqual([]);
  });

  it.each([
    [
      'a host that is not in the list of official hosts',
      { url: 'https://www.example-accountants.be/csam-guide.html' },
      'url',
      'fr.sources.0.url: www.example-accountants.be is not an official host (content/official-hosts.yaml lists them)',
    ],
    [
      'a preview host of an official site',
      { url: 'https://wwwacc.eboxenterprise.be/fr/faq.html' },
      'url',
      'fr.sources.0.url: wwwacc.eboxenterprise.be is not an official host (content/official-hosts.yaml lists them)',
    ],
    [
      'an address that is not https',
      { url: 'http://www.socialsecurity.be/site_fr/employer/infos/index.htm' },
      'url',
      'fr.sources.0.url: must be a full https:// address',
    ],
    ['an empty quote', { quote: '   ' }, 'quote', 'fr.sources.0.quote: quote must not be empty'],
    [
      'an overlong quote',
      { quote: `${'Le Gestionnaire d’Accès Principal gère les accès. '.repeat(7)}` },
      'quote',
      `fr.sources.0.quote: quote must be at most ${MAX_QUOTE_LENGTH} characters: quote the sentence the answer rests on, not the page`,
    ],
    [
      'a page in another language, not declared',
      {
        url: 'https://www.socialsecurity.be/site_nl/employer/infos/secured_access/enterprise_account.htm',
      },
      'url',
      'fr.sources.0.url has site_nl but the source is taken to be in "fr": cite the fr page, or say language: nl',
    ],
    [
      'the block’s own language, declared',
      { language: 'fr' },
      'language',
      "fr.sources.0.language: fr is the block's own language: leave it out",
    ],
    [
      'a day that has not come',
      { checked: '2999-01-01' },
      'checked',
      'fr.sources.0.checked: 2999-01-01 has not come yet (today is',
    ],
    [
      'no date',
      { checked: undefined },
      'title',
      'fr.sources.0.checked is missing (the day a person read the quote on the page, YYYY-MM-DD)',
    ],
  ])('rejects %s, at its line', (_case, change, field, message) => {
    const source = Object.fromEntries(
      Object.entries({ ...OFFICIAL, ...change }).filter(([, value]) => value !== undefined),
    );
    const { problems, text } = problemsAfter((copy) =>
      setIn(copy, TASK, ['fr', 'sources'], [source]),
    );
    // The field's line in the source written in the French block.
    const at = text.indexOf(`${field}:`, text.indexOf('sources:', text.indexOf('\nfr:')));
    const line = text.slice(0, at).split('\n').length;
    expect(problems).toContainEqual(expect.stringContaining(`${TASK}:${line}: ${message}`));
  });

  it('rejects a list of sources left empty', () => {
    const { problems } = problemsAfter((copy) => setIn(copy, TASK, ['fr', 'sources'], []));
    expect(problems).toContainEqual(
      expect.stringContaining('fr.sources: list at least one source'),
    );
  });
});

describe('history lines', () => {
  it('reject a page that still says what a change superseded, at the line that names it', () => {
    const { problems, text } = problemsAfter((copy) => {
      const body = parseDocument(copy.read(TASK)).getIn(['fr', 'body']) as string;
      const said = body.split(/[.!?]/)[0]?.trim().split(' ').slice(0, 5).join(' ') ?? '';
      expect(said.length).toBeGreaterThan(10);
      return setIn(
        copy,
        TASK,
        ['fr', 'history'],
        [{ date: '2026-12-04', change: 'La procédure a changé.', supersedes: [said] }],
      );
    });
    const line = lineOfText(text, 'supersedes:') + 1;
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${TASK}:${line}: fr\\.history\\.0: the page still says ".+", which this change supersedes$`,
        ),
      ),
    );
  });

  it('accept a change whose superseded wording is gone from the page', () => {
    const { problems } = problemsAfter((copy) =>
      setIn(
        copy,
        TASK,
        ['fr', 'history'],
        [
          {
            date: '2026-12-04',
            change: 'Le RAE ne reçoit plus de codes par la poste.',
            supersedes: ['recevra les codes par pigeon voyageur'],
          },
        ],
      ),
    );
    expect(problems).toEqual([]);
  });
});

describe('glossary links', () => {
  it('reject a link to an entry the glossary does not have', () => {
    const { problems } = problemsAfter((copy) =>
      withLineInBody(copy, 'Le [BCE](glossary#bce-inconnue) tient la liste.'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        'fr.body: link to "glossary#bce-inconnue": the glossary has no entry "bce-inconnue" (glossary.yaml)',
      ),
    );
  });

  it('reject an anchor on a page that is not the glossary', () => {
    const { problems } = problemsAfter((copy) =>
      withLineInBody(copy, 'Voir [les définitions](definitions#rae).'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        'fr.body: link to "definitions#rae": only the glossary\'s entries are linked with # (glossary#term)',
      ),
    );
  });
});

describe('words of the glossary', () => {
  // A word no page uses yet, with its abbreviation: the KSQ, « kiosque des services ».
  const ENTRY = {
    term: 'KSQ',
    aliases: ['kiosque des services'],
    definition: 'Le KSQ, un guichet imaginaire de ce test.',
  };

  /** A copy with the KSQ entry, and its glossary page (linked from the definitions). */
  function withGlossary(copy: SiteCopy): void {
    setIn(copy, 'content/glossary.yaml', ['ksq'], { fr: ENTRY, nl: ENTRY, de: ENTRY, en: ENTRY });
    const page = 'content/pages/glossary.yaml';
    if (!existsSync(path.join(copy.root, page))) {
      const block = (slug: string) =>
        `  slug: ${slug}\n  title: Glossaire ${slug}\n  description: Les mots du guide, expliqués (${slug}).\n`;
      copy.write(
        page,
        `parent: home\nreviewed: 2026-12-04\n${['fr', 'nl', 'de', 'en'].map((code) => `${code}:\n${block(`glossaire-${code}`)}`).join('')}`,
      );
      for (const code of ['fr', 'nl', 'de', 'en']) {
        const definitions = 'content/pages/definitions.yaml';
        const body = String(parseDocument(copy.read(definitions)).getIn([code, 'body']));
        setIn(copy, definitions, [code, 'body'], `${body}\n[Glossaire](glossary)\n`);
      }
    }
  }

  /** The French body of the task, with `sentence` added as its last paragraph. */
  function say(copy: SiteCopy, sentence: string, explains?: string[]): string {
    const doc = parseDocument(copy.read(TASK));
    const body = String(doc.getIn(['fr', 'body']));
    doc.setIn(['fr', 'body'], `${body}\n${sentence}\n`);
    if (explains) {
      const before = (
        doc.getIn(['fr', 'explains']) as { toJSON(): string[] } | undefined
      )?.toJSON();
      doc.setIn(['fr', 'explains'], [...(before ?? []), ...explains]);
    }
    const text = doc.toString({ lineWidth: 0 });
    copy.write(TASK, text);
    return text;
  }

  /** The copy's warnings once `edit` is made: it must load, with no problem at all. */
  const warningsAfter = (edit: (copy: SiteCopy) => string) => {
    const copy = siteCopy();
    try {
      withGlossary(copy);
      const text = edit(copy);
      const { problems, warnings } = contentCheck(copy);
      expect(problems).toEqual([]);
      // What a server start loads: it does not look for what only an author is warned of.
      const atStart = loadSiteContent(copy.contentDir, { authorChecks: false }).warnings;
      return { warnings: warnings.map(formatProblem), atStart: atStart.map(formatProblem), text };
    } finally {
      copy.remove();
    }
  };

  it('warn, at its line, of a word used but neither linked nor explained (not at a server start)', () => {
    const { warnings, atStart, text } = warningsAfter((copy) =>
      say(copy, 'Passez au kiosque des services avec votre carte d’identité.'),
    );
    const line = lineOfText(text, 'Passez au kiosque');
    expect(warnings).toContainEqual(
      `${TASK}:${line}: warning: fr.body uses « KSQ » without explaining it: link its entry, [KSQ](glossary#ksq), or list it in fr.explains`,
    );
    expect(atStart.filter((warning) => warning.includes('without explaining'))).toEqual([]);
  });

  it.each([
    ['linked to its entry', (copy: SiteCopy) => say(copy, 'Passez au [KSQ](glossary#ksq).')],
    [
      'explained in place',
      (copy: SiteCopy) => say(copy, 'Le KSQ, un guichet de l’administration.', ['ksq']),
    ],
    [
      'an abbreviation in lower case, another word',
      (copy: SiteCopy) => say(copy, 'Le mot ksq, en minuscules.'),
    ],
  ])('say nothing of a word %s', (_case, edit) => {
    const { warnings } = warningsAfter(edit);
    const ofTheTask = warnings.filter((warning) => warning.startsWith(`${TASK}:`));
    expect(ofTheTask.filter((warning) => warning.includes('without explaining'))).toEqual([]);
  });

  it('ask, for an application, for a link to the page that explains the applications', () => {
    const { warnings, text } = warningsAfter((copy) =>
      say(copy, 'Donnez le mandat dans [Mahis](glossary#mahis), le service des mandats sociaux.'),
    );
    const line = lineOfText(text, 'Donnez le mandat dans');
    expect(warnings).toContainEqual(
      `${TASK}:${line}: warning: fr.body uses « Mahis » without explaining it: link the page that does, [Mahis](applications), or list it in fr.explains`,
    );
    const linked = warningsAfter((copy) =>
      say(copy, 'Donnez le mandat dans [Mahis](applications).'),
    );
    expect(linked.warnings.filter((warning) => warning.includes('« Mahis »'))).toEqual([]);
  });
});
