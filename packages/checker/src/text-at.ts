import type { Range } from '@policylint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';

// Line tables of the texts sliced lately (cited and quoted corpus plans): building one is a pass over
// a whole plan, and one check slices the same few plans again and again.
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
