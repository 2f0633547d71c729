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

/** What one language says about one node. `body` and `note` are Markdown without HTML. */
export const localizedTextSchema = z.strictObject({
  slug: slugSchema.optional(),
  title: plainText('title'),
  description: plainText('description').refine(
    (value) => value.length <= 200,
    'description must be at most 200 characters (it is shown in search results and link previews)',
  ),
  body: text('body').optional(),
  note: text('note').optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The language-neutral part of a node file: its place in the graph. */
export const nodeMetaSchema = z.strictObject({
  parent: nodeIdSchema.optional(),
  /** On profiles: the profile's tasks, in the order they are offered. */
  tasks: z.array(nodeIdSchema).min(1).optional(),
  /**
   * On tasks: what is being asked, independent of who asks ("activate-quality"). Tasks of
   * different profiles with the same topic share a row of the who-can-do-what table.
   */
  topic: nodeIdSchema.optional(),
  /** On site pages: profiles offered as a list of choices after the body. */
  profiles: z.array(nodeIdSchema).min(1).optional(),
});
export type NodeMeta = z.infer<typeof nodeMetaSchema>;

export const META_KEYS = Object.keys(nodeMetaSchema.shape);
