/** A line of the text: [start, end) excludes the line break, which runs to `next`. */
export interface Line {
  index: number;
  start: number;
  end: number;
  next: number;
}

/**
 * Splits text into lines at LF, CRLF and lone CR, as editors and the LSP do.
 * The last line is present even when empty, so a text of n line breaks has n + 1 lines.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    lines.push({ index: lines.length, start, end: i, next });
    start = next;
    i = next - 1;
  }
  lines.push({ index: lines.length, start, end: text.length, next: text.length });
  return lines;
}

/** Which line ends a text uses: the one kind it has, `mixed`, or `none` for a single line. */
export function detectLineEnding(text: string): 'lf' | 'crlf' | 'cr' | 'mixed' | 'none' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}
