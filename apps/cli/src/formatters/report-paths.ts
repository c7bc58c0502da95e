import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `filePath` relative to `cwd` with forward slashes, as CI systems name files (`../` when outside it). */
export function reportPath(cwd: string, filePath: string): string {
  return relative(cwd, filePath).split(sep).join('/');
}

/** `filePath` relative to `cwd`, or undefined when it lies outside `cwd` (or is `cwd` itself). */
export function pathInside(cwd: string, filePath: string): string | undefined {
  const path = relative(cwd, filePath);
  const outside = path === '' || isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`);
  return outside ? undefined : path.split(sep).join('/');
}

/** A relative path as a URI reference: each segment percent-encoded (Chinese names, spaces, `#`). */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The `file:` URI of a folder, ending in `/` so relative URIs resolve inside it. */
export function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** An absolute path as a `file:` URI. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
