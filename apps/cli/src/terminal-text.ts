// C0 controls (tab and line feed apart), DEL, C1 controls (U+009B is a one-byte CSI for some
// terminals), and the bidirectional embeddings, overrides and isolates that reorder what a line shows.
// eslint-disable-next-line no-control-regex -- finding control characters is what these are for
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// The same, for a quick test first: most texts have none, and a replace with a function costs several
// times a test even when nothing matches (~4 ms of a report of 5,000 findings).
const ANY_CONTROL = new RegExp(CONTROLS.source);
const ANY_CONTROL_OR_BREAK = new RegExp(CONTROLS_AND_BREAKS.source);

function escape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from a document (or a file name) for a terminal: control characters shown as `\x1b`-style
 * escapes instead of sent raw, so a draft or corpus plan cannot clear the screen, retitle the window,
 * plant a hyperlink or write the clipboard (`ESC ] 52`) through a report. Lines and tabs stay.
 */
export function terminalText(text: string): string {
  return ANY_CONTROL.test(text) ? text.replace(CONTROLS, escape) : text;
}

/** As `terminalText`, for a field that must stay on its line (a finding's message, a path): line breaks and tabs escaped too. */
export function terminalLine(text: string): string {
  return ANY_CONTROL_OR_BREAK.test(text) ? text.replace(CONTROLS_AND_BREAKS, escape) : text;
}
