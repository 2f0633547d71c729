import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Site } from '../site/site';
import { FEEDBACK_PATH } from '../site/feedback-form';
import { DEFAULT_PATHS, prepareSite } from '../site/startup';
import { ContentError, formatProblems } from './problems';

/** `--changes` cannot compare: the message says why. */
export class ChangesError extends Error {}

export interface AddressChanges {
  added: string[];
  removed: string[];
  /** Same address, other bytes: what a visitor sees there changed. */
  changed: string[];
}

/** A page whose address changed: its old one needs a redirect, or shared links break. */
export interface MovedPage {
  from: string;
  to: string;
  id: string;
  /** Whether content/redirects.yaml already sends the old address somewhere. */
  redirected: boolean;
}

export interface SiteChanges {
  /** By language code; '' for the addresses of no one language (`/`, `/sitemap.xml`). */
  byLanguage: Map<string, AddressChanges>;
  moved: MovedPage[];
}

function git(cwd: string, args: string[]): Buffer {
  const run = spawnSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new ChangesError(`git is needed to compare: ${run.error.message}`);
  if (run.status !== 0) {
    throw new ChangesError(`git ${args.join(' ')}: ${run.stderr.toString().trim()}`);
  }
  return run.stdout;
}

/** The content folder as it is at `ref`, written out in a temporary folder. */
function contentAt(contentDir: string, ref: string, into: string): string {
  const top = git(contentDir, ['rev-parse', '--show-toplevel']).toString().trim();
  const inRepo = path.relative(top, contentDir).split(path.sep).join('/');
  const archive = git(top, ['archive', '--format=tar', ref, '--', inRepo]);
  const untar = spawnSync('tar', ['-x', '-C', into], { input: archive });
  if (untar.status !== 0) throw new ChangesError(`tar: ${untar.stderr.toString().trim()}`);
  return path.join(into, inRepo);
}

async function build(contentDir: string, what: string): Promise<Site> {
  try {
    // Only the bytes are compared: quick compression is enough.
    const paths = { ...DEFAULT_PATHS, contentDir };
    const { site } = await prepareSite('http://localhost', paths, FEEDBACK_PATH, 'quick');
    return site;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    throw new ChangesError(
      `${what} does not pass today's check, so it cannot be compared:\n${formatProblems(error.problems)}`,
    );
  }
}

/**
 * Builds the site from the content in the working tree and from the content at `ref` (the
 * templates, styles and code are the working tree's for both), and compares every public
 * address: added, removed, changed, and the pages that moved.
 */
export async function contentChanges(contentDir: string, ref = 'HEAD'): Promise<SiteChanges> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'content-at-'));
  try {
    const before = await build(contentAt(contentDir, ref, scratch), `The content at ${ref}`);
    const after = await build(contentDir, 'The content in the working tree');
    return compare(before, after);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function compare(before: Site, after: Site): SiteChanges {
  const codes = new Set(
    [...before.tree.languages, ...after.tree.languages].map((language) => language.code),
  );
  const byLanguage = new Map<string, AddressChanges>();
  const listFor = (address: string) => {
    const first = address.split('/')[1] ?? '';
    const code = codes.has(first) ? first : '';
    const lists = byLanguage.get(code) ?? { added: [], removed: [], changed: [] };
    byLanguage.set(code, lists);
    return lists;
  };
  const addresses = [...new Set([...before.pages.keys(), ...after.pages.keys()])].sort();
  for (const address of addresses) {
    const old = before.pages.get(address);
    const now = after.pages.get(address);
    if (!old) listFor(address).added.push(address);
    else if (!now) listFor(address).removed.push(address);
    else if (old.etag !== now.etag) listFor(address).changed.push(address);
  }

  const moved: MovedPage[] = [];
  for (const node of before.tree.nodes) {
    const current = after.tree.byId.get(node.id);
    for (const [code, text] of Object.entries(node.text)) {
      const to = current?.text[code]?.path;
      if (!to || to === text.path || after.pages.has(text.path)) continue;
      const redirected = after.tree.redirects.has(text.path);
      moved.push({ from: text.path, to, id: node.id, redirected });
    }
  }
  return { byLanguage, moved };
}

/** The report `npm run check:content -- --changes` prints, for authors. */
export function formatChanges(changes: SiteChanges, ref: string): string {
  const lines = [
    `Public addresses the working tree changes, against ${ref} (the content only; templates and code are the working tree's for both):`,
  ];
  const movedTo = new Map(changes.moved.map((page) => [page.from, page.to]));
  const languages = [...changes.byLanguage.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  for (const code of languages) {
    const { added, removed, changed } = changes.byLanguage.get(code) as AddressChanges;
    if (added.length + removed.length + changed.length === 0) continue;
    const counts = `${added.length} added, ${removed.length} removed, ${changed.length} changed`;
    lines.push('', `${code || 'every language'}: ${counts}`);
    for (const address of added) lines.push(`  added    ${address}`);
    for (const address of removed) {
      const to = movedTo.get(address);
      lines.push(`  removed  ${address}${to ? `  (moved to ${to})` : ''}`);
    }
    for (const address of changed) lines.push(`  changed  ${address}`);
  }
  if (lines.length === 1) lines.push('', 'No public address changed.');
  const missing = changes.moved.filter((page) => !page.redirected);
  if (missing.length > 0) {
    lines.push(
      '',
      `${missing.length} old address(es) would break. Add these lines to content/redirects.yaml, so that shared links lead to the new one:`,
      ...missing.map((page) => `${page.from}: ${page.id}`),
    );
  } else if (changes.moved.length > 0) {
    lines.push('', 'Every moved page has its redirect in content/redirects.yaml.');
  }
  return lines.join('\n');
}
