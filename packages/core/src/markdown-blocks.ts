import { blankCommentLines } from './comments.js';
import { splitLines, type Line } from './lines.js';

/** A run of fence characters opening a line: ``` or ~~~ (CommonMark §4.5). */
interface FenceRun {
  char: '`' | '~';
  length: number;
  /** Whether it may open a fence: a backtick fence's info string holds no backtick. */
  opens: boolean;
  /** Whether it may close one: nothing but spaces after it. */
  closes: boolean;
}

const FENCE_CHARS = ['`', '~'] as const;

/**
 * The text with the Markdown blocks that are not plan text blanked: front matter (a `---` or `+++`
 * line opening the text, up to the next `---`/`...` or `+++` line) and fenced code blocks (``` or ~~~,
 * CommonMark §4.5). A `1.` inside them is no heading and a 第3条 no citation. Spaces replace their
 * characters and line breaks stay, as `blankCommentLines` does, so offsets are those of the original.
 *
 * A block that is never closed is left as text: CommonMark runs an unclosed fence to the end of the
 * document, but a stray ``` in a plain-text draft would then hide the rest of the plan from the check.
 */
export function blankMarkdownBlocks(text: string): string {
  if (!text.includes('```') && !text.includes('~~~') && !text.startsWith('---') && !text.startsWith('+++')) return text;
  const lines = splitLines(text);
  const front = frontMatterEnd(text, lines);
  const runs = text.includes('```') || text.includes('~~~') ? lines.map((line) => fenceRun(lineText(text, line))) : [];
  const fenced = fencedBlocks(runs, front === undefined ? 0 : front + 1);
  const blocks: Array<[from: number, to: number]> = front === undefined ? fenced : [[0, front], ...fenced];
  if (blocks.length === 0) return text;
  const pieces: string[] = [];
  let copied = 0;
  for (const [from, to] of blocks) {
    const start = lines[from]!.start;
    const end = lines[to]!.end;
    pieces.push(text.slice(copied, start), text.slice(start, end).replace(/[^\r\n]/g, ' '));
    copied = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/**
 * Every kind of text that is not plan text blanked: front matter, fenced code blocks and whole-line
 * HTML comments. What the parser and the rules read.
 */
export function blankNonPlanText(text: string): string {
  return blankCommentLines(blankMarkdownBlocks(text));
}

function lineText(text: string, line: Line): string {
  return text.slice(line.start, line.end);
}

/** The index of the line closing front matter that opens the text, or undefined when it has none. */
function frontMatterEnd(text: string, lines: readonly Line[]): number | undefined {
  const first = lineText(text, lines[0]!).trimEnd();
  if (first !== '---' && first !== '+++') return undefined;
  const closers = first === '---' ? ['---', '...'] : ['+++'];
  return lines.find((line) => line.index > 0 && closers.includes(lineText(text, line).trimEnd()))?.index;
}

/** The [opening, closing] line indices of each closed fenced block at or after line `from`. */
function fencedBlocks(runs: ReadonlyArray<FenceRun | undefined>, from: number): Array<[number, number]> {
  // longestAfter[char][i]: the longest closing run of `char` on a line after line i.
  const longestAfter = { '`': new Int32Array(runs.length), '~': new Int32Array(runs.length) };
  for (let i = runs.length - 2; i >= 0; i--) {
    const below = runs[i + 1];
    for (const char of FENCE_CHARS) {
      longestAfter[char][i] = Math.max(longestAfter[char][i + 1]!, below?.closes === true && below.char === char ? below.length : 0);
    }
  }
  const blocks: Array<[number, number]> = [];
  for (let i = from; i < runs.length; i++) {
    const open = runs[i];
    // Looked for only where a closing exists, so fences that never close cost no rescans.
    if (open?.opens !== true || longestAfter[open.char][i]! < open.length) continue;
    let close = i + 1;
    while (!closes(runs[close], open)) close++;
    blocks.push([i, close]);
    i = close;
  }
  return blocks;
}

function closes(run: FenceRun | undefined, open: FenceRun): boolean {
  return run !== undefined && run.closes && run.char === open.char && run.length >= open.length;
}

/** The fence run opening a line after at most three spaces, or undefined when the line has none. */
function fenceRun(line: string): FenceRun | undefined {
  let indent = 0;
  while (line[indent] === ' ') indent++;
  const char = line[indent];
  if (indent > 3 || (char !== '`' && char !== '~')) return undefined;
  let end = indent;
  while (line[end] === char) end++;
  if (end - indent < 3) return undefined;
  const rest = line.slice(end);
  return { char, length: end - indent, opens: char === '~' || !rest.includes('`'), closes: rest.trim() === '' };
}
