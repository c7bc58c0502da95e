import type { Range } from '@policylint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Recent } from './recent.js';

// Line tables of the texts sliced lately (cited and quoted corpus plans): building one is a pass over
// a whole plan, and one check slices the same few plans again and again. Few: each holds its text.
const documents = new Recent<string, TextDocument>(4);

/** The text at a range of a document's text (a BOM, if any, comes off first, as for the parser). */
export function textAt(text: string, range: Range): string {
  const document = documents.get(text, () => TextDocument.create('text:', 'plaintext', 0, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  return document.getText(range);
}
