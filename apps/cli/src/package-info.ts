import { readFileSync } from 'node:fs';

/** The CLI's own package.json facts that reports and caches name the tool by. */
export interface PackageInfo {
  version: string;
  homepage: string;
}

/** Read when needed, not at start-up; `../package.json` is the same file from `src/` and `dist/`. */
export function packageInfo(): PackageInfo {
  const { version, homepage } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageInfo;
  return { version, homepage };
}
