import { z } from 'zod';
import {
  glossaryTextSchema,
  hostSchema,
  META_FIELDS,
  NODE_KIND_NAMES,
  TEXT_FIELDS,
  type MetaField,
  type NodeKind,
  type TextField,
} from './fields';

export { NODE_KIND_NAMES, type NodeKind };

/**
 * Each kind of node, declared once: where its files live, which fields it requires and
 * allows, and so which kinds it refers to. The validator, `npm run new`, the JSON Schemas for
 * editors and the types all read this table; nothing else says what a kind holds.
 */
interface KindDeclaration {
  /** How authors call this kind in messages, in the plural. */
  name: string;
  /**
   * Where its files are, relative to `content/`: `*` is a file or folder name. A task of the
   * profile `user` is `profiles/user/u-list-roles.yaml`: the folder beside `profiles/user.yaml`.
   */
  place: string;
  meta: { required: readonly MetaField[]; optional: readonly MetaField[] };
  text: { required: readonly TextField[]; optional: readonly TextField[] };
}

const PROSE = ['body', 'note', 'explains'] as const satisfies readonly TextField[];
const ASKS = ['question', 'answers'] as const satisfies readonly TextField[];
/** What an answer shows beyond its prose: the step that changed, its sources, its history. */
const ANSWERS = ['notice', 'sources', 'history'] as const satisfies readonly TextField[];

export const NODE_KINDS = {
  home: {
    name: 'the home page',
    place: 'pages/home.yaml',
    meta: { required: ['reviewed'], optional: ['profiles'] },
    text: { required: ['title', 'description'], optional: PROSE },
  },
  page: {
    name: 'site pages',
    place: 'pages/*.yaml',
    meta: { required: ['parent', 'reviewed'], optional: ['profiles', 'options'] },
    text: { required: ['slug', 'title', 'description'], optional: [...PROSE, ...ASKS, ...ANSWERS] },
  },
  step: {
    name: "the steps of a page's question",
    place: 'pages/*/*.yaml',
    meta: { required: ['reviewed'], optional: ['options'] },
    text: { required: ['slug', 'title', 'description'], optional: [...PROSE, ...ASKS, ...ANSWERS] },
  },
  profile: {
    name: 'profiles',
    place: 'profiles/*.yaml',
    meta: { required: ['parent', 'tasks', 'reviewed'], optional: [] },
    text: {
      required: ['slug', 'title', 'description', 'asRole', 'withArticle'],
      optional: [...PROSE, 'currentName', 'sources', 'history'],
    },
  },
  task: {
    name: 'tasks',
    place: 'profiles/*/*.yaml',
    meta: { required: ['topic', 'verdict', 'reviewed'], optional: ['who', 'options'] },
    // An answer always says where it comes from.
    text: {
      required: ['slug', 'title', 'description', 'sources'],
      optional: [...PROSE, ...ASKS, 'notice', 'history'],
    },
  },
  outcome: {
    name: 'outcomes',
    place: 'profiles/*/*/*.yaml',
    meta: { required: ['verdict', 'reviewed'], optional: ['who', 'options'] },
    text: {
      required: ['slug', 'condition', 'description', 'sources'],
      optional: [...PROSE, ...ASKS, 'notice', 'history'],
    },
  },
  topic: {
    name: 'topics',
    place: 'topics/*.yaml',
    meta: { required: ['reviewed'], optional: [] },
    text: { required: ['slug', 'title', 'description'], optional: ['body', 'explains'] },
  },
} as const satisfies Record<NodeKind, KindDeclaration>;

export function kindOf(kind: NodeKind): KindDeclaration {
  return NODE_KINDS[kind];
}

/** The fields a kind may hold, required first. */
export function fieldsOf(kind: NodeKind, side: 'meta' | 'text'): readonly string[] {
  const { required, optional } = NODE_KINDS[kind][side];
  return [...required, ...optional];
}

/** The kinds that may hold a field, in messages: "is only for tasks, outcomes". */
export function kindsAllowing(field: string, side: 'meta' | 'text'): string[] {
  return NODE_KIND_NAMES.filter((kind) => fieldsOf(kind, side).includes(field)).map(
    (kind) => NODE_KINDS[kind].name,
  );
}

/** The kinds of node a kind's fields name: a task names a topic, and the profile who acts. */
export function referencesOf(kind: NodeKind): NodeKind[] {
  const names = fieldsOf(kind, 'meta') as MetaField[];
  return [
    ...new Set(
      names.flatMap((name) => (META_FIELDS[name] as { refers?: NodeKind[] }).refers ?? []),
    ),
  ];
}

function shape(
  fields: Record<string, { schema: z.ZodType }>,
  { required, optional }: { required: readonly string[]; optional: readonly string[] },
): Record<string, z.ZodType> {
  const schemaOf = (name: string) => {
    const declared = fields[name];
    if (!declared) throw new Error(`undeclared field "${name}"`);
    return declared.schema;
  };
  return Object.fromEntries([
    ...required.map((name) => [name, schemaOf(name)] as const),
    ...optional.map((name) => [name, schemaOf(name).optional()] as const),
  ]);
}

/** Made once per kind: zod compiles a schema on its first use, and every file reuses it. */
const schemas = new Map(
  NODE_KIND_NAMES.map((kind) => [
    kind,
    {
      meta: z.strictObject(shape(META_FIELDS, NODE_KINDS[kind].meta)),
      text: z.strictObject(shape(TEXT_FIELDS, NODE_KINDS[kind].text)),
    },
  ]),
);

const schemasOf = (kind: NodeKind) => {
  const found = schemas.get(kind);
  if (!found) throw new Error(`undeclared kind "${kind}"`);
  return found;
};

/** The language-neutral part of a node file of this kind. */
export function metaSchemaOf(kind: NodeKind) {
  return schemasOf(kind).meta;
}

/** What one language says about a node of this kind. */
export function textSchemaOf(kind: NodeKind) {
  return schemasOf(kind).text;
}

/** A whole file of this kind, with a block per language: what an editor checks as you type. */
export function fileSchemaOf(kind: NodeKind, languages: readonly string[]) {
  const text = textSchemaOf(kind);
  return z
    .strictObject({
      ...metaSchemaOf(kind).shape,
      ...Object.fromEntries(languages.map((language) => [language, text])),
    })
    .describe(
      `One of the ${NODE_KINDS[kind].name} of the guide (content/${NODE_KINDS[kind].place}).`,
    );
}

/**
 * The content files that are not pages, each declared once: where it is and what it holds.
 * `languages` are those of the site: the schema of a file with a block per language needs them.
 */
export const DATA_FILES = {
  glossary: {
    name: 'the glossary',
    file: 'glossary.yaml',
    schema: (languages: readonly string[]) =>
      z
        .record(
          z
            .string()
            .regex(
              /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
              'an entry id is lower-case letters, digits and hyphens',
            ),
          z.strictObject(
            Object.fromEntries(languages.map((language) => [language, glossaryTextSchema])),
          ),
        )
        .describe('The words the guide explains, by id; link an entry as [CSAM](glossary#csam).'),
  },
  officialHosts: {
    name: 'the official hosts',
    file: 'official-hosts.yaml',
    schema: () =>
      z
        .array(hostSchema)
        .min(1)
        .describe(
          'The hosts whose pages may be cited as sources: official sites only, each host written out (www.csam.be and csam.be are two).',
        ),
  },
} as const;

export type DataFileName = keyof typeof DATA_FILES;
