import { z } from 'zod';

/**
 * Every field a node file may hold, declared once: its schema, what it is for (the words of
 * the validator's messages, of `npm run new`'s skeletons and of the editor's hints), and the
 * kinds of node it names. Which kind has which field is declared in `kinds.ts`.
 */

/** The kinds of node, whose fields and folders `kinds.ts` declares. */
export const NODE_KIND_NAMES = [
  'home',
  'page',
  'step',
  'profile',
  'task',
  'outcome',
  'topic',
] as const;
export type NodeKind = (typeof NODE_KIND_NAMES)[number];

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Node ids are language-neutral and are also the file names: `rl-activate-quality.yaml`. */
export const nodeIdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be lower-case letters, digits and single hyphens');

const slugSchema = z
  .string()
  .regex(
    ID_PATTERN,
    'slug must be lower-case ASCII letters, digits and single hyphens (it becomes part of a URL)',
  );

// Control characters (other than tab and newline) are invisible to authors and break pages.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029]/;

export const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${what} contains a control character`);

export const plainText = (what: string) =>
  text(what).refine((value) => !/[<>]/.test(value), `${what} is plain text: no < or >`);

/** A calendar date written YYYY-MM-DD, as YAML authors type it. */
export const dateSchema = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.iso.date('must be a date written YYYY-MM-DD'));

/** A language code of the site or of an official page: `fr`, `nl`, `de`, `en`. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be a two-letter language code such as fr');

/** Long enough for the sentence an answer rests on, short enough to stay a quotation. */
export const MAX_QUOTE_LENGTH = 300;

/**
 * An official page an answer rests on: where it is, the sentence relied on, word for word in
 * the page's own language, and the day a person read it there. The page shows its title and
 * date; the quote lets the next editor check the page still says so.
 */
export const sourceSchema = z.strictObject({
  title: plainText('title').describe("the official page's own title, as it reads on the page"),
  url: z
    .url({ protocol: /^https$/, message: 'must be a full https:// address' })
    .describe('the address of the official page'),
  quote: text('quote')
    .max(
      MAX_QUOTE_LENGTH,
      `quote must be at most ${MAX_QUOTE_LENGTH} characters: quote the sentence the answer rests on, not the page`,
    )
    .describe('the sentence the answer rests on, word for word, in the language of the source'),
  checked: dateSchema.describe('the day a person read the quote on the page, YYYY-MM-DD'),
  language: languageCodeSchema
    .optional()
    .describe("the source's language, when it is not the language of the block"),
  differs: plainText('differs')
    .optional()
    .describe(
      'when this official page says otherwise than the answer (an older wording): what it says, in the language of the block',
    ),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * One dated change of what a page says, shown as « Modifié le … : … ». `supersedes` names the
 * wording the change replaced, so that no page can keep both the old wording and the change.
 */
export const historyEntrySchema = z.strictObject({
  date: dateSchema.describe('the day the procedure or the page changed, YYYY-MM-DD'),
  change: text('change').describe('what changed, in one or two plain sentences (Markdown)'),
  supersedes: z
    .array(plainText('supersedes'))
    .min(1)
    .optional()
    .describe('the old wording this change replaces: the page may no longer contain it'),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * `self`: you can do it yourself; `other`: someone else must (`who`); `depends`: a question
 * follows; `automatic`: nobody needs to, it happens by itself (a step the official sites
 * have since automated).
 */
export const VERDICTS = ['self', 'other', 'depends', 'automatic'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

interface FieldDeclaration {
  schema: z.ZodType;
  /** What the field is for, in the author's words. */
  purpose: string;
  /** For fields that name nodes: the kinds they may name. */
  refers?: readonly NodeKind[];
}

const field = <S extends z.ZodType>(
  schema: S,
  purpose: string,
  refers?: readonly NodeKind[],
): { schema: S; purpose: string; refers?: readonly NodeKind[] } => ({
  schema: schema.describe(purpose) as S,
  purpose,
  refers,
});

/** The language-neutral fields of a node: its place in the graph. */
export const META_FIELDS = {
  parent: field(nodeIdSchema, 'the node id of the page above in the breadcrumb', [
    'home',
    'page',
    'profile',
  ]),
  tasks: field(z.array(nodeIdSchema).min(1), "the profile's tasks, in order", ['task']),
  topic: field(nodeIdSchema, 'what the task is about, shared across profiles: a file in topics/', [
    'topic',
  ]),
  profiles: field(
    z.array(nodeIdSchema).min(1),
    'profiles offered as a list of choices after the body',
    ['profile'],
  ),
  verdict: field(
    z.enum(VERDICTS, { message: `verdict must be one of ${VERDICTS.join(', ')}` }),
    'self, other, depends or automatic',
  ),
  who: field(
    z.union([nodeIdSchema, z.array(nodeIdSchema).min(2)]),
    'with verdict: other, the profile who must act, or a list of the profiles who may',
    ['profile'],
  ),
  options: field(
    z.array(nodeIdSchema),
    'the nodes the options of the question lead to, in the order offered',
    ['outcome', 'step', 'page', 'profile'],
  ),
  reviewed: field(
    dateSchema,
    'the day a person last checked this page against the official pages, YYYY-MM-DD',
  ),
} satisfies Record<string, FieldDeclaration>;

/** What one language says about one node. Markdown fields take no HTML. */
export const TEXT_FIELDS = {
  slug: field(slugSchema, 'the URL segment'),
  title: field(plainText('title'), 'the name of the page'),
  description: field(
    plainText('description').refine(
      (value) => value.length <= 200,
      'description must be at most 200 characters (it is shown in search results and link previews)',
    ),
    'one sentence shown in search results and link previews',
  ),
  notice: field(
    text('notice'),
    "one plain sentence near the top, when the original wizard's step is gone or renamed (Markdown)",
  ),
  body: field(text('body'), 'the text of the page, in Markdown'),
  note: field(text('note'), 'a "good to know" remark, in Markdown'),
  asRole: field(plainText('asRole'), 'the name as it reads after "I am"'),
  withArticle: field(plainText('withArticle'), 'the name with its article, as in "only the …"'),
  currentName: field(plainText('currentName'), "today's official name, beside the older one"),
  question: field(plainText('question'), 'asked as the h1 of the page'),
  answers: field(
    z.record(z.string(), plainText('answer')),
    "each option's words, by the node id it leads to",
  ),
  condition: field(
    plainText('condition'),
    "the situation this outcome answers, continuing the task's title",
  ),
  sources: field(
    z.array(sourceSchema).min(1, 'list at least one source'),
    'the official pages the answer rests on',
  ),
  explains: field(
    z.array(z.string().regex(ID_PATTERN, 'must be the id of an entry of glossary.yaml')).min(1),
    'glossary terms this text explains in place, so it need not link them (ids from glossary.yaml)',
  ),
  history: field(
    z.array(historyEntrySchema).min(1),
    'dated changes of the procedure, newest first',
  ),
} satisfies Record<string, FieldDeclaration>;

export type MetaField = keyof typeof META_FIELDS;
export type TextField = keyof typeof TEXT_FIELDS;

/** The text fields that are Markdown, in the order a page shows them. */
export const MARKDOWN_FIELDS = ['notice', 'body', 'note'] as const;

/** What a validated file holds of some declared fields, each optional. */
type Validated<T extends Record<string, { schema: z.ZodType }>> = {
  [K in keyof T]?: z.output<T[K]['schema']>;
};

/** The type of a validated node's meta, whatever its kind. */
export type NodeMeta = Validated<typeof META_FIELDS>;

/** The type of a validated node's text in one language, whatever its kind. */
export type LocalizedText = Validated<typeof TEXT_FIELDS> & { description: string };

/** What a field is for, for messages: `slug is missing (the URL segment)`. */
export function purposeOf(name: string): string | undefined {
  if (name in META_FIELDS) return META_FIELDS[name as MetaField].purpose;
  if (name in TEXT_FIELDS) return TEXT_FIELDS[name as TextField].purpose;
  for (const parts of [sourceSchema.shape, historyEntrySchema.shape]) {
    if (name in parts) return (parts as Record<string, z.ZodType>)[name]?.description;
  }
  return undefined;
}

/** What one language says about a glossary entry. */
export const glossaryTextSchema = z.strictObject({
  term: plainText('term').describe('the word as the guide writes it: « Qualité », CSAM'),
  aliases: z
    .array(plainText('alias'))
    .min(1)
    .optional()
    .describe(
      'other forms of the word in texts (plural, abbreviation, old name), found as whole words; a form with a capital first letter is a name, found only so written',
    ),
  unlike: z
    .array(plainText('unlike'))
    .min(1)
    .optional()
    .describe(
      'phrases that hold the word but mean something else (« nom d’utilisateur » for « utilisateur »): not counted as uses',
    ),
  explainedOn: nodeIdSchema
    .optional()
    .describe(
      'a page of the guide that explains this word at length (applications): a link to it counts as explaining the word',
    ),
  definition: text('definition').describe(
    'what it means, in two or three plain sentences (Markdown)',
  ),
  sources: z
    .array(sourceSchema)
    .min(1, 'list at least one source')
    .optional()
    .describe('the official pages the definition rests on'),
});
export type GlossaryText = z.infer<typeof glossaryTextSchema>;

/** A host name as it appears in an address: `www.socialsecurity.be`. */
export const hostSchema = z
  .string()
  .regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'must be a host name such as www.socialsecurity.be');
