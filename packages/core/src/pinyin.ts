/**
 * Inline pinyin annotations such as 區(qū): a character followed by one bracketed,
 * tone-marked syllable. Real texts copied from annotated web pages carry hundreds of them.
 */

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
const SYLLABLE = `[a-z${TONED}]{0,6}[${TONED}][a-z${TONED}]{0,5}`;

// The syllable must carry a tone mark, so English words in brackets, `(RCEP)` or `(app)`, are left alone.
// It may follow any letter: where damage turned the annotated character into `O` or `h`, the
// annotation is still one (`ㄔO(shè)`). The bracket comes first and the letter before it is looked
// behind for from there: the same matches, found twice as fast as with the look-behind tried at
// every character.
const ANNOTATION = new RegExp(`\\((?<=\\p{L}\\()${SYLLABLE}\\)|（(?<=\\p{L}（)${SYLLABLE}）`, 'gu');

const BRACKET = /[(（]/;

/** Where inline pinyin annotations are, as [start, end) UTF-16 offsets into `text`. */
export function findPinyinAnnotations(text: string): Array<{ start: number; end: number }> {
  const spots: Array<{ start: number; end: number }> = [];
  // Every annotation opens a bracket: a text without one (most lines of most plans) is not searched.
  if (!BRACKET.test(text)) return spots;
  // exec on the one regex, where matchAll would copy it for each text (a plan has thousands of lines).
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(text); m !== null; m = ANNOTATION.exec(text)) spots.push({ start: m.index, end: m.index + m[0].length });
  return spots;
}

/** Removes inline pinyin annotations (`區(qū)域` → `區域`), keeping the script as written. */
export function stripPinyin(text: string): string {
  return text.replace(ANNOTATION, '');
}
