// Builds a ~1 MB plan from the seed for the parser benchmark. Repeating the seed verbatim
// would give a plan full of duplicate and out-of-order numbers, which exercises the parser's
// error paths rather than its normal one; renumbering keeps the result a single valid plan.
import { parseChineseNumeral, toChineseNumeral } from '@policylint/core';

// Only the number at the very start of a line is rewritten; numbers inside the text stay.
const PART = /^([一二三四五六七八九十百零〇]+)、/;
const MEASURE = /^(\d+)([.．、])/;

/**
 * Concatenates `copies` copies of the seed's body (first part heading through the last
 * measure), with part and measure numbers continuing across copies. Sections keep their
 * numbers because they restart in every part. The seed's preamble (lines before the first
 * part heading) and closing line (its last line) appear once, at the top and the end.
 * @param {string} seedText
 * @param {number} [copies]
 * @returns {string}
 */
export function makeLargePlan(seedText, copies = 40) {
  const eol = seedText.includes('\r\n') ? '\r\n' : '\n';
  const lines = seedText.split(eol);
  // A trailing newline would make the last "line" empty; the closing is the last real line.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  const firstPart = lines.findIndex((line) => PART.test(line));
  if (firstPart < 0) throw new Error('seed has no part heading (一、)');
  const preamble = lines.slice(0, firstPart);
  const body = lines.slice(firstPart, -1);
  const closing = lines[lines.length - 1];

  // Offsets per copy come from the seed itself (5 parts, 28 measures for the Xiamen plan),
  // so another seed works too as long as it numbers from 1 without gaps.
  let partsPerCopy = 0;
  let measuresPerCopy = 0;
  for (const line of body) {
    const part = PART.exec(line);
    if (part) partsPerCopy = Math.max(partsPerCopy, parseChineseNumeral(part[1]) ?? 0);
    const measure = MEASURE.exec(line);
    if (measure) measuresPerCopy = Math.max(measuresPerCopy, Number(measure[1]));
  }

  const out = [...preamble];
  for (let k = 0; k < copies; k++) {
    for (const line of body) {
      out.push(renumber(line, k * partsPerCopy, k * measuresPerCopy));
    }
  }
  out.push(closing);
  return out.join(eol);
}

function renumber(line, partOffset, measureOffset) {
  const part = PART.exec(line);
  if (part) {
    const number = parseChineseNumeral(part[1]);
    if (number === undefined) return line; // not a numeral after all (e.g. 〇、); leave it
    const numeral = toChineseNumeral(number + partOffset);
    if (numeral === undefined) throw new Error(`part ${number + partOffset} has no Chinese numeral`);
    return numeral + line.slice(part[1].length);
  }
  const measure = MEASURE.exec(line);
  if (measure) return String(Number(measure[1]) + measureOffset) + line.slice(measure[1].length);
  return line;
}
