import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import {
  contentSchemas,
  modelineOf,
  SCHEMAS_DIR,
  schemaFileOf,
} from '../../src/content/json-schemas';
import { NODE_KIND_NAMES, type NodeKind } from '../../src/content/kinds';
import { discoverLanguages } from '../../src/content/locales';
import { findNodeFiles } from '../../src/content/node-files';
import { placeholderTag } from '../../src/content/placeholders';
import { formatProblem } from '../../src/content/problems';
import { DEFAULT_PATHS, loadSiteContent } from '../../src/site/startup';
import { siteCopy } from '../site-copy';

const contentDir = DEFAULT_PATHS.contentDir;
const committed = (kind: NodeKind) =>
  readFileSync(path.join(contentDir, SCHEMAS_DIR, schemaFileOf(kind)), 'utf8');
const generated = contentSchemas(discoverLanguages(contentDir));
const files = findNodeFiles(contentDir);

// Formats (date, uri) are checked as editors check them.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validators = new Map(
  NODE_KIND_NAMES.map((kind) => [kind, ajv.compile(JSON.parse(committed(kind)) as object)]),
);
const readYaml = (file: string): unknown =>
  parse(readFileSync(file, 'utf8'), { customTags: [placeholderTag] });

describe('the JSON Schemas editors check content files with', () => {
  it.each(NODE_KIND_NAMES)(
    'the committed schema of a %s is the one the table of kinds makes (npm run schemas)',
    (kind) => {
      expect(committed(kind)).toBe(generated.get(schemaFileOf(kind)));
    },
  );

  it.each(files.map((file) => [path.relative(contentDir, file.file), file] as const))(
    '%s names its schema on its first line, and follows it',
    (_name, { file, kind }) => {
      expect(readFileSync(file, 'utf8').split('\n', 1)[0]).toBe(modelineOf(kind));
      const validate = validators.get(kind);
      expect(validate?.(readYaml(file))).toBe(true);
    },
  );

  it.each([
    ['an unknown verdict', (text: string) => text.replace(/^verdict: \w+/m, 'verdict: maybe')],
    ['a field of another kind', (text: string) => text.replace(/^topic: /m, 'tasks: [x]\ntopic: ')],
    ['a missing description', (text: string) => text.replace(/\n {2}description: [^\n]*/, '')],
  ])('flags %s in a task as the author types it', (_case, breakIt) => {
    const task = files.find((file) => file.kind === 'task');
    const text = readFileSync(task?.file ?? '', 'utf8');
    const broken = breakIt(text);
    expect(broken).not.toBe(text);
    expect(validators.get('task')?.(parse(broken))).toBe(false);
  });

  it('warns, at line 1, about a file that does not name its schema', () => {
    const copy = siteCopy();
    try {
      const file = 'content/profiles/user/u-list-roles.yaml';
      copy.edit(file, (text) => text.split('\n').slice(1).join('\n'));
      const { warnings } = loadSiteContent(copy.contentDir);
      expect(warnings.map(formatProblem)).toEqual([
        `${file}:1: warning: the first line should be "${modelineOf('task')}", so that editors check the file as you type (npm run schemas writes it)`,
      ]);
    } finally {
      copy.remove();
    }
  });
});
