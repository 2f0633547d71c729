import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PLACEHOLDER } from '../src/content/placeholders';
import { ContentError, type ContentProblem } from '../src/content/problems';
import { DEFAULT_PATHS, loadSiteContent, type SitePaths } from '../src/site/startup';

/** A copy of the site's content, templates and styles that a test may edit as an author would. */
export interface SiteCopy {
  /** Plays the project root: file names in messages are relative to it (`content/...`). */
  root: string;
  paths: SitePaths;
  contentDir: string;
  /** Reads a file, by its path under the copy's root (`content/pages/home.yaml`). */
  read(file: string): string;
  write(file: string, text: string): void;
  edit(file: string, change: (text: string) => string): void;
  remove(): void;
}

export function siteCopy(): SiteCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'site-'));
  const paths: SitePaths = {
    contentDir: path.join(root, 'content'),
    viewsDir: path.join(root, 'views'),
    staticDir: path.join(root, 'static'),
  };
  cpSync(DEFAULT_PATHS.contentDir, paths.contentDir, { recursive: true });
  cpSync(DEFAULT_PATHS.viewsDir, paths.viewsDir, { recursive: true });
  cpSync(DEFAULT_PATHS.staticDir, paths.staticDir, { recursive: true });
  const at = (file: string) => path.join(root, file);
  const copy: SiteCopy = {
    root,
    paths,
    contentDir: paths.contentDir,
    read: (file) => readFileSync(at(file), 'utf8'),
    write: (file, text) => writeFileSync(at(file), text),
    edit: (file, change) => copy.write(file, change(copy.read(file))),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  return copy;
}

/** The line of the first `needle` in a text, counted from 1 as messages count them. */
export function lineOfText(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, index).split('\n').length;
}

/** Every file under a folder, by its path relative to the copy's root. */
export function filesUnder(copy: SiteCopy, dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => path.relative(copy.root, file))
    .sort();
}

/**
 * What an author does: writes each value marked `!todo` and deletes the mark. Suggested
 * values (a slug, a verdict, a date) are kept; texts get words of their own, in their language.
 */
export function writePlaceholders(copy: SiteCopy): void {
  let count = 0;
  for (const file of filesUnder(copy, copy.contentDir)) {
    const text = copy.read(file);
    if (!file.endsWith('.yaml') || !text.includes(PLACEHOLDER)) continue;
    const written = text
      .split('\n')
      .map((line) => {
        const language = /, ([a-z]{2,3})\)/.exec(line)?.[1] ?? '';
        count += 1;
        return line
          .replace(/^(\s*(?:- )?(?:slug|verdict|reviewed|who|url|checked): )!todo (\S+).*$/, '$1$2')
          .replace(/^(\s*(?:- )?[\w-]+: )!todo \|$/, '$1|')
          .replace(/\[!todo [^\]]*\]/, `[Lien ${count} en ${language}]`)
          .replace(/^(\s*(?:- )?[\w-]+: )!todo .*$/, `$1Texte ${count} en ${language}`);
      })
      .join('\n');
    copy.write(file, written);
  }
}

/**
 * What the content check says about the copy's content, read once: the problems that stop it
 * from loading (none when it loads), or else what is worth a look.
 */
export function contentCheck(copy: SiteCopy): {
  problems: ContentProblem[];
  warnings: ContentProblem[];
} {
  try {
    return { problems: [], warnings: loadSiteContent(copy.contentDir).warnings };
  } catch (error) {
    if (error instanceof ContentError) return { problems: [...error.problems], warnings: [] };
    throw error;
  }
}

/** What the content check says about the copy's content: nothing when it loads. */
export function contentProblems(copy: SiteCopy): ContentProblem[] {
  return contentCheck(copy).problems;
}
