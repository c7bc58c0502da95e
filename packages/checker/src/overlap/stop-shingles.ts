import { matchKey } from './match-key.js';
import { hashString } from './shingle.js';

/**
 * Bigrams every policy plan repeats (the slogans of DESIGN §1), after synonym folding. They still
 * count, lightly, in the similarity scores (IDF weighs them down); they are only kept out of MinHash
 * signatures, where a shared slogan would make unrelated sentences candidates. A fixed list, not one
 * computed from the corpus, so stored signatures and a draft's agree whatever the corpus holds.
 */
const SLOGAN_WORDS = [
  '加强', '推进', '完善', '优化', '支持', '实施', '营商环境', '机制', '体系', '建设', '服务', '企业', '工作',
  '发展', '管理', '提高', '水平', '能力', '开展', '推广', '创新', '重点', '领域', '相关', '有关', '部门',
  '单位', '市场', '主体', '政策', '措施', '制度', '保障', '落地', '探索', '打造', '构建', '形成', '实现',
  '统筹', '协调', '项目', '平台', '应用', '范围', '鼓励', '引导', '规范', '高质量', '各区', '全市', '本市',
];

const stopSets = new Map<number, Set<number>>();

/** The n-gram hashes that fall inside a slogan word; built on first use, per n. */
export function stopShingles(n: number): ReadonlySet<number> {
  let stop = stopSets.get(n);
  if (stop === undefined) {
    stop = new Set<number>();
    for (const word of SLOGAN_WORDS) {
      const key = matchKey(word);
      for (let i = 0; i + n <= key.length; i++) stop.add(hashString(key, i, i + n));
    }
    stopSets.set(n, stop);
  }
  return stop;
}
