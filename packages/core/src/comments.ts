const INDENT_CHARS = ' \t\u3000';

/**
 * The text with every whole-line HTML comment blanked: a comment that starts a line (after
 * indentation) and whose `-->` ends a line, such as `<!-- policylint-disable -->` or a note to
 * reviewers. Markdown does not render them, so they are not plan text: blanked, they stay out of
 * titles, measure bodies and the closing. Spaces replace their characters and line breaks stay, so
 * every offset and line number is the one of the original text.
 */
export function blankCommentLines(text: string): string {
  let from = text.indexOf('<!--');
  if (from === -1) return text;
  const pieces: string[] = [];
  let copied = 0;
  let close = -1;
  while (from !== -1) {
    // The first --> after this <!--, looked for again only once passed: a run of <!-- that one far -->
    // closes costs one search, not one each (50,000 of them took 15 s).
    if (close < from + 4) close = text.indexOf('-->', from + 4);
    if (close === -1) break;
    const end = close + 3;
    if (startsLine(text, from) && endsLine(text, end)) {
      pieces.push(text.slice(copied, from), text.slice(from, end).replace(/[^\r\n]/g, ' '));
      copied = end;
      from = text.indexOf('<!--', end);
    } else {
      from = text.indexOf('<!--', from + 4);
    }
  }
  if (copied === 0) return text;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

function startsLine(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && INDENT_CHARS.includes(text[i - 1]!)) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r';
}

function endsLine(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && INDENT_CHARS.includes(text[i]!)) i++;
  return i === text.length || text[i] === '\n' || text[i] === '\r';
}
