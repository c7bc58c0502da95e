/** A sentence as [start, end) offsets into the text it was cut from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

import { isWhiteSpaceCode } from './white-space.js';

// 。！？ end a sentence; half-width ? is left out: in damaged text it stands for a lost character.
function endsSentence(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f;
}

// Closing quotes and brackets after a full stop belong to the sentence it ends: ……。” (” ’ 」 』 ） ) 》).
function closesAfterStop(code: number): boolean {
  return code === 0x201d || code === 0x2019 || code === 0x300d || code === 0x300f || code === 0xff09 || code === 0x29 || code === 0x300b;
}

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
    while (s < e && isWhiteSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isWhiteSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      push(i);
      start = i + 1;
    } else if (endsSentence(code)) {
      let end = i + 1;
      while (end < to && closesAfterStop(text.charCodeAt(end))) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(to);
  return spans;
}
