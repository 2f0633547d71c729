import path from 'node:path';
import { z } from 'zod';
import {
  DATA_FILES,
  fileSchemaOf,
  NODE_KIND_NAMES,
  NODE_KINDS,
  type DataFileName,
  type NodeKind,
} from './kinds';

/**
 * JSON Schemas of the content files, made from the table of kinds, so that an editor (VS Code
 * with the YAML extension) completes and checks a file as it is typed. They are generated
 * (`npm run schemas`) and committed; a test fails when they are stale.
 */
export const SCHEMAS_DIR = 'schemas';

export const schemaFileOf = (kind: NodeKind) => `${kind}.schema.json`;

/** `glossary.yaml` follows `glossary.schema.json`. */
export const dataSchemaFileOf = (name: DataFileName) =>
  DATA_FILES[name].file.replace(/\.yaml$/, '.schema.json');

/** Dates are read from YAML as text; the schema says which text. */
function dateAsText(context: { jsonSchema: Record<string, unknown> }): void {
  const schema = context.jsonSchema;
  if (Array.isArray(schema.anyOf) && /YYYY-MM-DD/.test(String(schema.description))) {
    delete schema.anyOf;
    schema.type = 'string';
    schema.format = 'date';
  }
}

/** Each kind's schema as the text of its file, by file name. */
export function contentSchemas(languages: readonly string[]): Map<string, string> {
  // Draft 7: the newest the YAML extension of VS Code reads.
  const asText = (schema: z.ZodType) =>
    `${JSON.stringify(
      z.toJSONSchema(schema, {
        target: 'draft-7',
        io: 'input',
        unrepresentable: 'any',
        override: dateAsText,
      }),
      null,
      2,
    )}\n`;
  const files = new Map<string, string>();
  for (const kind of NODE_KIND_NAMES) {
    files.set(schemaFileOf(kind), asText(fileSchemaOf(kind, languages)));
  }
  for (const name of Object.keys(DATA_FILES) as DataFileName[]) {
    files.set(dataSchemaFileOf(name), asText(DATA_FILES[name].schema(languages)));
  }
  return files;
}

/**
 * The first line of a node file: where its schema is, for the editor. Relative, so that it
 * works wherever the project is checked out.
 */
export function modelineOf(kind: NodeKind): string {
  const depth = NODE_KINDS[kind].place.split('/').length - 1;
  const schema = path.posix.join(
    ...Array<string>(depth).fill('..'),
    SCHEMAS_DIR,
    schemaFileOf(kind),
  );
  return `# yaml-language-server: $schema=${schema}`;
}
