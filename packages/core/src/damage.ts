/**
 * Signs of text damaged by a wrong encoding conversion (GBK bytes read as something else and back):
 * U+FFFD, a `?` standing in for a lost character, Bopomofo, box-drawing and a few symbols that never
 * occur inside Chinese policy prose.
 */

const DAMAGE_CHAR = /[\ufffd\u3100-\u312f\u2500-\u257f\u2312]/u;
const DAMAGE_GLOBAL = /[\ufffd\u3100-\u312f\u2500-\u257f\u2312]|(?<=[\u3400-\u9fff\u3000-\u303f])\?|\?(?=[\u3400-\u9fff\u3000-\u303f])/gu;

/** True when `text` holds a character that only a broken conversion puts there. */
export function hasDamage(text: string): boolean {
  return DAMAGE_CHAR.test(text) || /(?:^|[\u3400-\u9fff\u3000-\u303f])\?|\?[\u3400-\u9fff\u3000-\u303f]/u.test(text);
}

// A character every match of DAMAGE_GLOBAL holds: a quick test that skips most lines, which have none.
const DAMAGE_HINT = /[\ufffd\u3100-\u312f\u2500-\u257f\u2312?]/u;

/** Offsets of damaged characters in `text`, merged into spots of adjacent damage. */
export function findDamage(text: string): Array<{ start: number; end: number }> {
  const spots: Array<{ start: number; end: number }> = [];
  if (!DAMAGE_HINT.test(text)) return spots;
  // exec on the one regex, where matchAll would copy it for each text.
  DAMAGE_GLOBAL.lastIndex = 0;
  for (let m = DAMAGE_GLOBAL.exec(text); m !== null; m = DAMAGE_GLOBAL.exec(text)) {
    const last = spots[spots.length - 1];
    // Characters a few places apart belong to one mangled word: report them as one spot.
    if (last !== undefined && m.index - last.end <= 3) last.end = m.index + m[0].length;
    else spots.push({ start: m.index, end: m.index + m[0].length });
  }
  return spots;
}

/**
 * A line that begins with damage where a heading marker would stand, e.g. `?。ㄒ唬┙ㄔO` for `（一）建設`.
 * Such a line is a heading candidate; only its place in the plan decides.
 */
export function startsDamaged(line: string): boolean {
  const head = line.slice(0, 4);
  return head.startsWith('?') || head.startsWith('\ufffd') || DAMAGE_CHAR.test(head);
}
