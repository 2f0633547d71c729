import { z } from 'zod';

/** Node ids are language-neutral and are also the file names: `rl-activate-quality.yaml`. */
export const nodeIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'slug must be lower-case ASCII letters, digits and single hyphens (it becomes part of a URL)',
  );

// Control characters (other than tab and newline) are invisible to authors and break pages.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029]/;

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${what} contains a control character`);

const plainText = (what: string) =>
  text(what).refine((value) => !/[<>]/.test(value), `${what} is plain text: no < or >`);

/**
 * What one language says about one node. `body`, `note` and `update` are Markdown without
 * HTML. Which fields a node needs depends on its kind; the validator says which.
 */
export const localizedTextSchema = z.strictObject({
  slug: slugSchema.optional(),
  title: plainText('title').optional(),
  description: plainText('description').refine(
    (value) => value.length <= 200,
    'description must be at most 200 characters (it is shown in search results and link previews)',
  ),
  body: text('body').optional(),
  note: text('note').optional(),
  /** What the official sites say today where the original wizard is out of date. */
  update: text('update').optional(),
  /** On profiles: the name as it reads after "Je suis" / "Ik ben": `Représentant Légal`. */
  asRole: plainText('asRole').optional(),
  /** On profiles: the name with its article, as in "seul le RAE": `le RAE`. */
  withArticle: plainText('withArticle').optional(),
  /** On profiles: today's official name, shown beside the wizard's older one. */
  currentName: plainText('currentName').optional(),
  /** On nodes that ask a question: the question, which is the page's h1. */
  question: plainText('question').optional(),
  /** On nodes that ask a question: each option's words, by the node id it leads to. */
  answers: z.record(z.string(), plainText('answer')).optional(),
  /** On outcomes: the situation they answer, as it continues the task's title. */
  condition: plainText('condition').optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const VERDICTS = ['self', 'other', 'depends'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

/** A calendar date written YYYY-MM-DD, as YAML authors type it. */
const dateSchema = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.iso.date('must be a date written YYYY-MM-DD'));

/** The language-neutral part of a node file: its place in the graph. */
export const nodeMetaSchema = z.strictObject({
  parent: nodeIdSchema.optional(),
  /** On profiles: the profile's tasks, in the order they are offered. */
  tasks: z.array(nodeIdSchema).min(1).optional(),
  /**
   * On tasks: what is being asked, independent of who asks: the id of a file in `topics/`.
   * Tasks of different profiles with the same topic share a row of the who-can-do-what table.
   */
  topic: nodeIdSchema.optional(),
  /** On site pages: profiles offered as a list of choices after the body. */
  profiles: z.array(nodeIdSchema).min(1).optional(),
  /**
   * On tasks and outcomes: `self` (you can do it yourself), `other` (someone else must: see
   * `who`) or `depends` (a question follows: see `options`).
   */
  verdict: z
    .enum(VERDICTS, { message: `verdict must be one of ${VERDICTS.join(', ')}` })
    .optional(),
  /** With `verdict: other`: the profile who must act. */
  who: nodeIdSchema.optional(),
  /** On nodes that ask a question: the nodes its options lead to, in the order offered. */
  options: z.array(nodeIdSchema).optional(),
  /** When a person last checked this file against the official pages. */
  reviewed: dateSchema.optional(),
});
export type NodeMeta = z.infer<typeof nodeMetaSchema>;

export const META_KEYS = Object.keys(nodeMetaSchema.shape);
