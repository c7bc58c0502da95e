// Drafts for bench/many-drafts.mjs: many plans of the kinds a policy office keeps in one folder, made
// deterministically (one seeded PRNG per draft) from the real texts in the repository: the seed's
// measures copied (with or without its pinyin), edited or reworded, sentences of the real policies in
// test/fixtures/real-policies/ and of examples/, as .txt and .md, with the defects drafts have:
// numbering gaps and repeats, wrong markers, half-width brackets, references to their own and to the
// seed's articles (some out of range), references to documents nobody has, measures repeated.
import { readdirSync, readFileSync } from 'node:fs';
import { toChineseNumeral } from '@policylint/core';
import { lightPerturb, loadMaterial, PLACES, prng, reword, ROOT, THEMES } from './synthetic-corpus.mjs';

const SEED = 'seeds/xiamen-2023-business-environment-action-plan.txt';
// The seed's title as drafts cite it (simplified characters, as in examples/).
const SEED_TITLE = '厦门市再创营商环境新优势助力企业高质量发展行动方案';
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const MEASURE_LINE = /^(?:#+\s*)?\d+[.．、](.+)$/u;
const KINDS = ['行动方案', '若干措施', '实施方案', '工作方案', '三年行动计划'];
const PART_TITLES = ['重点任务', '主要措施', '保障措施', '深化改革创新', '优化服务供给', '强化要素保障', '推动开放合作', '加强监管执法'];

/** The seed's measures (text after the number, pinyin kept as scraped) and the examples' measures. */
function loadMeasures() {
  const seedMeasures = [];
  for (const line of readFileSync(new URL(SEED, ROOT), 'utf8').split('\n')) {
    const m = MEASURE_LINE.exec(line.trim());
    if (m) seedMeasures.push(m[1]);
  }
  const exampleMeasures = [];
  const examples = new URL('examples/', ROOT);
  for (const name of readdirSync(examples).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').sort()) {
    for (const line of readFileSync(new URL(name, examples), 'utf8').split('\n')) {
      const m = MEASURE_LINE.exec(line.trim());
      if (m) exampleMeasures.push(m[1]);
    }
  }
  return { seedMeasures, exampleMeasures };
}

/** A measure's text (no number): `title。sentence。…`. */
function measureText(rng, material, measures) {
  const roll = rng.next();
  if (roll < 0.12) return rng.pick(measures.seedMeasures); // scraped copy, pinyin and all
  if (roll < 0.2) return rng.pick(measures.seedMeasures).replace(PINYIN, '');
  if (roll < 0.4) {
    const [title, ...sentences] = rng.pick(measures.seedMeasures).replace(PINYIN, '').split('。').filter((s) => s !== '');
    const edit = roll < 0.3 ? (s) => reword(s, rng, material) : (s) => lightPerturb(s, rng, material);
    if (rng.chance(0.3)) sentences.reverse();
    return `${title}。${sentences.map((s) => `${edit(s)}。`).join('')}`;
  }
  if (roll < 0.45) return rng.pick(measures.exampleMeasures);
  // Consecutive sentences of one real policy (not the seed): the draft's own content.
  const file = rng.pick(material.files.slice(1));
  const start = rng.int(file.length);
  const count = rng.range(1, 4);
  const sentences = Array.from({ length: count }, (_, k) => file[(start + k) % file.length]);
  return `${rng.pick(material.titles)}。${sentences.map((s) => `${s}。`).join('')}`;
}

/** A reference drafts write into a measure, valid or not. */
function reference(rng, ownMeasures) {
  const roll = rng.next();
  if (roll < 0.45) return `按照本方案第${rng.chance(0.8) ? rng.range(1, ownMeasures) : ownMeasures + rng.range(1, 9)}条要求推进。`;
  if (roll < 0.85) return `落实《${SEED_TITLE}》第${rng.chance(0.8) ? rng.range(1, 28) : rng.range(29, 40)}条有关要求。`;
  return `参照《${rng.pick(PLACES)}${rng.pick(THEMES)}实施细则》第${rng.range(1, 20)}条执行。`;
}

/**
 * Draft `index` of the bench folder.
 * @returns {{ name: string, text: string }}
 */
function makeDraft(index, material, measures) {
  const rng = prng(0xd2af7 + index * 7919);
  const markdown = rng.chance(0.3);
  const defects = {
    gap: rng.chance(0.25),
    repeatNumber: rng.chance(0.1),
    marker: rng.chance(0.15),
    halfWidth: rng.chance(0.1),
    references: rng.chance(0.5),
    repeatMeasure: rng.chance(0.1),
  };
  const place = rng.pick(PLACES);
  const lines = [`${markdown ? '# ' : ''}${place}${rng.pick(THEMES)}${rng.pick(KINDS)}`];
  if (rng.chance(0.3)) lines.push('（征求意见稿）');
  lines.push(`为${rng.pick(THEMES)}，结合${place}实际，制定本方案。`);

  const partCount = rng.range(2, 6);
  const planned = Array.from({ length: partCount }, () => rng.range(1, 9));
  const total = planned.reduce((a, b) => a + b, 0);
  const written = [];
  let number = 0;
  for (let p = 0; p < partCount; p++) {
    const partTitle = p === partCount - 1 ? '保障措施' : rng.pick(PART_TITLES);
    lines.push(`${markdown ? '## ' : ''}${toChineseNumeral(p + 1)}、${partTitle}`);
    const sections = p < partCount - 1 && planned[p] >= 4 ? rng.range(0, 3) : 0;
    for (let m = 0; m < planned[p]; m++) {
      const section = sections === 0 ? -1 : Math.floor((m * sections) / planned[p]);
      if (section >= 0 && Math.floor(((m - 1) * sections) / planned[p]) !== section) {
        const numeral = toChineseNumeral(section + 1);
        const heading = defects.halfWidth && section === 1 ? `(${numeral})` : `（${numeral}）`;
        lines.push(`${markdown ? '### ' : ''}${heading}${rng.pick(material.titles)}`);
      }
      number += 1;
      // A gap skips 3 (…2, 4…); a repeated number writes 4 twice (…4, 4, 5…).
      const label = number + (defects.gap && number >= 3 ? 1 : 0) - (defects.repeatNumber && number >= 5 ? 1 : 0);
      let text = defects.repeatMeasure && written.length > 3 && m === planned[p] - 1 ? written[1] : measureText(rng, material, measures);
      written.push(text);
      if (defects.references && rng.chance(0.25)) text += reference(rng, total);
      const marker = defects.marker && number === 2 ? '、' : '.';
      lines.push(`${label}${marker}${text}`);
      if (rng.chance(0.08)) {
        const items = rng.range(2, 4);
        for (let k = 1; k <= items; k++) lines.push(`（${k + (defects.gap && k >= 2 ? 1 : 0)}）${rng.pick(material.titles)}。`);
      }
    }
  }
  if (rng.chance(0.5)) lines.push(`本方案自印发之日起施行，有效期${rng.range(2, 5)}年。`);
  const text = `${lines.join(markdown ? '\n\n' : '\n')}\n`;
  return { name: `draft-${String(index).padStart(3, '0')}.${markdown ? 'md' : 'txt'}`, text };
}

/** The real texts' sentences and clauses, plus short clauses that read as titles. */
function loadDraftMaterial() {
  const material = loadMaterial();
  const titles = material.clauses.filter((c) => c.length >= 4 && c.length <= 12 && !/[（）()《》“”"：:；;]/u.test(c));
  return { ...material, titles };
}

/** `count` drafts, the same on every machine. */
export function makeDrafts(count) {
  const material = loadDraftMaterial();
  const measures = loadMeasures();
  return Array.from({ length: count }, (_, i) => makeDraft(i, material, measures));
}
