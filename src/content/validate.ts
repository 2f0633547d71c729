import { externalLinkProblem, isNodeReference, linkTargets } from './links';
import { inspectMarkdown } from './markdown';
import type { ContentProblem } from './problems';
import { MARKDOWN_FIELDS, type SourceNode } from './source';

interface GraphCheck {
  nodes: ReadonlyMap<string, SourceNode>;
  /** Files that exist but failed the schema: their problems are reported already. */
  broken: ReadonlyMap<string, { profileId?: string }>;
  languages: readonly string[];
  /** First path segments the site itself uses (assets, search, ...): no page may take them. */
  reservedSlugs: ReadonlyMap<string, readonly string[]>;
  /** Nodes the site cannot do without: home and those linked from every page. */
  requiredIds: readonly string[];
  problems: ContentProblem[];
}

/** Checks what the schema cannot: the graph, the links and the slugs. Pushes every problem found. */
export function validateGraph(check: GraphCheck): void {
  for (const id of check.requiredIds) {
    if (!exists(check, id)) {
      const message = `missing ${id}.yaml: every page links to it`;
      check.problems.push({ file: 'content/pages', line: 1, message });
    }
  }
  const home = check.nodes.get('home');
  if (!home || home.kind !== 'home') return;
  for (const node of check.nodes.values()) {
    checkPlace(node, check);
    checkLinks(node, check);
  }
  checkSiblings(check);
  // Reachability is judged on a complete tree: with a file missing, it would only echo that.
  if (check.broken.size === 0) checkReachable(home, check);
}

function problem(check: GraphCheck, node: SourceNode, line: number, message: string): void {
  check.problems.push({ file: node.file, line, message });
}

function checkPlace(node: SourceNode, check: GraphCheck): void {
  const { meta } = node;
  for (const language of check.languages) {
    const hasSlug = node.text[language]?.slug !== undefined;
    if (node.kind === 'home' && hasSlug) {
      problem(check, node, node.lineOf([language, 'slug']), 'the home page has no slug');
    }
    if (node.kind !== 'home' && !hasSlug) {
      problem(check, node, node.lineOf([language]), `${language}.slug is missing`);
    }
  }
  if (node.kind === 'task' && !meta.topic) {
    problem(check, node, 1, 'topic is missing (what the task is about, shared across profiles)');
  }
  if (node.kind !== 'task' && meta.topic) {
    problem(check, node, node.lineOf(['topic']), 'only tasks have a topic');
  }
  if (node.kind === 'task' && meta.parent) {
    problem(check, node, node.lineOf(['parent']), 'a task has no parent key: its folder says it');
  }
  if ((node.kind === 'page' || node.kind === 'profile') && !meta.parent) {
    problem(check, node, 1, 'parent is missing (the node id of the page above in the breadcrumb)');
  }
  if (node.kind === 'home' && meta.parent) {
    problem(check, node, node.lineOf(['parent']), 'the home page has no parent');
  }
  if (meta.parent) checkParent(node, meta.parent, check);
  if (meta.tasks && node.kind !== 'profile') {
    problem(check, node, node.lineOf(['tasks']), 'only profiles list tasks');
  }
  if (meta.profiles && node.kind !== 'page' && node.kind !== 'home') {
    problem(check, node, node.lineOf(['profiles']), 'only site pages list profiles');
  }
  if (node.kind === 'profile') checkTaskList(node, check);
  meta.profiles?.forEach((id, index) => {
    if (!check.broken.has(id) && check.nodes.get(id)?.kind !== 'profile') {
      problem(check, node, node.lineOf(['profiles', index]), `"${id}" is not a profile`);
    }
  });
}

function checkParent(node: SourceNode, parentId: string, check: GraphCheck): void {
  const seen = new Set([node.id]);
  for (let id: string | undefined = parentId; id; id = check.nodes.get(id)?.meta.parent) {
    const parent = check.nodes.get(id);
    if (!parent || parent.kind === 'task') {
      const reason = parent ? 'is a task' : 'does not exist';
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

function exists(check: GraphCheck, id: string): boolean {
  return check.nodes.has(id) || check.broken.has(id);
}

function checkTaskList(profile: SourceNode, check: GraphCheck): void {
  const own = [...check.nodes.values()].filter((n) => n.profileId === profile.id);
  const brokenOwn = [...check.broken]
    .filter(([, b]) => b.profileId === profile.id)
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

function checkLinks(node: SourceNode, check: GraphCheck): void {
  for (const language of check.languages) {
    for (const field of MARKDOWN_FIELDS) {
      const source = node.text[language]?.[field];
      if (source === undefined) continue;
      const findings = inspectMarkdown(source);
      const at = (offset: number) => node.lineInText([language, field], offset);
      for (const line of findings.htmlLines) {
        problem(check, node, at(line), `${language}.${field}: raw HTML is not allowed`);
      }
      for (const line of findings.imageLines) {
        problem(check, node, at(line), `${language}.${field}: images are not allowed`);
      }
      for (const { level, line } of findings.headings) {
        if (level < 2 || level > 4) {
          const message = `${language}.${field}: use ## to #### headings (the page title is the only #)`;
          problem(check, node, at(line), message);
        }
      }
      for (const { href, line } of findings.links) {
        const reason = isNodeReference(href)
          ? exists(check, href)
            ? null
            : `link to "${href}", which is not a node id`
          : externalLinkProblem(href, language);
        if (reason) problem(check, node, at(line), `${language}.${field}: ${reason}`);
      }
    }
  }
}

/** Pages and profiles share `/{lang}/`; a profile's tasks share `/{lang}/{profile}/`. */
function checkSiblings(check: GraphCheck): void {
  const groups = new Map<string, SourceNode[]>();
  for (const node of check.nodes.values()) {
    if (node.kind === 'home') continue;
    const key = node.profileId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  for (const [group, siblings] of groups) {
    for (const language of check.languages) {
      const reserved = group === '' ? (check.reservedSlugs.get(language) ?? []) : [];
      checkUnique(siblings, language, 'slug', reserved, check);
      checkUnique(siblings, language, 'title', [], check);
    }
  }
}

function checkUnique(
  siblings: readonly SourceNode[],
  language: string,
  field: 'slug' | 'title',
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
  for (const language of check.languages) {
    const reached = new Set<string>();
    const queue = [home.id];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const node = check.nodes.get(id);
      if (!node || reached.has(id)) continue;
      reached.add(id);
      const { tasks = [], profiles = [] } = node.meta;
      queue.push(...tasks, ...profiles, ...linkTargets(node, language));
    }
    for (const node of check.nodes.values()) {
      if (!reached.has(node.id)) {
        const message = `"${node.id}" cannot be reached from home by following the ${language} links`;
        problem(check, node, 1, message);
      }
    }
  }
}
