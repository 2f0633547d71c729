import { GLOSSARY_PAGE_ID, nextIds, optionOwners, TOPICS_PAGE_ID } from './graph';
import { MARKDOWN_FIELDS } from './fields';
import { checkGlossaryUse, type Glossary } from './glossary-checks';
import type { YamlFile } from './yaml-file';
import { externalLinkProblem, isNodeReference, languageOfUrl, referenceParts } from './links';
import { checkLanguages, type LanguageStyle } from './language-checks';
import { inspectMarkdown, plainText } from './markdown';
import type { ContentProblem } from './problems';
import { META_FIELDS, purposeOf } from './fields';
import { NODE_KINDS } from './kinds';
import { markdownTexts, type NodeKind, type SourceNode } from './source';

/** A file that exists but failed the schema: its problems are reported already. */
export interface BrokenNode {
  kind: NodeKind;
  folderOwner?: string;
}

interface GraphCheck {
  nodes: ReadonlyMap<string, SourceNode>;
  broken: ReadonlyMap<string, BrokenNode>;
  languages: readonly string[];
  /** First path segments the site itself uses (assets, search, ...): no page may take them. */
  reservedSlugs: ReadonlyMap<string, readonly string[]>;
  /** Nodes the site cannot do without: home and those linked from every page. */
  requiredIds: readonly string[];
  /** Hosts whose pages may be cited as sources: `content/official-hosts.yaml`. */
  officialHosts: ReadonlySet<string>;
  /** Today, YYYY-MM-DD: no source can have been checked later. */
  today: string;
  /** The glossary's entries, by id: `glossary#id` links name them. */
  glossary: Glossary;
  /** Where the glossary's lines are, for its messages. */
  glossaryFile?: YamlFile;
  /** Each language's quotation marks, from its interface strings. */
  styles: Readonly<Record<string, LanguageStyle>>;
  /** Whether to run the checks that only warn an author (the glossary words'). */
  authorChecks: boolean;
  problems: ContentProblem[];
}

/** Checks what the schema cannot: the graph, the flows, the links and the slugs. */
export function validateGraph(check: GraphCheck): void {
  for (const id of check.requiredIds) {
    if (!exists(check, id)) {
      const message = `missing ${id}.yaml: every page links to it`;
      check.problems.push({ file: 'content/pages', line: 1, message });
    }
  }
  const home = check.nodes.get('home');
  if (!home || home.kind !== 'home') return;
  const owners = optionOwners(check.nodes);
  for (const node of check.nodes.values()) {
    checkPlace(node, check);
    checkVerdict(node, check);
    checkQuestion(node, check);
    checkLinks(node, check);
    checkSources(node, check);
    checkSuperseded(node, check);
    if (check.authorChecks) checkGlossaryUse(node, check.languages, check.glossary, check.problems);
    checkLanguages(node, check.languages, check.styles, check.problems);
    if (node.kind === 'outcome' || node.kind === 'step') checkListedOnce(node, owners, check);
  }
  checkTopics(check);
  checkGlossaryPages(check);
  checkSiblings(check, owners);
  // Reachability is judged on a complete tree: with a file missing, it would only echo that.
  if (check.broken.size === 0) checkReachable(home, check);
}

function problem(check: GraphCheck, node: SourceNode, line: number, message: string): void {
  check.problems.push({ file: node.file, line, message });
}

function exists(check: GraphCheck, id: string): boolean {
  return check.nodes.has(id) || check.broken.has(id);
}

function kindOf(check: GraphCheck, id: string): NodeKind | undefined {
  return check.nodes.get(id)?.kind ?? check.broken.get(id)?.kind;
}

function checkPlace(node: SourceNode, check: GraphCheck): void {
  const { meta } = node;
  if (meta.parent) checkParent(node, meta.parent, check);
  if (node.kind === 'profile') checkTaskList(node, check);
  meta.profiles?.forEach((id, index) => {
    if (kindOf(check, id) !== 'profile') {
      problem(check, node, node.lineOf(['profiles', index]), `"${id}" is not a profile`);
    }
  });
  if (meta.topic && kindOf(check, meta.topic) !== 'topic') {
    problem(
      check,
      node,
      node.lineOf(['topic']),
      `topic "${meta.topic}" has no file topics/${meta.topic}.yaml`,
    );
  }
}

/** The kinds a breadcrumb passes through: those a `parent` may name. */
export const BREADCRUMB_KINDS: readonly NodeKind[] = META_FIELDS.parent.refers ?? [];

function checkParent(node: SourceNode, parentId: string, check: GraphCheck): void {
  const seen = new Set([node.id]);
  for (let id: string | undefined = parentId; id; id = check.nodes.get(id)?.meta.parent) {
    const parent = check.nodes.get(id);
    if (!parent || !BREADCRUMB_KINDS.includes(parent.kind)) {
      const reason = parent ? `is one of the ${NODE_KINDS[parent.kind].name}` : 'does not exist';
      problem(check, node, node.lineOf(['parent']), `parent "${id}" ${reason}`);
      return;
    }
    if (seen.has(id)) {
      problem(check, node, node.lineOf(['parent']), `parent chain loops back to "${id}"`);
      return;
    }
    seen.add(id);
  }
}

function checkTaskList(profile: SourceNode, check: GraphCheck): void {
  const own = [...check.nodes.values()].filter(
    (n) => n.kind === 'task' && n.folderOwner === profile.id,
  );
  const brokenOwn = [...check.broken]
    .filter(([, b]) => b.kind === 'task' && b.folderOwner === profile.id)
    .map(([id]) => id);
  const listed = profile.meta.tasks ?? [];
  const topics = new Map<string, string>();
  for (const task of own) {
    const other = task.meta.topic && topics.get(task.meta.topic);
    if (other) problem(check, task, task.lineOf(['topic']), `topic is also the topic of ${other}`);
    if (task.meta.topic) topics.set(task.meta.topic, task.id);
  }
  listed.forEach((id, index) => {
    const line = profile.lineOf(['tasks', index]);
    if (listed.indexOf(id) !== index) problem(check, profile, line, `task "${id}" is listed twice`);
    if (!own.some((task) => task.id === id) && !brokenOwn.includes(id)) {
      problem(check, profile, line, `task "${id}" has no file ${profile.id}/${id}.yaml`);
    }
  });
  for (const task of own) {
    if (!listed.includes(task.id)) {
      problem(check, task, 1, `task "${task.id}" is not listed in ${profile.file} (tasks:)`);
    }
  }
}

function checkVerdict(node: SourceNode, check: GraphCheck): void {
  const { verdict, who, options } = node.meta;
  if (verdict === undefined) return;
  const line = node.lineOf(['verdict']);
  if (verdict === 'other' && who === undefined) {
    problem(
      check,
      node,
      line,
      'verdict is other: say who must act (who: a profile id, or a list of them)',
    );
  }
  if (who !== undefined && verdict !== 'other') {
    problem(check, node, node.lineOf(['who']), 'who is only for verdict: other');
  }
  const whom = typeof who === 'string' ? [who] : (who ?? []);
  whom.forEach((id, index) => {
    if (kindOf(check, id) !== 'profile') {
      const at = typeof who === 'string' ? ['who'] : ['who', index];
      problem(check, node, node.lineOf(at), `who "${id}" is not a profile`);
    }
  });
  if (verdict === 'depends' && options === undefined) {
    problem(
      check,
      node,
      line,
      'verdict is depends: list the options of the question that follows (options:)',
    );
  }
  if (verdict !== 'depends' && options !== undefined) {
    problem(check, node, node.lineOf(['options']), 'options are only for verdict: depends');
  }
}

/** The node whose folder holds the steps of `node`'s flow: the task, or the page that asks. */
function flowFolder(node: SourceNode): string {
  return node.kind === 'outcome' || node.kind === 'step' ? (node.folderOwner ?? '') : node.id;
}

function checkQuestion(node: SourceNode, check: GraphCheck): void {
  const options = node.meta.options;
  for (const language of check.languages) {
    const text = node.text[language];
    if (!text || options !== undefined) continue;
    for (const field of ['question', 'answers'] as const) {
      if (text[field] !== undefined) {
        const message = `${language}.${field}: only a node with options asks a question`;
        problem(check, node, node.lineOf([language, field]), message);
      }
    }
  }
  if (options === undefined) return;
  if (options.length < 2) {
    problem(check, node, node.lineOf(['options']), 'a question needs at least two options');
  }
  const folder = flowFolder(node);
  const inTaskFlow = node.kind === 'task' || node.kind === 'outcome';
  options.forEach((id, index) => {
    const line = node.lineOf(['options', index]);
    if (options.indexOf(id) !== index) problem(check, node, line, `option "${id}" is listed twice`);
    const target = check.nodes.get(id) ?? check.broken.get(id);
    if (!target) {
      problem(check, node, line, `option "${id}" leads nowhere: no file is called ${id}.yaml`);
      return;
    }
    const isStep = target.kind === 'outcome' || target.kind === 'step';
    if (inTaskFlow && !(target.kind === 'outcome' && target.folderOwner === folder)) {
      problem(check, node, line, `option "${id}" must be an outcome in the folder ${folder}/`);
    } else if (!inTaskFlow && isStep && target.folderOwner !== folder) {
      problem(check, node, line, `option "${id}" is a step of another question's folder`);
    }
  });
  for (const language of check.languages) {
    const text = node.text[language];
    if (!text) continue;
    if (text.question === undefined) {
      problem(
        check,
        node,
        node.lineOf([language]),
        `${language}.question is missing (${purposeOf('question') ?? ''})`,
      );
    }
    const answers = text.answers ?? {};
    for (const id of options) {
      if (answers[id] === undefined) {
        const message = `${language}.answers has no words for option "${id}"`;
        problem(check, node, node.lineOf([language, 'answers']), message);
      }
    }
    for (const id of Object.keys(answers)) {
      if (!options.includes(id)) {
        const message = `${language}.answers.${id} is not one of the options`;
        problem(check, node, node.lineOf([language, 'answers', id]), message);
      }
    }
  }
}

/** Each outcome or step answers exactly one option, so it has one URL and one way there. */
function checkListedOnce(
  node: SourceNode,
  owners: ReadonlyMap<string, SourceNode[]>,
  check: GraphCheck,
): void {
  const listing = owners.get(node.id) ?? [];
  if (listing.length === 0) {
    problem(
      check,
      node,
      1,
      `no option leads to "${node.id}" (list it in the options of a question in ${node.folderOwner ?? ''})`,
    );
  } else if (listing.length > 1) {
    const files = listing.map((owner) => owner.file).join(' and ');
    problem(check, node, 1, `"${node.id}" is an option of more than one question: ${files}`);
  }
}

function checkTopics(check: GraphCheck): void {
  const used = new Set([...check.nodes.values()].map((node) => node.meta.topic));
  const topics = [...check.nodes.values()].filter((node) => node.kind === 'topic');
  if (topics.length > 0 && !exists(check, TOPICS_PAGE_ID)) {
    const message = `missing ${TOPICS_PAGE_ID}.yaml: topic pages live under it`;
    check.problems.push({ file: 'content/pages', line: 1, message });
  }
  for (const topic of topics) {
    if (!used.has(topic.id)) problem(check, topic, 1, `no task has topic: ${topic.id}`);
  }
}

function checkLinks(node: SourceNode, check: GraphCheck): void {
  for (const language of check.languages) {
    for (const { keyPath, name, source } of markdownTexts(node, language)) {
      const findings = inspectMarkdown(source);
      const at = (offset: number) => node.lineInText(keyPath, offset);
      for (const line of findings.htmlLines) {
        problem(check, node, at(line), `${name}: raw HTML is not allowed`);
      }
      for (const line of findings.imageLines) {
        problem(check, node, at(line), `${name}: images are not allowed`);
      }
      for (const { level, line } of findings.headings) {
        if (level < 2 || level > 4) {
          const message = `${name}: use ## to #### headings (the page title is the only #)`;
          problem(check, node, at(line), message);
        }
      }
      for (const line of findings.strayLanguageLines) {
        const message = `${name}: {hreflang=…} must follow a link to another language's page`;
        problem(check, node, at(line), message);
      }
      for (const { href, line, hreflang } of findings.links) {
        const reason = isNodeReference(href)
          ? internalLinkProblem(href, hreflang, check)
          : externalLinkProblem(href, language, hreflang, check.languages);
        if (reason) problem(check, node, at(line), `${name}: ${reason}`);
      }
    }
  }
}

/** Each source is an official page, in the language it says, read on a day that has passed. */
function checkSources(node: SourceNode, check: GraphCheck): void {
  for (const language of check.languages) {
    node.text[language]?.sources?.forEach((source, index) => {
      const at = (field: string) => node.lineOf([language, 'sources', index, field]);
      const name = `${language}.sources.${index}`;
      const url = new URL(source.url);
      if (!check.officialHosts.has(url.hostname)) {
        const message = `${name}.url: ${url.hostname} is not an official host (content/official-hosts.yaml lists them)`;
        problem(check, node, at('url'), message);
      }
      const said = languageOfUrl(url, check.languages);
      if (source.language === language) {
        const message = `${name}.language: ${language} is the block's own language: leave it out`;
        problem(check, node, at('language'), message);
      }
      const meant = source.language ?? language;
      if (said && said.code !== meant) {
        const message = `${name}.url has ${said.marker} but the source is taken to be in "${meant}": cite the ${meant} page, or say language: ${said.code}`;
        problem(check, node, at('url'), message);
      }
      if (source.checked > check.today) {
        const message = `${name}.checked: ${source.checked} has not come yet (today is ${check.today})`;
        problem(check, node, at('checked'), message);
      }
    });
  }
}

/** The words a text shows, folded so that a superseded phrase is found however it is typed. */
const folded = (text: string) => plainText(text).toLocaleLowerCase().replace(/\s+/g, ' ');

/**
 * A history line that supersedes a wording is a promise that the page no longer says it: the
 * page may not show both the old procedure and the line that replaced it.
 */
function checkSuperseded(node: SourceNode, check: GraphCheck): void {
  for (const language of check.languages) {
    const text = node.text[language];
    if (!text?.history) continue;
    const shown = [
      text.title,
      text.description,
      text.question,
      text.condition,
      ...Object.values(text.answers ?? {}),
      ...MARKDOWN_FIELDS.map((field) => text[field]),
    ]
      .filter((value): value is string => value !== undefined)
      .map(folded)
      .join('\n');
    text.history.forEach((entry, index) => {
      (entry.supersedes ?? []).forEach((wording, item) => {
        if (shown.includes(folded(wording))) {
          const line = node.lineOf([language, 'history', index, 'supersedes', item]);
          const message = `${language}.history.${index}: the page still says "${wording}", which this change supersedes`;
          problem(check, node, line, message);
        }
      });
    });
  }
}

/** A glossary entry's page of explanation is a page of the guide. */
function checkGlossaryPages(check: GraphCheck): void {
  for (const [id, texts] of Object.entries(check.glossary)) {
    for (const [language, text] of Object.entries(texts)) {
      if (text.explainedOn && !exists(check, text.explainedOn)) {
        const message = `${id}.${language}.explainedOn: "${text.explainedOn}" is not a node id`;
        const file = check.glossaryFile;
        const line = file?.lineOf([id, language, 'explainedOn']) ?? 1;
        check.problems.push({ file: file?.file ?? 'content/glossary.yaml', line, message });
      }
    }
  }
}

function internalLinkProblem(
  href: string,
  hreflang: string | undefined,
  check: GraphCheck,
): string | null {
  const { id, fragment } = referenceParts(href);
  if (!exists(check, id)) return `link to "${href}", which is not a node id`;
  if (hreflang) {
    return `link to "${href}": a page of this site is in every language, it needs no {hreflang}`;
  }
  if (fragment === undefined) return null;
  if (id !== GLOSSARY_PAGE_ID) {
    return `link to "${href}": only the glossary's entries are linked with # (${GLOSSARY_PAGE_ID}#term)`;
  }
  return fragment in check.glossary
    ? null
    : `link to "${href}": the glossary has no entry "${fragment}" (glossary.yaml)`;
}

/**
 * Nodes that share a URL prefix: pages and profiles share `/{lang}/`, a profile's tasks share
 * `/{lang}/{profile}/`, the options of one question share the question's URL, topics share
 * the topics page's URL.
 */
function checkSiblings(check: GraphCheck, owners: ReadonlyMap<string, SourceNode[]>): void {
  const groups = new Map<string, SourceNode[]>();
  for (const node of check.nodes.values()) {
    const key =
      node.kind === 'home'
        ? undefined
        : node.kind === 'task'
          ? node.folderOwner
          : node.kind === 'outcome' || node.kind === 'step'
            ? owners.get(node.id)?.[0]?.id
            : node.kind === 'topic'
              ? TOPICS_PAGE_ID
              : '';
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  for (const [group, siblings] of groups) {
    for (const language of check.languages) {
      const reserved = group === '' ? (check.reservedSlugs.get(language) ?? []) : [];
      checkUnique(siblings, language, 'slug', reserved, check);
      checkUnique(siblings, language, 'title', [], check);
      checkUnique(siblings, language, 'condition', [], check);
    }
  }
}

function checkUnique(
  siblings: readonly SourceNode[],
  language: string,
  field: 'slug' | 'title' | 'condition',
  reserved: readonly string[],
  check: GraphCheck,
): void {
  const owners = new Map<string, SourceNode>();
  for (const node of siblings) {
    const value = node.text[language]?.[field];
    if (value === undefined) continue;
    const line = node.lineOf([language, field]);
    const key = value.toLowerCase();
    const owner = owners.get(key);
    if (owner) {
      problem(check, node, line, `${language}.${field} "${value}" is also used by ${owner.file}`);
    } else if (reserved.includes(key)) {
      problem(check, node, line, `${language}.${field} "${value}" is reserved by the site`);
    }
    owners.set(key, node);
  }
}

/** Each language on its own: a link missing in one translation can strand a page there. */
function checkReachable(home: SourceNode, check: GraphCheck): void {
  const topicIds = [...check.nodes.values()].filter((n) => n.kind === 'topic').map((n) => n.id);
  for (const language of check.languages) {
    const reached = new Set<string>();
    const queue = [home.id];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const node = check.nodes.get(id);
      if (!node || reached.has(id)) continue;
      reached.add(id);
      queue.push(...nextIds(node, language, topicIds));
    }
    for (const node of check.nodes.values()) {
      if (!reached.has(node.id)) {
        const message = `"${node.id}" cannot be reached from home by following the ${language} links`;
        problem(check, node, 1, message);
      }
    }
  }
}
