import { localized, type Localized } from './finding.js';

/**
 * What a glob from a workspace (a corpus glob, a `policylint.include` setting, a file argument) may
 * hold. picomatch matches with a backtracking regex: each `*` multiplies the ways it tries a long name
 * (255 bytes on Linux), each `**` the ways it tries a deep path (4,096), each `{…}` alternative the
 * whole match; extglobs (`+(*)a`) grow exponentially with the name's length. Within these limits a
 * match takes milliseconds on the longest names and deepest paths (docs/robustness.md).
 */
export const GLOB_LIMITS = { length: 4096, wildcards: 3, starsPerName: 2, globstars: 2, combinations: 8, globs: 64 } as const;

/**
 * More globs in one list than this are refused (config `corpus`, `--corpus`, the editor's
 * `policylint.corpus` and `policylint.include`): each is matched against every file, so a bounded
 * glob still costs its share, and thousands of them would make a check as slow as one bad glob.
 */
export const TOO_MANY_GLOBS = localized(
  `glob 过多：一个列表至多 ${GLOB_LIMITS.globs} 个；请合并为更少的 glob，如 {a,b}/*.txt`,
  `too many globs: at most ${GLOB_LIMITS.globs} in one list; merge them into fewer, e.g. {a,b}/*.txt`,
);

const GLOB_TOO_LONG = localized(`glob 过长（超过 ${GLOB_LIMITS.length} 个字符）`, `the glob is too long (over ${GLOB_LIMITS.length} characters)`);

const GLOB_PARENTHESES = localized(
  '不支持圆括号 ( )：扩展 glob（如 +(…)、@(…)）和分组 (a|b) 在长文件名上匹配可能耗时极长；备选请写成 {a,b}，文件名中的括号可用 ? 代替',
  'parentheses are not supported: extglobs such as +(…) or @(…) and groups (a|b) can take very long to match on long file names; write alternatives as {a,b}, and a parenthesis in a file name as ?',
);

const GLOB_RANGE = localized(
  '不支持 {1..9} 这样的范围（{1..10} 不会匹配 10）；请逐一列出，如 {1,2,10}，或用 [0-9]',
  'ranges like {1..9} are not supported ({1..10} would not match 10); list the values, e.g. {1,2,10}, or use [0-9]',
);

const GLOB_WILDCARDS = localized(
  `通配符过多：一个 glob 至多 ${GLOB_LIMITS.wildcards} 个 * 或 **，同一名称内至多 ${GLOB_LIMITS.starsPerName} 个 *，** 至多 ${GLOB_LIMITS.globstars} 个；更多的在长文件名或深层目录上匹配可能耗时极长`,
  `too many wildcards: a glob may hold at most ${GLOB_LIMITS.wildcards} * or **, at most ${GLOB_LIMITS.starsPerName} * within one name and ${GLOB_LIMITS.globstars} **; more can take very long to match on long file names or deep folders`,
);

const GLOB_LOOSE_GLOBSTAR = localized(
  '** 只能单独作为一层目录，如 a/**/b（名称之内请写 *）：与其他字符相连时在深层目录上匹配可能耗时极长',
  '** must stand alone between slashes, as in a/**/b (within a name write *): joined to other characters it can take very long to match in deep folders',
);

const GLOB_COMBINATIONS = localized(
  `{…} 的组合过多：至多 ${GLOB_LIMITS.combinations} 种；更多的备选请分写成几个 glob`,
  `too many {…} combinations: at most ${GLOB_LIMITS.combinations}; split more alternatives into several globs`,
);

/**
 * Why matching a glob could take unbounded time (or, for `{1..10}`, match the wrong files), for the
 * user to read; undefined when the glob is within `GLOB_LIMITS`.
 */
export function unboundedGlobReason(glob: string): Localized | undefined {
  if (glob.length > GLOB_LIMITS.length) return GLOB_TOO_LONG;
  // A leading `!` (leave these files out) is no pattern character.
  const shape = globShape(glob.replace(/^!+/, ''));
  if (shape.parentheses) return GLOB_PARENTHESES;
  if (shape.range) return GLOB_RANGE;
  if (shape.looseGlobstar) return GLOB_LOOSE_GLOBSTAR;
  const { wildcards, starsPerName, globstars } = GLOB_LIMITS;
  if (shape.wildcards > wildcards || shape.starsPerName > starsPerName || shape.globstars > globstars) return GLOB_WILDCARDS;
  if (shape.combinations > GLOB_LIMITS.combinations) return GLOB_COMBINATIONS;
  return undefined;
}

interface GlobShape {
  parentheses: boolean;
  /** A `..` inside braces: a range such as `{1..9}`. */
  range: boolean;
  /** Runs of `*` (`**` counts once). */
  wildcards: number;
  /** The most runs of `*` between two slashes that are outside braces (`**` folders left out). */
  starsPerName: number;
  /** Runs of two or more `*`. */
  globstars: number;
  /**
   * A run of two or more `*` that is not a whole path segment (`a**`, `**{a,b}`, `{x,y/**}`):
   * picomatch may then let it cross `/` at every character, not only at every folder.
   */
  looseGlobstar: boolean;
  /** How many globs the braces expand to. */
  combinations: number;
}

/**
 * Counts what makes picomatch backtrack, never fewer than picomatch sees: backslash escapes are read
 * as plain characters and brackets are not parsed (a `*` or `{` picomatch takes literally is counted
 * anyway), and a `/` inside braces does not end a name (`*{x/,}*a*` can be `**a*`).
 */
function globShape(glob: string): GlobShape {
  const shape = { parentheses: false, range: false, wildcards: 0, starsPerName: 0, globstars: 0, looseGlobstar: false };
  let starsInName = 0;
  // Per open brace: the combinations of its alternatives so far, and of the one being read.
  const braces: Array<{ before: number; current: number }> = [{ before: 0, current: 1 }];
  const close = (): void => {
    const { before, current } = braces.pop()!;
    braces.at(-1)!.current *= before + current;
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const inBraces = braces.length > 1;
    if (c === '(' || c === ')') shape.parentheses = true;
    else if (c === '/' && !inBraces) starsInName = 0;
    else if (c === '{') braces.push({ before: 0, current: 1 });
    else if (c === '}' && inBraces) close();
    else if (c === ',' && inBraces) {
      const top = braces.at(-1)!;
      top.before += top.current;
      top.current = 1;
    } else if (c === '.' && inBraces && glob[i + 1] === '.') shape.range = true;
    else if (c === '*') {
      const start = i;
      while (glob[i + 1] === '*') i++;
      shape.wildcards++;
      if (i === start) shape.starsPerName = Math.max(shape.starsPerName, ++starsInName);
      else {
        shape.globstars++;
        if ((start > 0 && glob[start - 1] !== '/') || (i + 1 < glob.length && glob[i + 1] !== '/')) shape.looseGlobstar = true;
      }
    }
  }
  // An unclosed brace counts as closed at the end: picomatch never sees more alternatives than that.
  while (braces.length > 1) close();
  return { ...shape, combinations: braces[0]!.current };
}
