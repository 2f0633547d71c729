import type { SearchSettings } from '../../src/content/search-settings';
import type { NodeKind } from '../../src/content/source';
import type { ContentNode, ContentTree, PageText } from '../../src/content/tree';
import type { SearchDocument } from '../../src/search/index';
import { MAX_RESULT_LINES } from '../../src/search/search';
import { createSearch } from '../../src/site/search-results';

/**
 * How the pages search finds become the lines a visitor reads: grouped by topic and profile.
 * Each test is a small content tree made by hand, searched as the site searches its own.
 */

function node(
  id: string,
  kind: NodeKind,
  text: Partial<PageText> & { title: string },
): ContentNode {
  return {
    id,
    kind,
    file: `content/${id}.yaml`,
    trail: [],
    options: [],
    tasks: [],
    profiles: [],
    text: {
      fr: {
        heading: text.title,
        description: '',
        path: `/fr/${id}/`,
        slug: id,
        noticeHtml: '',
        bodyHtml: '',
        noteHtml: '',
        plainText: '',
        history: [],
        sources: [],
        answers: {},
        ...text,
      },
    },
  };
}

/** A profile, a topic, and the tasks of the profile about the topic, linked as the tree links them. */
function profile(id: string, title: string, asRole: string) {
  return node(id, 'profile', { title, asRole });
}

function task(id: string, of: ContentNode, topic: ContentNode, title: string, text = '') {
  const made = node(id, 'task', { title, plainText: text });
  made.profile = of;
  made.topic = topic;
  of.tasks.push(made);
  topic.tasks.push(made);
  return made;
}

function outcome(id: string, of: ContentNode, title: string, description = '') {
  const made = node(id, 'outcome', { title, description });
  made.task = of;
  made.profile = of.profile;
  made.topic = of.topic;
  of.options.push(made);
  return made;
}

function treeOf(nodes: ContentNode[]): ContentTree {
  const home = node('home', 'home', { title: 'Accueil' });
  const all = [home, ...nodes];
  return {
    languages: [{ code: 'fr', tag: 'fr-BE', name: 'Français', ogLocale: 'fr_BE' }],
    home,
    nodes: all,
    byId: new Map(all.map((one) => [one.id, one])),
    profiles: all.filter(({ kind }) => kind === 'profile'),
    topics: all.filter(({ kind }) => kind === 'topic'),
    redirects: new Map(),
    glossary: {},
  };
}

/** The lines a query gives over these nodes, as the site searches its own. */
function linesOver(nodes: ContentNode[], settings: SearchSettings = {}) {
  const search = createSearch(treeOf(nodes), settings);
  return (query: string) => search.search('fr', query).lines.map(({ id }) => id);
}

const OVERVIEW: SearchDocument = {
  id: 'overview',
  kind: 'generated',
  fields: {
    title: "Vue d'ensemble",
    names: '',
    description: 'Qui peut faire quoi',
    question: '',
    text: '',
  },
};

/** Two profiles who may both activate a quality, an outcome of one of them, and other pages. */
function site() {
  const rae = profile('rae', 'Responsable', 'RAE');
  const user = profile('user', 'Utilisateur', 'utilisateur');
  const qualities = node('qualities', 'topic', { title: 'Les qualités' });
  const emails = node('emails', 'topic', { title: 'Les adresses' });
  const raeQuality = task('rae-quality', rae, qualities, 'activer une qualité');
  const userQuality = task('user-quality', user, qualities, 'activer une qualité');
  const userEmail = task('user-email', user, emails, 'changer son courriel');
  const unregistered = outcome(
    'rae-quality-unregistered',
    raeQuality,
    'activer une qualité, entreprise pas encore enregistrée',
    'Son inscription est en cours.',
  );
  const contact = node('contact', 'page', { title: 'Contacter le centre' });
  const tree = treeOf([
    rae,
    user,
    qualities,
    emails,
    raeQuality,
    userQuality,
    userEmail,
    unregistered,
    contact,
  ]);
  const search = createSearch(tree, {}, { generated: () => [OVERVIEW] });
  return (query: string) => search.search('fr', query).lines.map(({ id }) => id);
}

describe('result lines: pages grouped by topic and profile', () => {
  const lines = site();

  it('gives a task asked by anyone one line, for its topic (which lists each profile’s answer)', () => {
    expect(lines('activer')).toEqual(['qualities']);
  });

  it('gives a task whose profile the query names a line of its own, first, once per task', () => {
    const found = lines('RAE activer');
    expect(found[0]).toBe('rae-quality');
    // Its outcome is not another line; the other profile's answer is in its topic's line.
    expect(found).not.toContain('rae-quality-unregistered');
    expect(found).not.toContain('user-quality');
    expect(found).toContain('qualities');
  });

  it('gives an outcome found by its situation a line of its own', () => {
    expect(lines('pas encore enregistrée')).toEqual(['rae-quality-unregistered']);
  });

  it('takes an outcome for its situation only when the words its title adds are found', () => {
    // « activer » is in its task's title too; « inscription » only in its summary. It ranks
    // above its task, but only its situation would make it a line of its own.
    expect(lines('activer inscription')).toEqual(['qualities']);
  });

  it('gives a task found only by its profile’s name the profile’s line (which lists its tasks)', () => {
    expect(lines('RAE')).toEqual(['rae']);
    expect(lines('utilisateur')).toEqual(['user']);
  });

  it('gives every other page a line of its own: a page, a page the site generates, a topic', () => {
    expect(lines('contacter')).toEqual(['contact']);
    expect(lines('ensemble')).toEqual(['overview']);
    expect(lines('adresses')).toEqual(['emails']);
  });

  it('finds nothing for a word no page has', () => {
    expect(lines('xylofoon')).toEqual([]);
  });

  it('does not take an outcome for its situation when its task ranks above it', () => {
    // The outcome's word « enregistrée » comes after its task's title, but its task has the
    // word in its own, shorter title: the task ranks first, and both are its topic's line.
    const rae = profile('rae', 'Responsable', 'RAE');
    const qualities = node('qualities', 'topic', { title: 'Les qualités' });
    const raeQuality = task('rae-quality', rae, qualities, 'activer une qualité enregistrée');
    const special = outcome(
      'rae-special',
      raeQuality,
      'activer une qualité si entreprise enregistrée',
    );
    const search = createSearch(treeOf([rae, qualities, raeQuality, special]), {});
    const found = search.search('fr', 'enregistrée').lines.map(({ id }) => id);
    expect(found).toEqual(['qualities']);
  });

  it('puts the answer of the profile the query names before its topic’s line', () => {
    // The other profile's task says more of the query and ranks first, making the topic's line;
    // who names « RAE » still reads the RAE's answer first.
    const rae = profile('rae', 'Responsable', 'RAE');
    const user = profile('user', 'Utilisateur', 'utilisateur');
    const qualities = node('qualities', 'topic', { title: 'Les qualités' });
    const userQuality = task(
      'user-quality',
      user,
      qualities,
      'activer vite une qualité sans délai',
    );
    const raeQuality = task('rae-quality', rae, qualities, 'activer une qualité');
    const ranked = linesOver([rae, user, qualities, userQuality, raeQuality]);
    expect(ranked('activer vite une qualité sans délai')).toEqual(['qualities']);
    expect(ranked('RAE activer vite une qualité sans délai')).toEqual(['rae-quality', 'qualities']);
  });

  it('takes a profile’s name in the task’s title for what the task is about, not for who asks', () => {
    const rae = profile('rae', 'Responsable', 'RAE');
    const user = profile('user', 'Utilisateur', 'utilisateur');
    const replacing = node('replacing', 'topic', { title: 'remplacer le RAE' });
    const tasks = [
      task('rae-replace', rae, replacing, 'remplacer le RAE'),
      task('user-replace', user, replacing, 'remplacer le RAE'),
    ];
    const ranked = linesOver([rae, user, replacing, ...tasks]);
    expect(ranked('remplacer le RAE')).toEqual(['replacing']);
    // Named once more, it is who asks.
    expect(ranked('RAE remplacer le RAE')[0]).toBe('rae-replace');
  });

  it('does not take a word of the task’s own title for a situation where the outcome says it again', () => {
    const rae = profile('rae', 'Responsable', 'RAE');
    const ebox = node('ebox', 'topic', { title: 'l’e-Box de mon entreprise' });
    const access = task('rae-ebox', rae, ebox, 'l’e-Box de mon entreprise');
    const registered = outcome(
      'rae-ebox-registered',
      access,
      'l’e-Box de mon entreprise, entreprise enregistrée',
      'L’e-Box de votre entreprise enregistrée',
    );
    const ranked = linesOver([rae, ebox, access, registered]);
    expect(ranked('e-Box entreprise')).toEqual(['ebox']);
    expect(ranked('e-Box entreprise enregistrée')[0]).toBe('rae-ebox-registered');
  });

  it('does not give an outcome a line of its own below its topic: the query is the topic’s', () => {
    const rae = profile('rae', 'Responsable', 'RAE');
    const user = profile('user', 'Utilisateur', 'utilisateur');
    const blocked = node('blocked', 'topic', { title: 'bloqué : code perdu, accès perdu' });
    const userTask = task('user-blocked', user, blocked, 'bloqué : code perdu, accès perdu');
    const raeTask = task('rae-blocked', rae, blocked, 'débloquer');
    const lost = outcome('rae-blocked-lost', raeTask, 'débloquer, accès perdu');
    const ranked = linesOver([rae, user, blocked, userTask, raeTask, lost]);
    expect(ranked('bloqué : code perdu, accès perdu')).toEqual(['blocked']);
    expect(ranked('débloquer accès perdu')[0]).toBe('rae-blocked-lost');
  });

  it('does not give a line of its own to an outcome of the profile the query names as whom the task is for', () => {
    const rae = profile('rae', 'Responsable', 'RAE');
    const user = profile('user', 'Utilisateur', 'utilisateur');
    const roles = node('roles', 'topic', { title: 'donner un rôle' });
    const giving = task('rae-give', rae, roles, 'donner un rôle');
    const locked = node('locked', 'topic', { title: 'je suis bloqué' });
    const blocked = task('user-blocked', user, locked, 'je suis bloqué');
    const lostRole = outcome('user-blocked-role', blocked, 'je suis bloqué, rôle perdu');
    const nodes = [rae, user, roles, giving, locked, blocked, lostRole];
    const ranked = (forWhom: string[]) =>
      linesOver(nodes, { fr: { ignore: ['un'], synonyms: [], forWhom } })('rôle à un utilisateur');
    expect(ranked([])).toContain('user-blocked-role');
    expect(ranked(['à'])).not.toContain('user-blocked-role');
  });

  it(`shows at most ${MAX_RESULT_LINES} lines, and each page once`, () => {
    const pages = Array.from({ length: MAX_RESULT_LINES + 2 }, (_, index) =>
      node(`page-${index}`, 'page', { title: `alpha ${index}` }),
    );
    const rae = profile('rae', 'Responsable', 'RAE');
    const user = profile('user', 'Utilisateur', 'utilisateur');
    const topic = node('topic', 'topic', { title: 'Le sujet' });
    const tasks = [
      task('rae-task', rae, topic, 'alpha omega'),
      task('user-task', user, topic, 'alpha omega'),
    ];
    const search = createSearch(treeOf([rae, user, topic, ...tasks, ...pages]), {});
    const found = search.search('fr', 'alpha').lines.map(({ id }) => id);
    expect(found).toHaveLength(MAX_RESULT_LINES);
    expect(new Set(found).size).toBe(found.length);
    const both = search.search('fr', 'omega').lines.map(({ id }) => id);
    expect(both).toEqual(['topic']);
  });
});
