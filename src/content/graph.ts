import { linkTargets } from './links';
import type { SourceNode } from './source';

/** The site page whose URL topic pages live under: `/fr/je-voudrais/activer-une-qualite/`. */
export const TOPICS_PAGE_ID = 'topics';

/** The site page that lists the glossary's entries: `[CSAM](glossary#csam)` links one. */
export const GLOSSARY_PAGE_ID = 'glossary';

/**
 * Where a reader can go from a node by what its content offers, in one language and in
 * reading order: the profiles and tasks it lists, its question's options, the topics (on the
 * topics page) and the links in its text.
 */
export function nextIds(node: SourceNode, language: string, topicIds: readonly string[]): string[] {
  const { profiles = [], tasks = [], options = [] } = node.meta;
  const topics = node.id === TOPICS_PAGE_ID ? topicIds : [];
  return [...profiles, ...tasks, ...options, ...topics, ...linkTargets(node, language)];
}

/** Breadth first from `start`: the order in which a reader following links meets the nodes. */
export function readingOrder(
  nodes: ReadonlyMap<string, SourceNode>,
  language: string,
  start = 'home',
): string[] {
  const topicIds = [...nodes.values()].filter((n) => n.kind === 'topic').map((n) => n.id);
  const order = [start];
  const seen = new Set(order);
  for (let index = 0; index < order.length; index++) {
    const node = nodes.get(order[index] ?? '');
    if (!node) continue;
    for (const next of nextIds(node, language, topicIds)) {
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order.filter((id) => nodes.has(id));
}

/** For each node an option leads to, the nodes whose options list it. */
export function optionOwners(nodes: ReadonlyMap<string, SourceNode>): Map<string, SourceNode[]> {
  const owners = new Map<string, SourceNode[]>();
  for (const node of nodes.values()) {
    for (const id of node.meta.options ?? []) owners.set(id, [...(owners.get(id) ?? []), node]);
  }
  return owners;
}
