import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { newOutcome, newPage, NewNodeRefused, newTask } from '../../src/content/new-node';
import { PLACEHOLDER, placeholderTag } from '../../src/content/placeholders';
import type { ContentProblem } from '../../src/content/problems';
import { loadSiteContent, PROJECT_ROOT } from '../../src/site/startup';
import {
  contentProblems,
  filesUnder,
  siteCopy,
  writePlaceholders,
  type SiteCopy,
} from '../site-copy';

/** `npm run new`: skeletons that fail the check until every placeholder is written. */

let copy: SiteCopy;
beforeEach(() => {
  copy = siteCopy();
});
afterEach(() => copy.remove());

/** A file of the copy as data; `!todo` values read as the text after the mark. */
const yamlOf = (file: string) =>
  parse(copy.read(file), { customTags: [placeholderTag] }) as unknown;

/** Each `!todo` in the content files, as file and line; comments (the skeleton's header) aside. */
function placeholdersIn(): string[] {
  const yamlFiles = filesUnder(copy, copy.contentDir).filter((file) => file.endsWith('.yaml'));
  return yamlFiles.flatMap((file) =>
    copy
      .read(file)
      .split('\n')
      .flatMap((line, index) =>
        line.replace(/(^|\s)#.*$/, '').includes(PLACEHOLDER) ? [`${file}:${index + 1}`] : [],
      ),
  );
}

function problemsOf(): ContentProblem[] {
  return contentProblems(copy);
}

interface Case {
  name: string;
  make(contentDir: string): void;
}

const cases: Case[] = [
  { name: 'a task, with a new topic', make: (dir) => newTask(dir, 'user', 'u-export-roles') },
  {
    name: 'a task that shares a topic with other profiles',
    make: (dir) => newTask(dir, 'local-manager', 'gl-activate-quality'),
  },
  {
    name: 'a task with a topic named by --topic',
    make: (dir) => newTask(dir, 'user', 'u-print-roles', { topic: 'print-my-roles' }),
  },
  { name: 'a page under home', make: (dir) => newPage(dir, 'lexicon') },
  {
    name: 'a page under a profile without a body',
    make: (dir) => newPage(dir, 'user-help', { parent: 'user' }),
  },
  {
    name: "a third answer to a task's question",
    make: (dir) =>
      newOutcome(dir, 'rl-designate-local-manager', 'rl-designate-local-manager-unsure'),
  },
  {
    name: 'two answers to a task that had verdict: self',
    make: (dir) => {
      newOutcome(dir, 'gl-manage-roles', 'gl-manage-roles-online');
      newOutcome(dir, 'gl-manage-roles', 'gl-manage-roles-on-paper');
    },
  },
  {
    name: 'two answers to an outcome, which then asks a question',
    make: (dir) => {
      newOutcome(
        dir,
        'rl-designate-local-manager-not-rae',
        'rl-designate-local-manager-not-rae-known',
      );
      newOutcome(
        dir,
        'rl-designate-local-manager-not-rae',
        'rl-designate-local-manager-not-rae-unknown',
      );
    },
  },
  {
    name: 'a new task, then the two answers of its question',
    make: (dir) => {
      newTask(dir, 'user', 'u-export-roles');
      newOutcome(dir, 'u-export-roles', 'u-export-roles-csv');
      newOutcome(dir, 'u-export-roles', 'u-export-roles-pdf');
    },
  },
];

describe('npm run new', () => {
  it.each(cases)(
    '$name: fails the check, one "still a placeholder" per mark, until each is written',
    ({ make }) => {
      expect(problemsOf()).toEqual([]);
      make(copy.contentDir);
      const marks = placeholdersIn();
      expect(marks.length).toBeGreaterThan(0);
      const problems = problemsOf();
      expect(problems.map(({ file, line }) => `${file}:${line}`).sort()).toEqual(marks.sort());
      for (const problem of problems) expect(problem.message).toMatch(/is still a placeholder/);

      writePlaceholders(copy);
      expect(placeholdersIn()).toEqual([]);
      expect(problemsOf()).toEqual([]);
    },
  );

  it('links each new node where it belongs', () => {
    newTask(copy.contentDir, 'user', 'u-export-roles');
    newPage(copy.contentDir, 'lexicon');
    newOutcome(copy.contentDir, 'rl-designate-local-manager', 'rl-designate-local-manager-unsure');
    writePlaceholders(copy);
    const { tree } = loadSiteContent(copy.contentDir);
    const ids = (list: { id: string }[] | undefined) => list?.map((node) => node.id) ?? [];
    expect(ids(tree.byId.get('user')?.tasks).at(-1)).toBe('u-export-roles');
    expect(tree.byId.get('u-export-roles')?.topic?.id).toBe('export-roles');
    expect(ids(tree.byId.get('rl-designate-local-manager')?.options).at(-1)).toBe(
      'rl-designate-local-manager-unsure',
    );
    expect(tree.byId.get('lexicon')?.trail.map((node) => node.id)).toEqual(['home']);
    for (const language of tree.languages) {
      expect(tree.home.text[language.code]?.bodyHtml).toContain(
        `href="${tree.byId.get('lexicon')?.text[language.code]?.path}"`,
      );
    }
  });

  it("turns a task's verdict into a question, the old verdict suggested to its first answer", () => {
    const task = 'content/profiles/local-manager/gl-who.yaml';
    const before = yamlOf(task) as { verdict: string; who?: string };
    expect(before.verdict).toMatch(/^(self|other)$/);
    const { notes } = newOutcome(copy.contentDir, 'gl-who', 'gl-who-first');
    const after = yamlOf(task) as { verdict: string; who?: string; options: string[] };
    expect(after).toMatchObject({ verdict: 'depends', options: ['gl-who-first'] });
    expect(after.who).toBeUndefined();
    const outcome = copy.read('content/profiles/local-manager/gl-who/gl-who-first.yaml');
    expect(outcome).toContain(`verdict: ${PLACEHOLDER} ${before.verdict}`);
    if (before.who) expect(outcome).toContain(`who: ${PLACEHOLDER} ${before.who}`);
    expect(notes.join('\n')).toContain('A question needs two answers or more');
    // Until the second answer exists, the check says so too.
    expect(problemsOf().map((problem) => problem.message)).toContain(
      'a question needs at least two options',
    );
  });

  it('writes the blocks in the order the site offers its languages', () => {
    const order = loadSiteContent(copy.contentDir).tree.languages.map((language) => language.code);
    expect(order.length).toBeGreaterThanOrEqual(2);
    newPage(copy.contentDir, 'lexicon');
    const page = yamlOf('content/pages/lexicon.yaml') as Record<string, unknown>;
    expect(Object.keys(page).filter((key) => /^[a-z]{2}$/.test(key))).toEqual(order);
  });

  it('writes a block for every language in content/locales/', () => {
    const locales = path.join(copy.contentDir, 'locales');
    // A language the site does not have yet: its folder alone is enough.
    cpSync(path.join(locales, 'fr'), path.join(locales, 'it'), { recursive: true });
    const codes = readdirSync(locales).sort();
    expect(codes).toContain('it');
    newPage(copy.contentDir, 'lexicon');
    const page = yamlOf('content/pages/lexicon.yaml') as Record<string, unknown>;
    expect(
      Object.keys(page)
        .filter((key) => /^[a-z]{2}$/.test(key))
        .sort(),
    ).toEqual(codes);
    const home = yamlOf('content/pages/home.yaml') as Record<string, { body: string }>;
    expect(home.it?.body).toContain('(lexicon)');
  });

  it.each([
    ['an id already taken', () => newTask(copy.contentDir, 'user', 'u-list-roles'), /taken/],
    ['an id taken by a node of another kind', () => newPage(copy.contentDir, 'user'), /taken/],
    ['an invalid id', () => newPage(copy.contentDir, 'Glossary_FR'), /not a valid id/],
    ['an unknown profile', () => newTask(copy.contentDir, 'nobody', 'x-y'), /no "nobody"/],
    [
      'a parent that is not a page',
      () => newPage(copy.contentDir, 'lexicon', { parent: 'u-list-roles' }),
      /the parent must be one of/,
    ],
    [
      'an outcome of a page',
      () => newOutcome(copy.contentDir, 'about', 'about-yes'),
      /the task or outcome that asks must be one of/,
    ],
    [
      'a topic the profile already has',
      () => newTask(copy.contentDir, 'user', 'u-list-again', { topic: 'list-my-roles' }),
      /already about the topic "list-my-roles"/,
    ],
    [
      'a topic with the id of the task',
      () => newTask(copy.contentDir, 'user', 'u-x', { topic: 'u-x' }),
      /its own id/,
    ],
  ])('refuses %s with a clear message, writing nothing', (_name, attempt, message) => {
    const before = filesUnder(copy, copy.contentDir).map((file) => [file, copy.read(file)]);
    expect(attempt).toThrow(NewNodeRefused);
    expect(attempt).toThrow(message);
    expect(filesUnder(copy, copy.contentDir).map((file) => [file, copy.read(file)])).toEqual(
      before,
    );
  });

  it('runs from the command line, and exits 1 with the reason when it refuses', () => {
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/new.ts', '--content', copy.contentDir, ...args],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
    const made = run('task', 'user', 'u-export-roles');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('wrote content/profiles/user/u-export-roles.yaml');
    expect(readFileSync(path.join(copy.contentDir, 'profiles/user.yaml'), 'utf8')).toContain(
      'u-export-roles',
    );
    const refused = run('task', 'user', 'u-export-roles');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('the id "u-export-roles" is taken');
    const unknown = run('chapter', 'x');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('npm run new -- task <profile-id> <task-id>');
  });
});
