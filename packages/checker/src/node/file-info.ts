import { statSync, type Stats } from 'node:fs';

/**
 * What is at a path (`stat`, or `lstat` with `look`), or undefined when there is nothing there or it
 * cannot be looked at. Synchronous, as the rest of loading a corpus or a configuration (load-corpus.ts).
 */
export function fileInfo(path: string, look: typeof statSync = statSync): Stats | undefined {
  try {
    return look(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Whether a folder is at `path` (a link to one counts). */
export function isDirectory(path: string): boolean {
  return fileInfo(path)?.isDirectory() ?? false;
}
