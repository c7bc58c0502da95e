import { stripPinyin, type Range } from '@policylint/core';
import { localized, type Localized } from '../finding.js';
import type { OverlapMatch } from '../overlap/overlap-index.js';

const QUOTE_LENGTH = 40;

/** A sentence as a message shows it: pinyin stripped, trimmed. */
function shownText(text: string): string {
  return stripPinyin(text).trim();
}

/** A sentence for a message: as shown, cut short with an ellipsis. */
export function quote(text: string): string {
  const clean = shownText(text);
  return clean.length > QUOTE_LENGTH ? `${clean.slice(0, QUOTE_LENGTH)}…` : clean;
}

/**
 * `quote`, each text quoted once per check: a draft's repeats quote the same sentences again and
 * again. Made per check, so no sentence outlives its document.
 */
export function quotesOnce(): (text: string) => string {
  const quotes = new Map<string, string>();
  return (text) => {
    let quoted = quotes.get(text);
    if (quoted === undefined) quotes.set(text, (quoted = quote(text)));
    return quoted;
  };
}

/**
 * A message remembered per check by where it points and the draft sentence it quotes, for the
 * findings that say the same: a draft's later copies of a measure repeat what the first one repeats.
 * `place` is an object that stands for everything else the message says (the corpus sentence's
 * range, or the measure when there is no pair); `make` builds the message when it is not known.
 * Made per check, so no message outlives its document.
 */
export function messagesOnce(): (place: object, draftText: string, similarity: number, make: () => Localized) => Localized {
  const byPlace = new Map<object, Map<string, { similarity: number; message: Localized }>>();
  return (place, draftText, similarity, make) => {
    let byText = byPlace.get(place);
    if (byText === undefined) byPlace.set(place, (byText = new Map()));
    const known = byText.get(draftText);
    if (known !== undefined && known.similarity === similarity) return known.message;
    const message = make();
    byText.set(draftText, { similarity, message });
    return message;
  };
}

/** 相似度 0.82 / similarity 0.82 */
export function similarityText(similarity: number): Localized {
  const value = similarity.toFixed(2);
  return localized(`相似度 ${value}`, `similarity ${value}`);
}

/**
 * `（相似度 0.82）：其中“…”≈“…”`: the similarity, and the sentence pair that shows the repeat best;
 * `textOf` gives the text at a range of the document the match's corpus sentence is in. A sentence
 * copied word for word is quoted once, `（相似度 1.00）：其中“…”一句完全相同`: the same quote twice
 * says nothing more and makes the line twice as long.
 */
export function similarityAndPair(
  match: Pick<OverlapMatch, 'similarity' | 'pair'>,
  textOf: (range: Range) => string | undefined,
  quoteOf: (text: string) => string = quote,
): Localized {
  const similarity = similarityText(match.similarity);
  const matched = match.pair === undefined ? undefined : textOf(match.pair.corpus);
  if (match.pair === undefined || matched === undefined) return localized(`（${similarity['zh-CN']}）`, ` (${similarity.en})`);
  const draft = match.pair.draft.text;
  const quoted = quoteOf(draft);
  const quotedMatch = quoteOf(matched);
  // Equal quotes are equal sentences unless both were cut short: then the whole texts decide.
  if (quoted === quotedMatch && (draft === matched || shownText(draft) === shownText(matched))) {
    return localized(`（${similarity['zh-CN']}）：其中“${quoted}”一句完全相同`, ` (${similarity.en}); identical sentence: “${quoted}”`);
  }
  const pair = `“${quoted}”≈“${quotedMatch}”`;
  return localized(`（${similarity['zh-CN']}）：其中${pair}`, ` (${similarity.en}); closest pair: ${pair}`);
}
