import { hasDamage } from './damage.js';
import type { Line } from './lines.js';
import { stripPinyin } from './pinyin.js';

/**
 * Recognizers for the unnumbered text around a plan: title lines in the preamble, and the closing
 * (entry into force, issuer, date, 此件公开发布) after the last numbered node.
 */

// Document kinds a title ends with, in simplified and traditional script, maybe with （试行）.
const PLAN_WORD =
  /(?:方案|措施|意[见見]|[办辦]法|[规規][划劃]|[计計][划劃]|通知|[决決]定|[细細][则則]|[规規]定|[纲綱]要|指引)(?:[（(][^）)]{1,6}[）)])?$/u;
const SENTENCE_PUNCTUATION = /[。，,；;：:！？]/u;
const DOCUMENT_NUMBER = /[〔[［]\d{4}[〕\]］]\s*\d+\s*[号號]/u;
const CN_DIGIT = '[〇零一二三四五六七八九十]';
const DATE_LINE = new RegExp(
  `^(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|${CN_DIGIT}{4}年${CN_DIGIT}{1,3}月${CN_DIGIT}{1,3}日)$`,
  'u',
);
const PUBLICATION_NOTE = /^[（(]此件.{0,12}[）)]$/u;
const IN_FORCE =
  /^本(?:方案|措施|若干措施|意[见見]|通知|[办辦]法|[细細][则則]|[规規]定|政策)?.{0,30}?(?:自.{0,15}?(?:施行|[实實]施|[执執]行|生效)|有效期)/u;
const NOTICE_TITLE = /《([^《》\r\n]{2,100})》/gu;
const ISSUED_BEFORE = /印[发發]$/u;
const ISSUED_AFTER = /^[^。]*?印[发發][给給]/u;
const MAX_TITLE_LINES = 4;
const MAX_TITLE_LINE_LENGTH = 40;

/** Whether a title names a plan-like document (方案, 措施, 意见, 通知…), not a law or a book. */
export function looksLikePlanTitle(title: string): boolean {
  return PLAN_WORD.test(cleanLine(title));
}

/** A line's text with its indentation and pinyin annotations removed. */
export function cleanLine(text: string): string {
  return stripPinyin(text).trim();
}

function isTitleLike(clean: string): boolean {
  return (
    clean.length > 0 &&
    clean.length <= MAX_TITLE_LINE_LENGTH &&
    !SENTENCE_PUNCTUATION.test(clean) &&
    !DOCUMENT_NUMBER.test(clean) &&
    !DATE_LINE.test(clean) &&
    !hasDamage(clean)
  );
}

/** A run of preamble lines that together read as a plan's title, e.g. the seed's two heading lines. */
export interface TitleLines {
  lines: Line[];
}

/**
 * Finds title runs among `lines` (the preamble): a short unpunctuated line ending in a document kind
 * (方案, 措施, 意见, 通知…), with up to three short lines above it that continue the title.
 */
export function findTitleRuns(text: string, lines: readonly Line[]): TitleLines[] {
  const runs: TitleLines[] = [];
  const cleanOf = (line: Line): string => cleanLine(text.slice(line.start, line.end));
  for (let i = 0; i < lines.length; i++) {
    const clean = cleanOf(lines[i]!);
    if (!isTitleLike(clean) || !PLAN_WORD.test(clean)) continue;
    let first = i;
    while (first > 0 && i - first + 1 < MAX_TITLE_LINES) {
      const above = cleanOf(lines[first - 1]!);
      if (!isTitleLike(above) || PLAN_WORD.test(above)) break;
      first--;
    }
    runs.push({ lines: lines.slice(first, i + 1) });
  }
  return runs;
}

/**
 * 《title》 occurrences in a line that the notice issues (`关于印发《…》的通知`, `现将《…》印发给你们`,
 * `《…》已经…同意，现印发给你们`), as offsets of the inner text. Documents the cover letter merely
 * cites are not the plan's title.
 */
export function findNoticeTitles(lineText: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const m of lineText.matchAll(NOTICE_TITLE)) {
    const end = m.index + m[0].length;
    const before = cleanLine(lineText.slice(Math.max(0, m.index - 12), m.index));
    const after = cleanLine(lineText.slice(end, end + 120));
    const issued = ISSUED_BEFORE.test(before) || ISSUED_AFTER.test(after);
    if (issued && PLAN_WORD.test(cleanLine(m[1]!))) found.push({ start: m.index + 1, end: end - 1 });
  }
  return found;
}

/**
 * The index into `trailing` (the lines after the last heading) where the closing begins:
 * the first line that says when the plan takes effect, names the issuer above a date, is a date,
 * or is a publication note. Returns `trailing.length` when none does.
 */
export function findClosingStart(text: string, trailing: readonly Line[]): number {
  let previous: string | undefined;
  let previousIndex = -1;
  for (let i = 0; i < trailing.length; i++) {
    const line = trailing[i]!;
    const clean = cleanLine(text.slice(line.start, line.end));
    if (clean.length === 0) continue;
    if (IN_FORCE.test(clean) || PUBLICATION_NOTE.test(clean)) return i;
    if (DATE_LINE.test(clean)) {
      // The issuer's name stands right above the date: 厦门市人民政府 / 2023年6月14日.
      const isIssuer = previous !== undefined && previous.length <= 30 && !SENTENCE_PUNCTUATION.test(previous);
      return isIssuer ? previousIndex : i;
    }
    previous = clean;
    previousIndex = i;
  }
  return trailing.length;
}
