import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/feedback/database';
import type { NewFeedback } from '../../src/feedback/model';
import { openFeedbackStore } from '../../src/feedback/open-store';
import { PROJECT_ROOT } from '../../src/site/startup';
import { BACKENDS, type Backend } from './backends';

const DAY = 24 * 60 * 60 * 1000;

/** `npm run feedback -- ...`, as an editor runs it, against a database named in the environment. */
function feedbackCommand(args: string[], database: DatabaseConfig) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/feedback.ts'), ...args],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        FEEDBACK_DB: database.FEEDBACK_DB,
        DATABASE_URL: database.DATABASE_URL ?? '',
      },
      timeout: 30_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

const ROWS: NewFeedback[] = [
  {
    createdAt: daysAgo(40),
    pageId: 'home',
    language: 'fr',
    path: '/fr/',
    kind: 'yes',
    trying: null,
    wrong: null,
    redacted: false,
  },
  {
    createdAt: daysAgo(3),
    pageId: 'rl-register',
    language: 'fr',
    path: '/fr/representant-legal/enregistrer/',
    kind: 'comment',
    trying: 'Où est le lien « Enregistrer » ?\nIl a dit "non", puis oui',
    wrong: '=HYPERLINK("http://evil.example")',
    redacted: true,
  },
  {
    createdAt: daysAgo(2),
    pageId: 'rl-register',
    language: 'fr',
    path: '/fr/representant-legal/enregistrer/',
    kind: 'no',
    trying: null,
    wrong: null,
    redacted: false,
  },
  {
    createdAt: daysAgo(1),
    pageId: 'home',
    language: 'nl',
    path: '/nl/',
    kind: 'comment',
    trying: '@gebruiker +32, -1',
    wrong: 'Ça gère les accents: é è ü ß',
    redacted: false,
  },
];

describe.each(BACKENDS)('the editors’ command on $name', ({ create }) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await create();
    const store = openFeedbackStore(backend.config, () => undefined);
    for (const row of ROWS) await store.record(row);
    await store.close();
  });
  afterAll(() => backend?.remove());

  it('exports CSV: UTF-8 with a BOM, CRLF, quotes doubled, line breaks quoted, formulas defused', () => {
    const { status, stdout, stderr } = feedbackCommand(['export'], backend.config);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect([...stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = stdout.toString('utf8').slice(1);
    const records = text.split('\r\n');
    expect(records.at(-1)).toBe('');
    expect(records[0]).toBe(
      'id,created_at,page,language,path,kind,trying,wrong,personal_data_removed',
    );
    expect(text).toContain(
      `,rl-register,fr,/fr/representant-legal/enregistrer/,comment,"Où est le lien « Enregistrer » ?\nIl a dit ""non"", puis oui","'=HYPERLINK(""http://evil.example"")",yes\r\n`,
    );
    expect(text).toContain(
      `,home,nl,/nl/,comment,"'@gebruiker +32, -1",Ça gère les accents: é è ü ß,no\r\n`,
    );
    expect(text).toContain(`,home,fr,/fr/,yes,,,no\r\n`);
    // A header and a record per row: the comment's line break (LF) stays inside its quotes.
    expect(records).toHaveLength(1 + ROWS.length + 1);
  });

  it('exports only the rows asked for with --since and --path', () => {
    const since = daysAgo(10).toISOString().slice(0, 10);
    const recent = feedbackCommand(['export', '--since', since], backend.config);
    expect(recent.status).toBe(0);
    const recentText = recent.stdout.toString('utf8');
    expect(recentText).not.toContain(',home,fr,/fr/,yes');
    expect(recentText).toContain(',home,nl,/nl/,comment');
    const french = feedbackCommand(['export', '--path', '/fr/representant-legal/'], backend.config);
    const lines = french.stdout
      .toString('utf8')
      .split('\r\n')
      .filter((line) => /^\d+,/.test(line));
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.includes(',rl-register,fr,'))).toBe(true);
  });

  it('reports each page and language, worst first', () => {
    const { status, stdout } = feedbackCommand(['report'], backend.config);
    expect(status).toBe(0);
    const lines = stdout.toString('utf8').split('\n');
    const pages = lines.filter((line) => line.startsWith('/'));
    expect(pages.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      '/fr/representant-legal/enregistrer/ fr',
      '/fr/ fr',
      '/nl/ nl',
    ]);
    expect(pages[0]).toMatch(/0 yes 1 no\s+0%.*1$/);
  });
});

describe('the editors’ command, misused', () => {
  it.each([
    [[]],
    [['delete']],
    [['export', '--since', '2026-13-01']],
    [['export', '--since', 'yesterday']],
    [['export', '--path', 'fr']],
    [['export', '--format', 'xml']],
    [['report', 'now']],
  ])('explains its usage and exits 2 for %j', (args) => {
    const { status, stderr } = feedbackCommand(args, { FEEDBACK_DB: ':memory:' });
    expect(status).toBe(2);
    expect(stderr).toContain('npm run feedback -- export');
  });
});

describe('the editors’ command without its database', () => {
  it('says so and exits 1', () => {
    const { status, stderr } = feedbackCommand(['report'], {
      FEEDBACK_DB: 'unused',
      DATABASE_URL: 'postgres://feedback@127.0.0.1:1/feedback',
    });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^The feedback database could not be read: /);
  });
});
