/**
 * `npm run schemas`: writes the JSON Schema of each kind of content file into
 * `content/schemas/`, and puts on the first line of each node file the modeline that tells
 * editors which schema it follows. Run it after changing the table of kinds or adding a
 * language; a test fails while the committed schemas are stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentSchemas, modelineOf, SCHEMAS_DIR } from '../content/json-schemas';
import { discoverLanguages } from '../content/locales';
import { findNodeFiles } from '../content/node-files';
import { DEFAULT_PATHS } from '../site/startup';

const contentDir = path.resolve(process.argv[2] ?? DEFAULT_PATHS.contentDir);
const schemasDir = path.join(contentDir, SCHEMAS_DIR);
mkdirSync(schemasDir, { recursive: true });

const written: string[] = [];
for (const [name, json] of contentSchemas(discoverLanguages(contentDir))) {
  const file = path.join(schemasDir, name);
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    // a new kind: its schema is written below
  }
  if (old !== json) {
    writeFileSync(file, json);
    written.push(path.relative(process.cwd(), file));
  }
}

for (const { file, kind } of findNodeFiles(contentDir)) {
  const modeline = modelineOf(kind);
  const source = readFileSync(file, 'utf8');
  const [first = ''] = source.split('\n', 1);
  if (first === modeline) continue;
  const rest = first.startsWith('# yaml-language-server:')
    ? source.slice(first.length + 1)
    : source;
  writeFileSync(file, `${modeline}\n${rest}`);
  written.push(path.relative(process.cwd(), file));
}

console.log(
  written.length > 0 ? `Wrote:\n${written.join('\n')}` : 'Schemas and modelines are up to date.',
);
