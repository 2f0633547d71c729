import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, Scalar, YAMLMap } from 'yaml';
import { readLocales } from './locales';
import { nodeFilesById, type NodeFile } from './node-files';
import { PLACEHOLDER } from './placeholders';
import { nodeIdSchema, purposeOf, type NodeMeta } from './fields';
import { placeholder, skeleton } from './skeleton';
import type { NodeKind } from './source';
import { BREADCRUMB_KINDS } from './validate';
import { appendToList, mapAt, openYaml, setAfter } from './yaml-edit';

/** `npm run new` would not do what was asked; the message says why and what to do instead. */
export class NewNodeRefused extends Error {}

export interface NewNodeResult {
  /** What was written and changed, one line each, with paths relative to the project root. */
  done: string[];
  /** What the author should know next. */
  notes: string[];
}

interface Workspace {
  contentDir: string;
  root: string;
  /** From the folders in locales/: a new language gets its block in every new file. */
  languages: string[];
  files: Map<string, NodeFile>;
  today: string;
  done: string[];
  notes: string[];
}

function workspace(contentDir: string): Workspace {
  // In the site's order (French, Dutch, German, English), as every other content file; a
  // problem in the interface strings is the check's to report, not this command's.
  const languages = readLocales(path.dirname(contentDir), contentDir, []).languages;
  if (languages.length === 0) {
    throw new NewNodeRefused(`${contentDir} has no locales/ folder: is it the content folder?`);
  }
  return {
    contentDir,
    root: path.dirname(contentDir),
    languages,
    files: nodeFilesById(contentDir),
    today: new Date().toISOString().slice(0, 10),
    done: [],
    notes: [],
  };
}

const relative = (ws: Workspace, file: string) => path.relative(ws.root, file);

/** A new id must be valid and unused: it names the file and every link to it. */
function checkNewId(ws: Workspace, id: string): void {
  if (!nodeIdSchema.safeParse(id).success) {
    throw new NewNodeRefused(
      `"${id}" is not a valid id: use lower-case letters, digits and single hyphens (e.g. u-export-roles)`,
    );
  }
  const taken = ws.files.get(id);
  if (taken) {
    throw new NewNodeRefused(
      `the id "${id}" is taken: ${relative(ws, taken.file)} already has it (ids are unique across the content)`,
    );
  }
}

function existing(ws: Workspace, id: string, kinds: readonly NodeKind[], what: string): NodeFile {
  const file = ws.files.get(id);
  if (file && kinds.includes(file.kind)) return file;
  const candidates = [...ws.files.values()]
    .filter((candidate) => kinds.includes(candidate.kind))
    .map((candidate) => candidate.id)
    .sort();
  const shown = candidates.length > 12 ? [...candidates.slice(0, 12), '…'] : candidates;
  const found = file ? `"${id}" is ${relative(ws, file.file)}` : `there is no "${id}"`;
  throw new NewNodeRefused(`${found}; ${what} must be one of: ${shown.join(', ')}`);
}

function writeSkeleton(
  ws: Workspace,
  file: string,
  kind: NodeKind,
  id: string,
  meta: { known?: Partial<NodeMeta>; suggested?: Partial<NodeMeta> } = {},
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = skeleton({
    kind,
    id,
    languages: ws.languages,
    known: meta.known ?? {},
    suggested: meta.suggested,
    today: ws.today,
  });
  writeFileSync(file, text, { flag: 'wx' });
  ws.files.set(id, { id, kind, file });
  ws.done.push(`wrote ${relative(ws, file)}`);
}

function finish(ws: Workspace): NewNodeResult {
  ws.notes.push(
    `Write every value marked ${PLACEHOLDER} and delete the mark; npm run check:content lists those left.`,
  );
  return { done: ws.done, notes: ws.notes };
}

/** The topic a task's own id suggests: `u-export-roles` of a profile whose tasks all start `u-`. */
function topicOf(ws: Workspace, profile: NodeFile, taskId: string, given?: string): string {
  if (given !== undefined) return given;
  const tasks = [...ws.files.values()].filter(
    (file) => file.kind === 'task' && file.folderOwner === profile.id,
  );
  const prefix = `${taskId.split('-')[0] ?? ''}-`;
  if (
    tasks.length > 0 &&
    taskId.length > prefix.length &&
    tasks.every((task) => task.id.startsWith(prefix))
  ) {
    return taskId.slice(prefix.length);
  }
  throw new NewNodeRefused(
    `say what the task is about with --topic <topic-id>: an existing topic to share its row of the table with other profiles, or a new id`,
  );
}

function readTopic(file: NodeFile): string | undefined {
  const topic = openYaml(file.file).doc.get('topic');
  return typeof topic === 'string' ? topic : undefined;
}

/** `npm run new -- task <profile-id> <task-id> [--topic <topic-id>]` */
export function newTask(
  contentDir: string,
  profileId: string,
  taskId: string,
  options: { topic?: string } = {},
): NewNodeResult {
  const ws = workspace(contentDir);
  const profile = existing(ws, profileId, ['profile'], 'the profile');
  checkNewId(ws, taskId);
  const topic = topicOf(ws, profile, taskId, options.topic);
  if (topic === taskId) {
    throw new NewNodeRefused(`a topic needs its own id, not the task's: --topic <topic-id>`);
  }
  const topicFile = ws.files.get(topic);
  if (topicFile) {
    existing(ws, topic, ['topic'], 'the topic');
    const sibling = [...ws.files.values()].find(
      (file) =>
        file.kind === 'task' && file.folderOwner === profile.id && readTopic(file) === topic,
    );
    if (sibling) {
      throw new NewNodeRefused(
        `${sibling.id} is already about the topic "${topic}": a profile has one task per topic (use --topic for another)`,
      );
    }
  } else {
    checkNewId(ws, topic);
  }

  const file = path.join(path.dirname(profile.file), profile.id, `${taskId}.yaml`);
  writeSkeleton(ws, file, 'task', taskId, { known: { topic } });
  if (!topicFile) {
    writeSkeleton(ws, path.join(contentDir, 'topics', `${topic}.yaml`), 'topic', topic);
  } else {
    ws.notes.push(`It shares the topic ${topic} (${relative(ws, topicFile.file)}).`);
  }
  const edit = openYaml(profile.file);
  appendToList(edit.doc.contents as YAMLMap, 'tasks', taskId, 'parent');
  edit.save();
  ws.done.push(`added ${taskId} to the tasks of ${relative(ws, profile.file)}`);
  return finish(ws);
}

/** A list item linking to `id`, at the end of a Markdown text. */
function withLink(body: string, id: string, language: string): string {
  const item = `- [${PLACEHOLDER} the words of the link (${id}, ${language})](${id})`;
  const text = body.trimEnd();
  if (!text) return `${item}\n`;
  const last = text.split('\n').at(-1) ?? '';
  return /^\s*[-*] /.test(last) ? `${text}\n${item}\n` : `${text}\n\n${item}\n`;
}

/** `npm run new -- page <page-id> [--parent <node-id>]` */
export function newPage(
  contentDir: string,
  pageId: string,
  options: { parent?: string } = {},
): NewNodeResult {
  const ws = workspace(contentDir);
  const parent = existing(ws, options.parent ?? 'home', BREADCRUMB_KINDS, 'the parent');
  checkNewId(ws, pageId);
  writeSkeleton(ws, path.join(contentDir, 'pages', `${pageId}.yaml`), 'page', pageId, {
    known: { parent: parent.id },
  });
  // Readers reach a page by a link: the parent's text gets one, in every language.
  const edit = openYaml(parent.file);
  for (const language of ws.languages) {
    const text = mapAt(edit.doc, [language]);
    const body = text.get('body', true);
    const scalar = isScalar(body) ? body : new Scalar('');
    scalar.value = withLink(String(scalar.value), pageId, language);
    scalar.type = 'BLOCK_LITERAL';
    setAfter(text, 'body', scalar, 'description');
  }
  edit.save();
  ws.done.push(`linked it from the text of ${relative(ws, parent.file)}, in every language`);
  return finish(ws);
}

/**
 * `npm run new -- outcome <task-or-outcome-id> <outcome-id>`: one more answer to the node's
 * question. A node without a question gets one: its verdict becomes `depends`, and its old
 * verdict is the new outcome's suggested verdict, since that was the answer until now.
 */
export function newOutcome(contentDir: string, ownerId: string, outcomeId: string): NewNodeResult {
  const ws = workspace(contentDir);
  const owner = existing(ws, ownerId, ['task', 'outcome'], 'the task or outcome that asks');
  checkNewId(ws, outcomeId);
  const folder =
    owner.kind === 'task'
      ? path.join(path.dirname(owner.file), owner.id)
      : path.dirname(owner.file);

  const edit = openYaml(owner.file);
  const meta = edit.doc.contents as YAMLMap;
  const asks = isSeq(meta.get('options', true));
  const suggested: Partial<NodeMeta> = {};
  if (!asks) {
    const verdict = meta.get('verdict');
    const who = meta.get('who');
    if (verdict === 'self' || verdict === 'other' || verdict === 'automatic') {
      suggested.verdict = verdict;
    }
    if (typeof who === 'string') suggested.who = who;
    // A new node: the old one carried the placeholder's mark and comment.
    meta.set('verdict', new Scalar('depends'));
    meta.delete('who');
  }
  appendToList(meta, 'options', outcomeId, 'verdict');
  for (const language of ws.languages) {
    const text = mapAt(edit.doc, [language]);
    if (!asks) {
      const question = placeholder(
        `the question, ${purposeOf('question') ?? ''} (${owner.id}, ${language})`,
      );
      setAfter(text, 'question', question, text.has('body') ? 'body' : 'description');
    }
    const answers = text.get('answers', true);
    const map = isMap(answers) ? answers : new YAMLMap();
    map.set(outcomeId, placeholder(`the words of this answer (${outcomeId}, ${language})`));
    setAfter(text, 'answers', map, 'question');
  }

  writeSkeleton(ws, path.join(folder, `${outcomeId}.yaml`), 'outcome', outcomeId, { suggested });
  edit.save();
  ws.done.push(`added ${outcomeId} to the options of ${relative(ws, owner.file)}, with its answer`);
  if (!asks) {
    const old = suggested.verdict ? `verdict: ${suggested.verdict}` : 'no question';
    ws.notes.push(
      `${owner.id} had ${old}; it now asks a question (verdict: depends), and ${outcomeId} suggests its old verdict.`,
      `A question needs two answers or more: add the next with npm run new -- outcome ${owner.id} <outcome-id>.`,
    );
  }
  return finish(ws);
}
