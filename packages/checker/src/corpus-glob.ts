import { localized } from './finding.js';

/**
 * Whether a corpus glob is an absolute path (`/…`, `C:/…`, `C:\…`, `\\server\…`): one the user wrote
 * to reach plans outside the workspace, which is allowed.
 */
export function isAbsoluteGlob(glob: string): boolean {
  return /^(?:[\\/]|[A-Za-z]:[\\/])/.test(glob);
}

// `..` as one alternative of a brace or pattern group: `{..,x}`, `@(..)`. Its depth cannot be told.
const GROUPED_PARENT = /(?:^|[{,(|])\.\.(?:$|[},)|])/;

/**
 * Whether a relative corpus glob can reach outside the folder it is relative to (the configuration
 * file's, the current or the workspace folder): a `..` that climbs above it (`../x/*.txt`,
 * `seeds/../../x`), or a `..` inside braces or a pattern group. A workspace's files are
 * untrusted; a glob that leaves it must be an absolute path the user wrote. Backslashes count as
 * separators too, so a Windows-style glob cannot slip past.
 */
export function globLeavesBase(glob: string): boolean {
  if (isAbsoluteGlob(glob)) return false;
  let depth = 0;
  for (const segment of glob.split(/[\\/]/)) {
    if (segment === '..') {
      if (--depth < 0) return true;
    } else if (GROUPED_PARENT.test(segment)) {
      return true;
    } else if (segment !== '' && segment !== '.' && segment !== '**') {
      // `**` may be no folder at all, so it earns no depth to climb back out of.
      depth++;
    }
  }
  return false;
}

/** Why a relative corpus glob that leaves its folder is refused (`globLeavesBase`). */
export const CORPUS_GLOB_OUTSIDE = localized(
  '相对路径的 glob 不能用 .. 跳出其所在目录；其他位置的方案请写绝对路径',
  'a relative glob must stay inside its folder (no .. above it); write an absolute path for plans elsewhere',
);
