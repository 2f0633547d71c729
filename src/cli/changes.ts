/**
 * `npm run check:content -- --changes [<git-ref>]`: the content in the working tree against
 * the content at a git ref, each built into a site and compared address by address.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContentError, formatProblems } from '../content/problems';
import { compareSites, type AddressChanges, type SiteChanges } from '../site/changes';
import { FEEDBACK_PATH } from '../site/feedback-form';
import type { Site } from '../site/site';
import { DEFAULT_PATHS, prepareSite } from '../site/startup';

/** `--changes` cannot compare: the message says why. */
export class ChangesError extends Error {}

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
    return compareSites(before, after);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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
