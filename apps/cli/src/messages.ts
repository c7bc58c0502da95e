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
  cannotWrite: {
    'zh-CN': (p: string, why: string) => `${p}：无法写入（${why}）`,
    en: (p: string, why: string) => `${p}: cannot write (${why})`,
  },
  notText: { 'zh-CN': (p: string) => `${p}：不是文本文件`, en: (p: string) => `${p}: not a text file` },
  cannotDecode: {
    'zh-CN': (p: string) => `${p}：无法按 UTF-8 或 GB18030 解码`,
    en: (p: string) => `${p}: cannot decode as UTF-8 or GB18030`,
  },
  cannotEncode: {
    'zh-CN': (p: string, encoding: string) => `${p}：修改后的文字按 ${encoding} 写回后无法原样读回，文件未改动`,
    en: (p: string, encoding: string) => `${p}: the changed text would not read back the same in ${encoding}; file left unchanged`,
  },
  noCorpus: {
    'zh-CN': () => '未找到语料库（没有 seeds/ 目录，配置中也未指定 corpus），不检查对其他文件的引用及与现行措施的重复',
    en: () => 'no corpus found (no seeds/ folder, no corpus in policylint.config.json): citations of other plans and repeats of measures in force are not checked',
  },
  emptyCorpus: {
    'zh-CN': (globs: string) => `语料库（${globs}）没有匹配的文件，不检查对其他文件的引用及与现行措施的重复`,
    en: (globs: string) => `the corpus (${globs}) matches no file: citations of other plans and repeats of measures in force are not checked`,
  },
  corpusFileSkipped: {
    'zh-CN': (p: string) => `${p}：无法作为文本读取（UTF-8、UTF-16 或 GB18030），未纳入语料库`,
    en: (p: string) => `${p}: cannot be read as text (UTF-8, UTF-16 or GB18030); left out of the corpus`,
  },
  corpusFileOutside: {
    'zh-CN': (p: string) => `${p}：经符号链接指向语料库目录之外，未纳入语料库；如需使用，请在 corpus 或 --corpus 中写其绝对路径`,
    en: (p: string) => `${p}: links to outside the corpus folder; left out of the corpus (name it by its absolute path in corpus or --corpus to use it)`,
  },
  notAReference: {
    'zh-CN': (r: string) => `“${r}”不是引用：应形如“第3条”或“《文件标题》第3条”`,
    en: (r: string) => `"${r}" is not a citation: write it like 第3条 or 《title》第3条`,
  },
  needsIn: {
    'zh-CN': (r: string) => `“${r}”引用的是文件本身的条款：请用 --in FILE 指明文件，或写明《文件标题》`,
    en: (r: string) => `"${r}" cites the document itself: name it with --in FILE, or write 《title》`,
  },
  unknownDocument: {
    'zh-CN': (t: string) => `《${t}》不在语料库中`,
    en: (t: string) => `《${t}》 is not in the corpus`,
  },
  noCorpusForShow: {
    'zh-CN': () => '未找到语料库（没有 seeds/ 目录，配置中也未指定 corpus）：请用 --corpus 指定',
    en: () => 'no corpus found (no seeds/ folder, no corpus in policylint.config.json): name one with --corpus',
  },
  noSimilar: { 'zh-CN': () => '（语料库中没有相近的措施）', en: () => '(nothing alike in the corpus)' },
  noMatch: { 'zh-CN': (p: string) => `${p}：没有匹配的文件`, en: (p: string) => `${p}: no files match` },
  refusedArgument: { 'zh-CN': (p: string, why: string) => `${p}：${why}`, en: (p: string, why: string) => `${p}: ${why}` },
  fixed: {
    'zh-CN': (p: string, n: number) => `${p}：已修复 ${n} 处`,
    en: (p: string, n: number) => `${p}: fixed ${n} problem${n === 1 ? '' : 's'}`,
  },
  wrote: { 'zh-CN': (p: string) => `已写入 ${p}`, en: (p: string) => `wrote ${p}` },
  unchanged: { 'zh-CN': (p: string) => `${p}：编号无需调整`, en: (p: string) => `${p}: numbering already in order` },
  noBase: {
    'zh-CN': (b: string) => `--changed：找不到比较基准（${b}）；请写明，如 --changed origin/main`,
    en: (b: string) => `--changed: no base to compare with (${b}); name one, e.g. --changed origin/main`,
  },
  noGit: { 'zh-CN': () => '--changed 需要 git，但找不到 git 命令', en: () => '--changed needs git, and git is not installed' },
  gitFailed: {
    'zh-CN': (command: string, why: string) => `--changed：git ${command} 失败：${why}`,
    en: (command: string, why: string) => `--changed: git ${command} failed: ${why}`,
  },
  noChangedFiles: { 'zh-CN': () => '没有改动过的文稿需要检查', en: () => 'no changed plan files to check' },
  progress: {
    'zh-CN': (done: number, total: number) => `policylint：已检查 ${done}/${total} 个文件…`,
    en: (done: number, total: number) => `policylint: checked ${done}/${total} files…`,
  },
  damaged: { 'zh-CN': () => '［文字损坏］', en: () => '[damaged text]' },
  noHeadings: { 'zh-CN': () => '（未找到任何层次标题）', en: () => '(no numbered headings found)' },
  baselineNotFound: {
    'zh-CN': (p: string) => `${p}：找不到基线文件（可用 --write-baseline 生成）`,
    en: (p: string) => `${p}: no such baseline file (create one with --write-baseline)`,
  },
  baselineInvalid: {
    'zh-CN': (p: string, why: string) => `${p}：不是有效的基线文件（${why}）；可删除后用 --write-baseline 重新生成`,
    en: (p: string, why: string) => `${p}: not a valid baseline file (${why}); delete it and run --write-baseline again`,
  },
  baselineNotWritten: {
    'zh-CN': (p: string, why: string) => `${p}：无法写入基线文件（${why}）`,
    en: (p: string, why: string) => `${p}: cannot write the baseline file (${why})`,
  },
  baselineWritten: {
    'zh-CN': (p: string, n: number, files: number) => `已写入基线 ${p}：${files} 个文件中的 ${n} 个问题`,
    en: (p: string, n: number, files: number) => `wrote baseline ${p}: ${n} problem${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
  },
  baselineHid: {
    'zh-CN': (p: string, n: number) => `基线 ${p} 隐藏了 ${n} 个已知问题`,
    en: (p: string, n: number) => `the baseline ${p} hid ${n} known problem${n === 1 ? '' : 's'}`,
  },
  baselineStale: {
    'zh-CN': (p: string, n: number) => `基线 ${p} 中有 ${n} 个问题已不再出现；可用 --write-baseline ${p} 重写基线`,
    en: (p: string, n: number) => `${n} problem${n === 1 ? '' : 's'} in the baseline ${p} no longer occur${n === 1 ? 's' : ''}; rewrite it with --write-baseline ${p}`,
  },
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
