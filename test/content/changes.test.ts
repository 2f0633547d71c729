import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ChangesError, contentChanges } from '../../src/cli/changes';
import { newPage } from '../../src/content/new-node';
import { loadSiteContent, PROJECT_ROOT } from '../../src/site/startup';
import { nodeById, pathOf } from '../helpers';
import { siteCopy, writePlaceholders, type SiteCopy } from '../site-copy';

/**
 * `npm run check:content -- --changes [<ref>]` against a temporary git repository holding a
 * copy of the content: a page added, one removed, one changed, and one whose slug changed.
 */

let copy: SiteCopy;

function git(...args: string[]): string {
  const run = spawnSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.be', ...args],
    {
      cwd: copy.root,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const about = nodeById('about');
const removed = nodeById('how-to-use-links');
const ABOUT = 'content/pages/about.yaml';

/** What an author does in the working tree, on top of the committed content. */
function edit(): void {
  newPage(copy.contentDir, 'lexicon');
  writePlaceholders(copy);
  rmSync(path.join(copy.root, 'content/pages/how-to-use-links.yaml'));
  copy.edit(ABOUT, (text) =>
    text
      .replace(/^ {4}- \[[^\]]*\]\(how-to-use-links\)\n/gm, '')
      .replace(/slug: a-propos\n/, 'slug: a-propos-du-guide\n'),
  );
  copy.edit('content/pages/home.yaml', (text) =>
    text.replace('title: Bienvenue dans', 'title: Bonjour et bienvenue dans'),
  );
  loadSiteContent(copy.contentDir);
}

beforeEach(() => {
  copy = siteCopy();
  git('init', '--quiet');
  git('add', 'content');
  git('commit', '--quiet', '-m', 'content as it was');
});
afterEach(() => copy.remove());

describe('what the working tree changes, against a git ref', () => {
  it('lists the addresses added, removed and changed, per language, and the moved page', async () => {
    edit();
    const changes = await contentChanges(copy.contentDir);
    const { tree } = loadSiteContent(copy.contentDir);
    const lexicon = tree.byId.get('lexicon');
    const languages = tree.languages.map((language) => language.code).sort();
    expect(languages.length).toBeGreaterThanOrEqual(2);
    expect([...changes.byLanguage.keys()].sort()).toEqual(['', ...languages]);
    for (const code of languages) {
      const lists = changes.byLanguage.get(code);
      const movedHere = code === 'fr' ? ['/fr/a-propos-du-guide/'] : [];
      expect(lists?.added).toEqual([lexicon?.text[code]?.path, ...movedHere].sort());
      const movedFrom = code === 'fr' ? [pathOf(about, 'fr')] : [];
      expect(lists?.removed).toEqual([pathOf(removed, code), ...movedFrom].sort());
      expect(lists?.changed).toContain(`/${code}/`);
    }
    expect(changes.byLanguage.get('')?.changed).toContain('/sitemap.xml');
    expect(changes.moved).toEqual([
      { from: pathOf(about, 'fr'), to: '/fr/a-propos-du-guide/', id: 'about', redirected: false },
    ]);

    copy.write('content/redirects.yaml', `${pathOf(about, 'fr')}: about\n`);
    const redirected = await contentChanges(copy.contentDir);
    expect(redirected.moved).toEqual([{ ...changes.moved[0], redirected: true }]);
  }, 60_000);

  it('compares with any ref, and says when it cannot', async () => {
    edit();
    git('add', '--all', 'content');
    git('commit', '--quiet', '-m', 'the edit');
    expect((await contentChanges(copy.contentDir)).moved).toEqual([]);
    expect((await contentChanges(copy.contentDir, 'HEAD~1')).moved).toHaveLength(1);
    await expect(contentChanges(copy.contentDir, 'no-such-ref')).rejects.toThrow(ChangesError);
  }, 60_000);

  it('fails from the command line until the moved page has its redirect', () => {
    edit();
    const check = () =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/check-content.ts',
          '--changes',
          'HEAD',
          '--content',
          copy.contentDir,
        ],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
    const missing = check();
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(
      `  removed  ${pathOf(about, 'fr')}  (moved to /fr/a-propos-du-guide/)`,
    );
    expect(missing.stdout).toMatch(new RegExp(`^${pathOf(about, 'fr')}: about$`, 'm'));

    copy.write('content/redirects.yaml', `${pathOf(about, 'fr')}: about\n`);
    const fixed = check();
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain('Every moved page has its redirect in content/redirects.yaml.');
  }, 60_000);
});
