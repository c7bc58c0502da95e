/** The CLI's own messages (not the checker's), in the drafter's language by default. */

import { LOCALES, type Locale } from '@policylint/checker';

export { LOCALES, type Locale };

const MESSAGES = {
  fileNotFound: { 'zh-CN': (p: string) => `${p}：找不到文件`, en: (p: string) => `${p}: no such file` },
  isDirectory: { 'zh-CN': (p: string) => `${p}：是目录，不是文件`, en: (p: string) => `${p}: is a directory, not a file` },
  cannotRead: {
    'zh-CN': (p: string, why: string) => `${p}：无法读取（${why}）`,
    en: (p: string, why: string) => `${p}: cannot read (${why})`,
  },
  notUtf8: { 'zh-CN': (p: string) => `${p}：无法按 UTF-8 解码`, en: (p: string) => `${p}: cannot decode as UTF-8` },
  noMatch: { 'zh-CN': (p: string) => `${p}：没有匹配的文件`, en: (p: string) => `${p}: no files match` },
  fixed: {
    'zh-CN': (p: string, n: number) => `${p}：已修复 ${n} 处`,
    en: (p: string, n: number) => `${p}: fixed ${n} problem${n === 1 ? '' : 's'}`,
  },
  wrote: { 'zh-CN': (p: string) => `已写入 ${p}`, en: (p: string) => `wrote ${p}` },
  unchanged: { 'zh-CN': (p: string) => `${p}：编号无需调整`, en: (p: string) => `${p}: numbering already in order` },
  damaged: { 'zh-CN': () => '［文字损坏］', en: () => '[damaged text]' },
  noHeadings: { 'zh-CN': () => '（未找到任何层次标题）', en: () => '(no numbered headings found)' },
} as const;

type Catalog = typeof MESSAGES;

/** The message `key` in `locale`, filled with `args`. */
export function message<K extends keyof Catalog>(
  locale: Locale,
  key: K,
  ...args: Parameters<Catalog[K]['en']>
): string {
  const format = MESSAGES[key][locale] as (...a: Parameters<Catalog[K]['en']>) => string;
  return format(...args);
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
