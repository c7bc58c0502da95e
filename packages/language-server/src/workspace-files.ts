import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';

const IGNORED = ['**/node_modules/**', '**/.git/**', '**/.policylint/**', '**/dist/**'];
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The `.txt` and `.md` files of the workspace folders as documents, at most `limit` of them, in path
 * order. Files that are not UTF-8 are skipped: they cannot be checked, and saying so is the CLI's job.
 */
export async function workspaceDocuments(folders: readonly string[], limit: number, skip: ReadonlySet<string>): Promise<TextDocument[]> {
  const out: TextDocument[] = [];
  for (const folder of folders) {
    const root = URI.parse(folder);
    if (root.scheme !== 'file') continue;
    const files = (await glob('**/*.{txt,md}', { cwd: root.fsPath, absolute: true, ignore: IGNORED })).sort();
    for (const file of files) {
      if (out.length >= limit) return out;
      const uri = URI.file(file).toString();
      if (skip.has(uri)) continue;
      try {
        out.push(TextDocument.create(uri, file.endsWith('.md') ? 'markdown' : 'plaintext', 0, UTF8.decode(await readFile(file))));
      } catch {
        // Unreadable or not UTF-8: nothing to report from here.
      }
    }
  }
  return out;
}
