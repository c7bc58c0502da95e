import { relative } from 'node:path';
import { measureUnits, DEFAULT_OVERLAP_PARAMS, type Locale } from '@policylint/checker';
import { ConfigLoader, CorpusCache } from '@policylint/checker/node';
import { headingLabel, parsePlan, stripPinyin } from '@policylint/core';
import { CliError } from '../cli-error.js';
import { corpusSourceFromArgs } from '../corpus-option.js';
import { message } from '../messages.js';
import { readTextFile } from '../read-text-file.js';

export interface SimilarOptions {
  config: string | undefined;
  locale: Locale | undefined;
  corpus: readonly string[];
  limit: number | undefined;
  cwd: string;
}

/**
 * `policylint similar FILE`: for each measure, its closest measures in the corpus with their
 * similarity, those at or above the threshold marked, for reviewers deciding what to cut.
 */
export async function similar(file: string, options: SimilarOptions): Promise<string> {
  const { config, path } = await new ConfigLoader(options.config).forFile(file);
  const locale = options.locale ?? config.locale;
  const { text } = await readTextFile(file, locale);
  const corpora = new CorpusCache();
  const loaded =
    options.corpus.length === 0 ? await corpora.forFile(file, { path, corpus: config.corpus }) : await corpora.load(await corpusSourceFromArgs(options.corpus, options.cwd));
  if (loaded === undefined) throw new CliError(message(locale, 'noCorpusForShow'));
  const index = loaded.corpus.overlap();
  const exclude = new Set([file]);
  const out: string[] = [];
  for (const unit of measureUnits(parsePlan(text), DEFAULT_OVERLAP_PARAMS)) {
    out.push(headingLabel(unit.node));
    const matches = index.query(unit, { limit: options.limit ?? config.maxMatches, exclude });
    if (matches.length === 0) out.push(`  ${message(locale, 'noSimilar')}`);
    for (const match of matches) {
      const plan = loaded.corpus.get(match.planId);
      const flag = match.similarity >= config.overlapThreshold ? '!' : ' ';
      const where = `${relative(options.cwd, match.planId)}:${match.measure.range.start.line + 1}`;
      out.push(`  ${flag} ${match.similarity.toFixed(2)}  《${stripPinyin(plan?.title ?? '')}》${match.measure.number}.${stripPinyin(match.measure.title)}  ${where}`);
    }
  }
  return `${out.join('\n')}\n`;
}
