import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FOLDERS } from './load';
import type { NodeKind } from './source';

/** Where a node's file is, found from the folders alone: it works on content that does not pass. */
export interface NodeFile {
  id: string;
  kind: NodeKind;
  /** Absolute path of the file. */
  file: string;
  /** For tasks, outcomes and steps: the node whose folder holds the file. */
  folderOwner?: string;
}

/** Every node file under `contentDir`, by id, with the kind its place gives it. */
export function findNodeFiles(contentDir: string): Map<string, NodeFile> {
  const found = new Map<string, NodeFile>();
  const readFolder = (dir: string, kinds: readonly NodeKind[], folderOwner?: string) => {
    const [kind, ...deeper] = kinds;
    if (!kind || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.yaml')) {
        const id = path.basename(entry.name, '.yaml');
        const nodeKind = kind === 'page' && id === 'home' ? 'home' : kind;
        found.set(id, { id, kind: nodeKind, file: path.join(dir, entry.name), folderOwner });
      } else if (entry.isDirectory()) {
        readFolder(path.join(dir, entry.name), deeper, entry.name);
      }
    }
  };
  for (const { folder, kinds } of FOLDERS) readFolder(path.join(contentDir, folder), kinds);
  return found;
}
