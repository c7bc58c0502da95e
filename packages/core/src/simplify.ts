import { Converter, Locale } from 'opencc-js/t2cn';

type Convert = (text: string) => string;

/**
 * One of OpenCC's dictionary groups as a flat map, converting as opencc-js's trie does: at each
 * position the longest key that starts there, else the code point as it is; for a key in several
 * dictionaries of the group, the first dictionary's value, and for a value with alternatives, the
 * first. opencc-js builds a trie of Maps per code point from the same dictionaries at every start,
 * ~15 ms of a short CLI run; these maps are built in a fraction of that.
 */
class PrefixDictionary {
  /** Keys of one code unit (most of them: single characters), by that unit. */
  private readonly singles = new Map<number, string>();
  /** Longer keys. */
  private readonly values = new Map<string, string>();
  /** Per first code unit, a bit for each length (in code units, 2 to 31) of a longer key that starts with it. */
  private readonly lengths = new Map<number, number>();
  private longest = 0;

  constructor(group: readonly string[]) {
    // Last dictionary first, so the first one's values are set last and win.
    for (let d = group.length - 1; d >= 0; d--) this.load(group[d]!);
  }

  /** Whether every key fits the length bits. */
  get complete(): boolean {
    return this.longest < 31;
  }

  /**
   * Reads `key value[ alternatives…]|…` by offsets: splitting it into arrays was most of the cost of
   * building (opencc-js takes the first value; an entry without one is skipped where it would throw).
   */
  private load(dictionary: string): void {
    for (let at = 0; at < dictionary.length; ) {
      let end = dictionary.indexOf('|', at);
      if (end === -1) end = dictionary.length;
      const space = dictionary.indexOf(' ', at);
      if (space > at && space < end) {
        let valueEnd = dictionary.indexOf(' ', space + 1);
        if (valueEnd === -1 || valueEnd > end) valueEnd = end;
        const value = dictionary.slice(space + 1, valueEnd);
        const length = space - at;
        if (length === 1) this.singles.set(dictionary.charCodeAt(at), value);
        else {
          this.values.set(dictionary.slice(at, space), value);
          const first = dictionary.charCodeAt(at);
          this.lengths.set(first, (this.lengths.get(first) ?? 0) | (1 << Math.min(length, 31)));
          this.longest = Math.max(this.longest, length);
        }
      }
      at = end + 1;
    }
  }

  convert(text: string): string {
    let out = '';
    let copied = 0;
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      let lengths = this.lengths.get(code) ?? 0;
      let matched = 0;
      let value: string | undefined;
      // Longest first: the first key found is the longest that starts here.
      while (lengths !== 0) {
        const length = 31 - Math.clz32(lengths);
        lengths &= ~(1 << length);
        // A key must end on a whole code point of the text, as the trie reads it by code points.
        if (i + length > text.length || isPairAt(text, i + length - 1)) continue;
        value = this.values.get(text.slice(i, i + length));
        if (value !== undefined) {
          matched = length;
          break;
        }
      }
      if (matched === 0 && !isPairAt(text, i)) {
        value = this.singles.get(code);
        if (value !== undefined) matched = 1;
      }
      if (matched === 0) {
        i += isPairAt(text, i) ? 2 : 1;
        continue;
      }
      out += text.slice(copied, i) + value;
      i += matched;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}

function isPairAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

interface ChainConfig {
  normalizationChain?: ReadonlyArray<readonly unknown[]>;
  segmentation?: unknown;
  conversionChain: ReadonlyArray<readonly unknown[]>;
}

/**
 * Converts through `groups` one after the other, as opencc-js's `ConverterFactory(...groups)` does;
 * undefined for dictionaries this cannot hold (a key of 31 code units or more).
 */
export function chainConverter(groups: ReadonlyArray<readonly string[]>): Convert | undefined {
  const chain = groups.map((group) => new PrefixDictionary(group));
  if (!chain.every((dictionary) => dictionary.complete)) return undefined;
  return (text) => chain.reduce((converted, dictionary) => dictionary.convert(converted), text);
}

/**
 * OpenCC's traditional → simplified (`t` → `cn`, its `t2s` configuration: a normalization chain, then
 * a conversion chain, no segmentation), from the dictionaries opencc-js ships. Should a later
 * opencc-js shape them otherwise, its own converter is used instead.
 */
export function createTraditionalToSimplified(): Convert {
  const config = (Locale.configs as Record<string, ChainConfig | undefined>).t2s;
  const groups = config === undefined || config.segmentation !== undefined ? undefined : [...(config.normalizationChain ?? []), ...config.conversionChain];
  const ours = groups?.every((group) => group.every((dictionary) => typeof dictionary === 'string')) ? chainConverter(groups as string[][]) : undefined;
  return ours ?? Converter({ from: 't', to: 'cn' });
}
