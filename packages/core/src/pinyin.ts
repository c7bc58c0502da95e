/**
 * Inline pinyin annotations such as 區(qū): a character followed by one bracketed,
 * tone-marked syllable. Real texts copied from annotated web pages carry hundreds of them.
 *
 * What counts as one, as a regular expression (the tests hold the scanner below to it):
 * `\((?<=\p{L}\()S\)|（(?<=\p{L}（)S）` with the syllable S = `[a-z T]{0,6}[T][a-z T]{0,5}`, T the
 * tone-marked letters. The syllable must carry a tone mark, so English words in brackets, `(RCEP)` or
 * `(app)`, are left alone. It may follow any letter: where damage turned the annotated character into
 * `O` or `h`, the annotation is still one (`ㄔO(shè)`).
 *
 * The scanner finds the same annotations as that expression without building a match per annotation:
 * a 1 MB plan has ~50,000 of them, and the matches were a sixth of what checking it allocated.
 */

/** The tone-marked letters (and ü) a syllable may hold; one of them must be in it. */
export const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
/** The longest syllable: six letters, the tone-marked one, five more. */
const MAX_SYLLABLE = 12;

const PLAIN = 1;
const TONED = 2;
/** Syllable letters by code unit: PLAIN for a-z, TONED for the tone-marked ones, 0 for anything else. */
const SYLLABLE_LETTER = (() => {
  let top = 0;
  for (const ch of TONE_MARKED) top = Math.max(top, ch.charCodeAt(0));
  const table = new Uint8Array(top + 1);
  table.fill(PLAIN, 0x61, 0x7b);
  for (const ch of TONE_MARKED) table[ch.charCodeAt(0)] = TONED;
  return table;
})();

const LETTER = /^\p{L}$/u;

/** Whether the code point that ends just before `at` is a letter (`\p{L}`), a surrogate pair as one. */
function letterBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const unit = text.charCodeAt(at - 1);
  // CJK Unified Ideographs, every one a letter: the annotated character nearly always.
  if (unit >= 0x4e00 && unit <= 0x9fff) return true;
  if (unit < 0x80) return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
  if (unit >= 0xdc00 && unit <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER.test(text.slice(at - 2, at));
  }
  return LETTER.test(text[at - 1]!);
}

/**
 * The end of the annotation whose opening bracket is at `open`, or -1: a syllable of 1 to 12 letters
 * with a tone-marked one at most six letters in and at most five from the end, then the bracket that
 * closes the opening one (`(…)` or `（…）`).
 */
function annotationEnd(text: string, open: number, close: number): number {
  const from = open + 1;
  const limit = Math.min(text.length, from + MAX_SYLLABLE);
  let at = from;
  while (at < limit && syllableLetter(text.charCodeAt(at)) !== 0) at++;
  const length = at - from;
  if (length === 0 || at >= text.length || text.charCodeAt(at) !== close) return -1;
  for (let k = Math.max(0, length - 6); k <= Math.min(6, length - 1); k++) {
    if (syllableLetter(text.charCodeAt(from + k)) === TONED) return at + 1;
  }
  return -1;
}

function syllableLetter(unit: number): number {
  return unit < SYLLABLE_LETTER.length ? SYLLABLE_LETTER[unit]! : 0;
}

/**
 * Where inline pinyin annotations are, as [start, end) UTF-16 offsets into `text`, flat: the first
 * annotation's start and end, then the second's, and so on. Empty for a text without any.
 */
export function pinyinAnnotationSpans(text: string): Uint32Array {
  let spans = NONE;
  let count = 0;
  // Brackets are found with indexOf, fast from the first call: most lines of most plans have none,
  // and a loop over every character ran long before it was optimized (a check runs once, cold).
  let ascii = text.indexOf('(');
  let wide = text.indexOf('（');
  while (ascii >= 0 || wide >= 0) {
    const isAscii = wide < 0 || (ascii >= 0 && ascii < wide);
    const at = isAscii ? ascii : wide;
    const end = annotationEnd(text, at, isAscii ? 0x29 : 0xff09);
    let resume = at + 1;
    if (end >= 0 && letterBefore(text, at)) {
      if (count === spans.length) {
        const grown = new Uint32Array(Math.max(16, 2 * spans.length));
        grown.set(spans);
        spans = grown;
      }
      spans[count++] = at;
      spans[count++] = end;
      resume = end;
    }
    if (ascii >= 0 && ascii < resume) ascii = text.indexOf('(', resume);
    if (wide >= 0 && wide < resume) wide = text.indexOf('（', resume);
  }
  return spans.subarray(0, count);
}

const NONE = new Uint32Array(0);

/** Where inline pinyin annotations are, as [start, end) UTF-16 offsets into `text`. */
export function findPinyinAnnotations(text: string): Array<{ start: number; end: number }> {
  const spans = pinyinAnnotationSpans(text);
  return Array.from({ length: spans.length / 2 }, (_, i) => ({ start: spans[2 * i]!, end: spans[2 * i + 1]! }));
}

/** Removes inline pinyin annotations (`區(qū)域` → `區域`), keeping the script as written. */
export function stripPinyin(text: string): string {
  const spans = pinyinAnnotationSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let kept = 0;
  for (let i = 0; i < spans.length; i += 2) {
    out += text.slice(kept, spans[i]);
    kept = spans[i + 1]!;
  }
  return out + text.slice(kept);
}
