/**
 * Text from a draft or a corpus plan as Markdown that shows it as written. A plan's text is
 * untrusted: a title like `[x](command:…)` or `<img src=x onerror=…>` must not become a link, an
 * image or an element in a hover. Backslash-escaping (CommonMark allows it for any ASCII punctuation)
 * the marks that open links and images (`[` `]`), HTML, autolinks and entities (`<` `>` `&`), code and
 * emphasis (`` ` `` `*` `_` `~`), headings and tables (`#` `|`) and the backslash itself is enough;
 * other marks (`.`, parentheses) stay as they are, so the raw text stays readable.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_~[\]<>&#|]/g, '\\$&');
}
