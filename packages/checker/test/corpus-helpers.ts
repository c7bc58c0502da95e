import { Corpus } from '../src/index.js';
import { readRepoFile, SEED } from './helpers.js';

/** The repository's corpus: the seed, under its path. */
export function seedCorpus(): Corpus {
  return new Corpus([{ id: SEED, text: readRepoFile(SEED) }]);
}

export const SEED_TITLE = '厦门市再创营商环境新优势助力企业高质量发展行动方案';
