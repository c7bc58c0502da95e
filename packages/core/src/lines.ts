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
  // The next CR and LF found by indexOf, which scans natively: a loop over every character was ~3 ms
  // per megabyte, and a check splits its text several times.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    const at = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
    const next = at === cr && lf === at + 1 ? at + 2 : at + 1;
    lines.push({ index: lines.length, start, end: at, next });
    start = next;
    if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
  }
  lines.push({ index: lines.length, start, end: text.length, next: text.length });
  return lines;
}

/** Which line ends a text uses: the one kind it has, `mixed`, or `none` for a single line. */
export function detectLineEnding(text: string): 'lf' | 'crlf' | 'cr' | 'mixed' | 'none' {
  // Most texts have no CR: then no need to match every line break of a long one.
  if (!text.includes('\r')) return text.includes('\n') ? 'lf' : 'none';
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}
