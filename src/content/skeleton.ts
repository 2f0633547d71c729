import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { PLACEHOLDER } from './placeholders';
import { purposeOf, type MetaField, type NodeMeta, type TextField } from './fields';
import { modelineOf } from './json-schemas';
import { NODE_KINDS, type NodeKind } from './kinds';

/** How `npm run new` writes YAML: as the content files are written, long lines kept whole. */
export const YAML_STYLE = { lineWidth: 0, flowCollectionPadding: false } as const;

const hintFor = (field: MetaField | TextField) => purposeOf(field) ?? field;

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

/** One official source still to find: its title, address, the sentence relied on, the day read. */
function sourcePlaceholder(language: string, id: string, today: string): YAMLSeq {
  const source = new YAMLMap();
  const words = (hint: string) => placeholder(`${hint} (${id}, ${language})`);
  source.items.push(
    new Pair(new Scalar('title'), words("the official page's own title")),
    // An address, so the check's only complaint is the mark: an official host to start from.
    new Pair(
      new Scalar('url'),
      placeholder('https://www.socialsecurity.be/', 'the https:// address of the official page'),
    ),
    new Pair(new Scalar('quote'), words('the sentence the answer rests on, word for word')),
    new Pair(new Scalar('checked'), placeholder(today, 'the day you read it')),
  );
  const list = new YAMLSeq();
  list.items.push(source);
  return list;
}

const VERDICT_CHOICES =
  'self: the visitor can do it; other: someone else must (add who: a profile id, or a list); depends: a question follows (npm run new -- outcome); automatic: nobody needs to';

/** The placeholder of a language-neutral field: the command's guess, or a sensible default. */
function metaPlaceholder(field: MetaField, today: string, guess?: string): Scalar {
  if (field === 'reviewed') return placeholder(guess ?? today, hintFor(field));
  if (field === 'verdict') return placeholder(guess ?? 'self', VERDICT_CHOICES);
  if (guess !== undefined) return placeholder(guess, hintFor(field));
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
 * A new node file: every field its kind requires (from the table of kinds), and its
 * body, in every language of the site, each value it cannot know marked `!todo`.
 */
export function skeleton(request: SkeletonRequest): string {
  const { kind, id, languages, known, suggested = {}, today } = request;
  const rule = NODE_KINDS[kind];
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
  // The body before the sources it rests on, as pages show them.
  const required = rule.text.required as readonly TextField[];
  const textFields: TextField[] = [
    ...required.filter((field) => field !== 'sources'),
    ...((rule.text.optional as readonly TextField[]).includes('body') ? (['body'] as const) : []),
    ...required.filter((field) => field === 'sources'),
  ];
  for (const language of languages) {
    const text = new YAMLMap();
    for (const field of textFields) {
      const value =
        (field as TextField) === 'sources'
          ? sourcePlaceholder(language, id, today)
          : textPlaceholder(field, language, id);
      text.items.push(new Pair(new Scalar(field), value));
    }
    root.items.push(new Pair(new Scalar(language), text));
  }
  // The modeline first: editors read the schema from the file's first line.
  return `${modelineOf(kind)}\n${doc.toString(YAML_STYLE)}`;
}
