import type { Site } from './site';

export interface AddressChanges {
  added: string[];
  removed: string[];
  /** Same address, other bytes: what a visitor sees there changed. */
  changed: string[];
}

/** A page whose address changed: its old one needs a redirect, or shared links break. */
export interface MovedPage {
  from: string;
  to: string;
  id: string;
  /** Whether content/redirects.yaml already sends the old address somewhere. */
  redirected: boolean;
}

export interface SiteChanges {
  /** By language code; '' for the addresses of no one language (`/`, `/sitemap.xml`). */
  byLanguage: Map<string, AddressChanges>;
  moved: MovedPage[];
}

/**
 * Every public address of two builds of the site, compared: added, removed, changed (same
 * address, other bytes), and the pages whose address changed.
 */
export function compareSites(before: Site, after: Site): SiteChanges {
  const codes = new Set(
    [...before.tree.languages, ...after.tree.languages].map((language) => language.code),
  );
  const byLanguage = new Map<string, AddressChanges>();
  const listFor = (address: string) => {
    const first = address.split('/')[1] ?? '';
    const code = codes.has(first) ? first : '';
    const lists = byLanguage.get(code) ?? { added: [], removed: [], changed: [] };
    byLanguage.set(code, lists);
    return lists;
  };
  const addresses = [...new Set([...before.pages.keys(), ...after.pages.keys()])].sort();
  for (const address of addresses) {
    const old = before.pages.get(address);
    const now = after.pages.get(address);
    if (!old) listFor(address).added.push(address);
    else if (!now) listFor(address).removed.push(address);
    else if (old.etag !== now.etag) listFor(address).changed.push(address);
  }

  const moved: MovedPage[] = [];
  for (const node of before.tree.nodes) {
    const current = after.tree.byId.get(node.id);
    for (const [code, text] of Object.entries(node.text)) {
      const to = current?.text[code]?.path;
      if (!to || to === text.path || after.pages.has(text.path)) continue;
      const redirected = after.tree.redirects.has(text.path);
      moved.push({ from: text.path, to, id: node.id, redirected });
    }
  }
  return { byLanguage, moved };
}
