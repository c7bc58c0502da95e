import { stripPinyin, type Range } from '@policylint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localized, type Localized } from '../finding.js';
import type { OverlapMatch } from '../overlap/overlap-index.js';

const QUOTE_LENGTH = 40;

/** A sentence for a message: pinyin stripped, cut short with an ellipsis. */
export function quote(text: string): string {
  const clean = stripPinyin(text).trim();
  return clean.length > QUOTE_LENGTH ? `${clean.slice(0, QUOTE_LENGTH)}…` : clean;
}

/** 相似度 0.82 / similarity 0.82 */
export function similarityText(similarity: number): Localized {
  const value = similarity.toFixed(2);
  return localized(`相似度 ${value}`, `similarity ${value}`);
}

// Line tables of the texts quoted from lately: building one means a pass over a whole corpus plan,
// and one check quotes the same few plans again and again.
const documents = new Map<string, TextDocument>();
const MAX_DOCUMENTS = 16;

/** The text at a range of a document's text (a BOM, if any, comes off first, as for the parser). */
export function textAt(text: string, range: Range): string {
  let document = documents.get(text);
  if (document === undefined) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    document = TextDocument.create('text:', 'plaintext', 0, body);
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    documents.set(text, document);
  }
  return document.getText(range);
}

/**
 * `（相似度 0.82）：其中“…”≈“…”`: the similarity, and the sentence pair that shows the repeat best;
 * `matchedText` is the text of the document the match's corpus sentence is in.
 */
export function similarityAndPair(match: OverlapMatch, matchedText: string | undefined): Localized {
  const similarity = similarityText(match.similarity);
  if (match.pair === undefined || matchedText === undefined) return localized(`（${similarity['zh-CN']}）`, ` (${similarity.en})`);
  const pair = `“${quote(match.pair.draft.text)}”≈“${quote(textAt(matchedText, match.pair.corpus))}”`;
  return localized(`（${similarity['zh-CN']}）：其中${pair}`, ` (${similarity.en}); closest pair: ${pair}`);
}
