import { relative, resolve } from 'node:path';
import { missingMessage, planLabel, resolveReference, type Locale, type Resolution } from '@policylint/checker';
import { ConfigLoader, CorpusCache } from '@policylint/checker/node';
import { findReferences, headingLabel, parsePlan, stripPinyin } from '@policylint/core';
import { CliError } from '../cli-error.js';
import { corpusSourceFromArgs } from '../corpus-option.js';
import { message } from '../messages.js';
import { readTextFile } from '../read-text-file.js';

export interface ShowOptions {
  in: string | undefined;
  config: string | undefined;
  locale: Locale | undefined;
  corpus: readonly string[];
  cwd: string;
}

/**
 * `policylint show REF [--in FILE]`: prints what a citation points at — the plan, where the node is,
 * and its text with pinyin annotations stripped. A citation that points nowhere exits 1.
 */
export async function show(ref: string, options: ShowOptions): Promise<{ stdout: string; exitCode: number }> {
  // The corpus and configuration are those of FILE, or of the current folder.
  const anchor = options.in === undefined ? resolve(options.cwd, '.policylint-show') : resolve(options.cwd, options.in);
  const { config, path } = await new ConfigLoader(options.config).forFile(anchor);
  const locale = options.locale ?? config.locale;
  const [reference] = findReferences(ref.trim());
  if (reference === undefined) throw new CliError(message(locale, 'notAReference', ref));
  if (reference.document === null && options.in === undefined) throw new CliError(message(locale, 'needsIn', ref));
  const text = options.in === undefined ? '' : (await readTextFile(anchor, locale)).text;
  const self = { id: options.in === undefined ? undefined : anchor, plan: parsePlan(text), text };
  const corpora = new CorpusCache();
  const loaded =
    options.corpus.length === 0
      ? await corpora.forFile(anchor, { path, corpus: config.corpus })
      : await corpora.load(await corpusSourceFromArgs(options.corpus, options.cwd));
  const resolutions = resolveReference(reference, { self, corpus: loaded?.corpus });
  if (resolutions.length === 0) throw new CliError(message(locale, 'noCorpusForShow'), 1);
  const blocks = resolutions.map((resolution) => describe(resolution, reference, locale, options.cwd, anchor));
  const failed = resolutions.some((r) => r.kind !== 'resolved');
  if (failed && resolutions.length === 1) throw new CliError(blocks[0]!, 1);
  return { stdout: `${blocks.join('\n\n')}\n`, exitCode: failed ? 1 : 0 };
}

function describe(resolution: Resolution, reference: Parameters<typeof planLabel>[0], locale: Locale, cwd: string, anchor: string): string {
  if (resolution.kind === 'unknown-document') return message(locale, 'unknownDocument', stripPinyin(resolution.title));
  if (resolution.kind === 'missing') return missingMessage(planLabel(reference), resolution)[locale];
  const { target, node, range, text } = resolution;
  const file = target.id ?? anchor;
  const shown = relative(cwd, file);
  const where = `${shown === '' || shown.startsWith('..') ? file : shown}:${range.start.line + 1}`;
  const title = target.plan.title === null ? '' : `《${stripPinyin(target.plan.title)}》`;
  if (node === undefined) return `${title}\n${where}`;
  return `${title === '' ? '' : `${title} `}${headingLabel(node)}\n${where}\n\n${text}`;
}
