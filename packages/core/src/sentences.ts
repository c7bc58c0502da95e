/** A sentence as [start, end) offsets into the text it was cut from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Half-width ? is left out: in damaged text it stands for a lost character, not a question.
const ENDS = new Set(['。', '！', '？']);
// Closing quotes and brackets after a full stop belong to the sentence it ends: ……。” .
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》']);
const SPACE = /[\s\u3000]/;

/**
 * Cuts text[from, to) into sentences at 。！？ and at line breaks, trimming white space around each.
 * A trailing fragment without a full stop is a sentence too, so no text is dropped.
 */
export function splitSentences(text: string, from: number, to: number): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      push(i);
      start = i + 1;
    } else if (ENDS.has(c)) {
      let end = i + 1;
      while (end < to && CLOSERS.has(text[end]!)) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(to);
  return spans;
}
