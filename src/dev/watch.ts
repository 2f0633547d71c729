import path from 'node:path';

/** Files editors keep beside the real ones (swap files, backups, dotfiles): not worth a rebuild. */
const EDITOR_FILES = /^\.|~$|\.swp$|\.tmp$/;

/**
 * Calls `onChange` with each file added, changed or removed under `folders`, however deep, once
 * the watcher has read them all. chokidar, because Node 20's own recursive fs.watch watches each
 * file by its inode and goes deaf to a file saved by replacing it (`sed -i`, many editors).
 */
export async function watchFolders(
  folders: readonly string[],
  onChange: (file: string) => void,
  onError: (error: unknown) => void,
): Promise<{ close(): Promise<void> }> {
  // chokidar is a development dependency, absent from the production image: it is loaded only
  // here, when npm run dev watches, never when the built server starts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { watch } = require('chokidar') as typeof import('chokidar');
  const watcher = watch([...folders], {
    ignoreInitial: true,
    ignored: (file) => EDITOR_FILES.test(path.basename(file)),
  });
  watcher.on('all', (_event, file) => onChange(file));
  watcher.on('error', onError);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return { close: () => watcher.close() };
}
