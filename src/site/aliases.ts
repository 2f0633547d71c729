import { textIn, type ContentNode, type ContentTree } from '../content/tree';

/** Where a slug leads: a content node, or a page the site generates (its path per language). */
type Target = { node: ContentNode } | { paths: Readonly<Record<string, string>> };

/**
 * Resolves a path written with the slugs of any language, such as
 * `/nl/representant-legal/activer-une-qualite/`, to the canonical path of the page it names
 * in the prefix's language. It walks the URL one segment at a time, so it stays small however
 * deep the flows go and however many languages there are.
 */
export function aliasResolver(
  tree: ContentTree,
  generated: readonly Readonly<Record<string, string>>[],
): (path: string) => string | undefined {
  const codes = tree.languages.map((language) => language.code);
  const children = new Map<ContentNode | undefined, Map<string, Target>>();
  const add = (parent: ContentNode | undefined, slug: string, target: Target) => {
    const bySlug = children.get(parent) ?? new Map<string, Target>();
    if (!bySlug.has(slug)) bySlug.set(slug, target);
    children.set(parent, bySlug);
  };
  for (const node of tree.nodes) {
    if (node.kind === 'home') continue;
    for (const code of codes) add(node.urlParent, textIn(node, code).slug, { node });
  }
  for (const paths of generated) {
    for (const path of Object.values(paths)) add(undefined, path.split('/')[2] ?? '', { paths });
  }

  return (path) => {
    const [code, ...segments] = path.split('/').filter(Boolean);
    if (!code || !codes.includes(code)) return undefined;
    if (segments.length === 0) return tree.home.text[code]?.path;
    let target: Target | undefined;
    for (const segment of segments) {
      if (target && !('node' in target)) return undefined;
      target = children.get(target?.node)?.get(segment);
      if (!target) return undefined;
    }
    if (!target) return undefined;
    return 'node' in target ? target.node.text[code]?.path : target.paths[code];
  };
}
