import { readFile, stat } from 'node:fs/promises';
import { decodeText } from '@policylint/checker/node';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';

const IGNORED = ['**/node_modules/**', '**/.git/**', '**/.policylint/**', '**/dist/**'];

/** A text file of the workspace, not read yet. */
export interface WorkspaceFile {
  uri: string;
  path: string;
  /** Changes when the file does (modification time and size): a workspace pull skips unchanged files by it. */
  stamp: string;
}

/** The `.txt` and `.md` files of the workspace folders, at most `limit` of them, in path order, except `skip`. */
export async function workspaceFiles(folders: readonly string[], limit: number, skip: ReadonlySet<string>): Promise<WorkspaceFile[]> {
  const out: WorkspaceFile[] = [];
  for (const folder of folders) {
    const root = URI.parse(folder);
    if (root.scheme !== 'file') continue;
    // Links are not followed: a workspace (untrusted) linking to / or to a home folder would have the
    // server walk and report on files outside it.
    const paths = (await glob('**/*.{txt,md}', { cwd: root.fsPath, absolute: true, ignore: IGNORED, followSymbolicLinks: false })).sort();
    for (const path of paths) {
      if (out.length >= limit) return out;
      const uri = URI.file(path).toString();
      if (skip.has(uri)) continue;
      const info = await stat(path).catch(() => undefined);
      if (info !== undefined) out.push({ uri, path, stamp: `${info.mtimeMs}:${info.size}` });
    }
  }
  return out;
}

/**
 * The file as a document, decoded as the CLI decodes it (UTF-8, UTF-16 with a BOM, GB18030); undefined
 * when it cannot be read or decoded: it cannot be checked, and saying so is the CLI's job.
 */
export async function readWorkspaceFile(file: WorkspaceFile): Promise<TextDocument | undefined> {
  const decoded = await readFile(file.path).then(decodeText, () => undefined);
  if (decoded?.kind !== 'text') return undefined;
  return TextDocument.create(file.uri, file.path.endsWith('.md') ? 'markdown' : 'plaintext', 0, decoded.text);
}
