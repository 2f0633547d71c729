import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file at `at` (itself, if it is a file), in a fixed order; none if nothing is there. */
function filesOf(at: string): string[] {
  const found = statSync(at, { throwIfNoEntry: false });
  if (!found) return [];
  return found.isFile()
    ? [at]
    : readdirSync(at, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
}

/**
 * A hash of the names and bytes of every file at the given paths (files or folders), which
 * changes when any of them changes. Names count relative to the path given, so the same files
 * elsewhere on disk hash the same; a path with nothing there counts as having no files. `skip`
 * leaves out files by their full path.
 */
export function hashOfFiles(
  inputs: readonly string[],
  skip: (file: string) => boolean = () => false,
): string {
  const hash = createHash('sha256');
  inputs.forEach((input, index) => {
    for (const file of filesOf(input)) {
      if (skip(file)) continue;
      const bytes = readFileSync(file);
      hash.update(`${index}\0${path.relative(input, file)}\0${bytes.length}\0`).update(bytes);
    }
  });
  return hash.digest('hex');
}
