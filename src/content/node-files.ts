import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NODE_KIND_NAMES, NODE_KINDS, type NodeKind } from './kinds';
import type { ContentProblem } from './problems';

/** Where a node's file is, found from the folders alone: it works on content that does not pass. */
export interface NodeFile {
  id: string;
  kind: NodeKind;
  /** Absolute path of the file. */
  file: string;
  /** For tasks, outcomes and steps: the node whose folder holds the file. */
  folderOwner?: string;
}

/**
 * For each top folder, the kind of the files at each depth, and files named for a kind of their
 * own (`pages/home.yaml`), read from the places the table of kinds declares.
 */
function folderLayout(): Map<string, { byDepth: NodeKind[]; named: Map<string, NodeKind> }> {
  const layout = new Map<string, { byDepth: NodeKind[]; named: Map<string, NodeKind> }>();
  for (const kind of NODE_KIND_NAMES) {
    const [top = '', ...rest] = NODE_KINDS[kind].place.split('/');
    const entry = layout.get(top) ?? { byDepth: [], named: new Map<string, NodeKind>() };
    const name = rest.at(-1) ?? '';
    if (name === '*.yaml') entry.byDepth[rest.length - 1] = kind;
    else entry.named.set(name, kind);
    layout.set(top, entry);
  }
  return layout;
}

const LAYOUT = folderLayout();

/**
 * Every node file under `contentDir`, by id, with the kind its place gives it. A folder where
 * no kind lives, or beside no file of its own, is reported to `problems` when given.
 */
export function findNodeFiles(
  contentDir: string,
  problems?: ContentProblem[],
  root: string = path.dirname(contentDir),
): NodeFile[] {
  const found: NodeFile[] = [];
  for (const [top, { byDepth, named }] of LAYOUT) {
    const readFolder = (dir: string, depth: number, folderOwner?: string) => {
      const kind = byDepth[depth];
      if (!kind || !existsSync(dir)) return;
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.yaml'))) {
        const id = path.basename(entry.name, '.yaml');
        const own = depth === 0 ? named.get(entry.name) : undefined;
        found.push({ id, kind: own ?? kind, file: path.join(dir, entry.name), folderOwner });
      }
      for (const entry of entries.filter((e) => e.isDirectory())) {
        const folder = path.join(dir, entry.name);
        const label = path.relative(root, folder);
        if (byDepth[depth + 1] === undefined) {
          problems?.push({ file: label, line: 1, message: 'a folder is not expected here' });
        } else if (!existsSync(`${folder}.yaml`)) {
          const message = `folder has no file ${entry.name}.yaml beside it`;
          problems?.push({ file: label, line: 1, message });
        } else {
          readFolder(folder, depth + 1, entry.name);
        }
      }
    };
    readFolder(path.join(contentDir, top), 0);
  }
  return found;
}

/** The node files by id, for commands that look one up. */
export function nodeFilesById(contentDir: string): Map<string, NodeFile> {
  return new Map(findNodeFiles(contentDir).map((file) => [file.id, file]));
}
