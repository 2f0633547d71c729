import { Document, Pair, Scalar, YAMLMap } from 'yaml';
import { PLACEHOLDER } from './placeholders';
import type { NodeMeta } from './schema';
import type { NodeKind } from './source';
import { PURPOSE, RULES, type MetaField, type TextField } from './validate';

/** How `npm run new` writes YAML: as the content files are written, long lines kept whole. */
export const YAML_STYLE = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Words for the fields whose purpose the validator's messages do not spell out. */
const HINTS: Partial<Record<MetaField | TextField, string>> = {
  description: 'one sentence shown in search results and link previews',
  body: 'the text of the page, in Markdown',
};

const hintFor = (field: MetaField | TextField) => HINTS[field] ?? PURPOSE[field] ?? field;

/** A value still to write: `!todo` before it, and what it is for beside it. */
export function placeholder(value: string, comment?: string): Scalar {
  const scalar = new Scalar(value);
  scalar.tag = PLACEHOLDER;
  if (comment) scalar.comment = ` ${comment}`;
  return scalar;
}

/**
 * A text still to write: what it is for, and for which node and language. The node's id keeps
 * the placeholders of two new siblings apart, so the only complaint is that they are placeholders.
 */
export function textPlaceholder(field: TextField, language: string, id: string): Scalar {
  if (field === 'slug') return placeholder(id, `${hintFor(field)}, in ${language}`);
  const words = `${hintFor(field)} (${id}, ${language})`;
  if (field !== 'body') return placeholder(words);
  const block = placeholder(`${words}.\n`);
  block.type = 'BLOCK_LITERAL';
  return block;
}

const VERDICT_CHOICES =
  'self: the visitor can do it; other: someone else must (add who: a profile id); depends: a question follows (npm run new -- outcome)';

/** The placeholder of a language-neutral field: the command's guess, or a sensible default. */
function metaPlaceholder(field: MetaField, today: string, guess?: string): Scalar {
  if (field === 'reviewed') return placeholder(guess ?? today, PURPOSE.reviewed);
  if (field === 'verdict') return placeholder(guess ?? 'self', VERDICT_CHOICES);
  if (guess !== undefined) return placeholder(guess, PURPOSE[field]);
  throw new Error(`npm run new cannot guess ${field}`);
}

export interface SkeletonRequest {
  kind: NodeKind;
  id: string;
  languages: readonly string[];
  /** The fields the command knows (a page's parent, a task's topic); the rest are placeholders. */
  known: Partial<NodeMeta>;
  /** Values the command can only suggest (an outcome's verdict): written, marked `!todo`. */
  suggested?: Partial<NodeMeta>;
  /** YYYY-MM-DD, the default of `reviewed`. */
  today: string;
}

/**
 * A new node file: every field its kind requires (from the validator's table of rules), and its
 * body, in every language of the site, each value it cannot know marked `!todo`.
 */
export function skeleton(request: SkeletonRequest): string {
  const { kind, id, languages, known, suggested = {}, today } = request;
  const rule = RULES[kind];
  const doc = new Document(new YAMLMap());
  const root = doc.contents as YAMLMap;
  doc.commentBefore =
    ` Made by npm run new. Write each value marked ${PLACEHOLDER}, then delete the mark:\n` +
    ` npm run check:content lists every one still there. The guide: content/README.md.`;
  const metaFields = [
    ...new Set([...rule.meta.required, ...(Object.keys(suggested) as MetaField[])]),
  ];
  for (const field of metaFields) {
    const value = known[field];
    const guess = suggested[field];
    const node =
      value !== undefined
        ? doc.createNode(value, { flow: true })
        : metaPlaceholder(field, today, typeof guess === 'string' ? guess : undefined);
    root.items.push(new Pair(new Scalar(field), node));
  }
  const textFields = [
    ...rule.text.required,
    ...(rule.text.allowed.includes('body') ? (['body'] as const) : []),
  ];
  for (const language of languages) {
    const text = new YAMLMap();
    for (const field of textFields) {
      text.items.push(new Pair(new Scalar(field), textPlaceholder(field, language, id)));
    }
    root.items.push(new Pair(new Scalar(language), text));
  }
  return doc.toString(YAML_STYLE);
}
