import { toChineseNumeral } from '@policylint/core';
import fc from 'fast-check';

/**
 * Random plans with defects, for the fix, renumbering and determinism properties: parts of sections
 * or of loose measures, measures with items, numbers and marker forms damaged at random (gaps,
 * duplicates, steps back, variant forms), tasks that cite the plan's own parts, sections and measures
 * (第N条, 第三条, 第３条, 第N部分, 第（N）项, paths, lists, ranges, 本方案…, 《own title》…) and other
 * plans (《…》第N条), some pointing nowhere, and pinyin annotations for the text-encoding fix.
 */

export const OWN_TITLE = '关于某项工作的实施方案';
export const OTHER_TITLE = '厦门市再创营商环境新优势助力企业高质量发展行动方案';

const FORMS = {
  part: ['一、', '一.', '一．', '一，'],
  section: ['（一）', '(一)', '（一）、', '（一)', '㈠'],
  measure: ['1.', '1、', '1．', '１.', '1)', '1. ', '⒈'],
  item: ['（1）', '(1)', '⑴', '1）'],
} as const;
type Level = keyof typeof FORMS;

export interface Heading {
  level: Level;
  form: string;
  wrongNumber: number | null;
  indent: string;
}
export type MeasureSpec = [Heading, Heading[]];
export type SectionSpec = [Heading, MeasureSpec[]];

/** How a task cites: the numbers are used as the kind needs them. */
export interface CitationSpec {
  kind: 'measure' | 'chinese' | 'fullwidth' | 'part' | 'section' | 'part-section' | 'part-measure' | 'list' | 'section-list' | 'chain' | 'range' | 'self-prefix' | 'own-title' | 'other-plan';
  a: number;
  b: number;
  c: number;
}

export interface PlanSpec {
  parts: Array<[Heading, SectionSpec[] | MeasureSpec[]]>;
  /** The form each level mostly takes in this document (a whole document in 1． is no defect). */
  documentForms: Record<Level, string>;
  /** Items right under each part, before its body, in turn: levels out of order. */
  strayItems: boolean[];
  measuresRestart: boolean;
  /** Cited in turn by the measures' tasks. */
  citations: CitationSpec[];
  /** Tasks with an inline pinyin annotation, in turn. */
  pinyin: boolean[];
  lineBreak: '\n' | '\r\n';
  bom: boolean;
  /** A reviewer's comment line, whose 第N条 is no citation and must stay as written. */
  comment: boolean;
}

const heading = (level: Level): fc.Arbitrary<Heading> =>
  fc.record({
    level: fc.constant(level),
    form: fc.oneof({ weight: 4, arbitrary: fc.constant(FORMS[level][0]) }, { weight: 1, arbitrary: fc.constantFrom(...FORMS[level]) }),
    // Mostly right, sometimes any number at all: gaps, duplicates, steps back.
    wrongNumber: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) }),
    indent: fc.constantFrom('', '', '', '　　', '## '),
  });

const citation: fc.Arbitrary<CitationSpec> = fc.record({
  kind: fc.constantFrom('measure', 'measure', 'chinese', 'fullwidth', 'part', 'section', 'part-section', 'part-measure', 'list', 'section-list', 'chain', 'range', 'self-prefix', 'own-title', 'other-plan'),
  a: fc.integer({ min: 1, max: 20 }),
  b: fc.integer({ min: 1, max: 20 }),
  c: fc.integer({ min: 1, max: 20 }),
});

const measure: fc.Arbitrary<MeasureSpec> = fc.tuple(heading('measure'), fc.array(heading('item'), { maxLength: 3 }));
const part: fc.Arbitrary<[Heading, SectionSpec[] | MeasureSpec[]]> = fc.tuple(
  heading('part'),
  fc.oneof(fc.array(fc.tuple(heading('section'), fc.array(measure, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 }), fc.array(measure, { minLength: 1, maxLength: 4 })),
);

export const planArb: fc.Arbitrary<PlanSpec> = fc.record({
  parts: fc.array(part, { minLength: 1, maxLength: 4 }),
  documentForms: fc.record({
    part: fc.constantFrom('一、', '一、', '一．'),
    section: fc.constantFrom('（一）', '（一）', '(一)'),
    measure: fc.constantFrom('1.', '1.', '1．', '1、'),
    item: fc.constantFrom('（1）', '（1）', '(1)'),
  }),
  strayItems: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  measuresRestart: fc.boolean(),
  citations: fc.array(citation, { minLength: 1, maxLength: 8 }),
  pinyin: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  lineBreak: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  comment: fc.boolean(),
});

function write(form: string, n: number): string {
  if (form === '㈠') return String.fromCharCode(0x3220 + Math.min(n, 10) - 1);
  if (form === '⑴') return String.fromCharCode(0x2474 + Math.min(n, 20) - 1);
  if (form === '⒈') return String.fromCharCode(0x2488 + Math.min(n, 20) - 1);
  if (form.includes('一')) return form.replace('一', cn(n));
  if (form.includes('１')) return form.replace('１', fullwidth(n));
  return form.replace('1', String(n));
}

const cn = (n: number): string => toChineseNumeral(n)!;
const fullwidth = (n: number): string => String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function cite({ kind, a, b, c }: CitationSpec): string {
  switch (kind) {
    case 'measure':
      return `第${a}条`;
    case 'chinese':
      return `第${cn(a)}条`;
    case 'fullwidth':
      return `第${fullwidth(a)}条`;
    case 'part':
      return `第${cn(Math.min(a, 5))}部分`;
    case 'section':
      return `第（${cn(a)}）项`;
    case 'part-section':
      return `第${cn(Math.min(a, 5))}部分第（${cn(b)}）项`;
    case 'part-measure':
      return `第${cn(Math.min(a, 5))}部分第${b}条`;
    case 'list':
      return `第${a}、${b}、${c}条`;
    case 'section-list':
      return `第（${cn(a)}）、（${cn(b)}）项`;
    case 'chain':
      return `第${a}条和第${b}条`;
    case 'range':
      return `第${Math.min(a, b)}至${Math.max(a, b)}条`;
    case 'self-prefix':
      return `本方案第${a}条`;
    case 'own-title':
      return `《${OWN_TITLE}》第${a}条`;
    case 'other-plan':
      return `《${OTHER_TITLE}》第${a}条`;
  }
}

/** The plan as text. */
export function render(plan: PlanSpec): string {
  const lines = [OWN_TITLE];
  if (plan.comment) lines.push('<!-- 审稿意见：第2条与第（一）项待定 -->');
  let measureNo = 0;
  let cited = 0;
  let annotated = 0;
  const emit = (h: Heading, n: number, text: string): void => {
    const form = h.form === FORMS[h.level][0] ? plan.documentForms[h.level] : h.form;
    lines.push(`${h.indent}${write(form, h.wrongNumber ?? n)}${text}`);
  };
  const emitMeasure = ([m, items]: MeasureSpec): void => {
    const citation = cite(plan.citations[cited++ % plan.citations.length]!);
    const task = plan.pinyin[annotated++ % plan.pinyin.length] ? '推进區(qū)域改革' : '推进改革';
    emit(m, ++measureNo, `${task}。按照${citation}落实责任。`);
    items.forEach((item, i) => emit(item, i + 1, '细化措施。'));
  };
  plan.parts.forEach(([p, body], i) => {
    emit(p, i + 1, '方面任务');
    if (plan.strayItems[i % plan.strayItems.length]) lines.push('（1）无所属的细项。');
    if (plan.measuresRestart) measureNo = 0;
    body.forEach(([head, children], j) => {
      if (head.level !== 'section') return emitMeasure([head, children as Heading[]]);
      emit(head, j + 1, '重点领域');
      (children as MeasureSpec[]).forEach(emitMeasure);
    });
  });
  lines.push('本方案自印发之日起施行。');
  return (plan.bom ? '\ufeff' : '') + lines.join(plan.lineBreak);
}

type Mutation = { op: 'delete' | 'duplicate'; at: number } | { op: 'swap'; at: number; with: number } | { op: 'insert'; at: number; line: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    line: fc.constantFrom('', '　　', '（此件公开发布）', '2023年6月14日', '按照第2条和第（一）项执行。', '<!-- 第3条 -->', '?。ㄒ唬┙ㄔO', '區(qū)域ㄔO(shè)建設', '⑴区(qū)域', '## 二、方面任务'),
  }),
);

/** A defective plan with lines deleted, duplicated, swapped or inserted: no longer well formed at all. */
const messyPlanArb: fc.Arbitrary<string> = fc.tuple(planArb, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([plan, mutations]) => {
  const lines = render(plan).split(plan.lineBreak);
  for (const m of mutations) {
    const i = m.at % lines.length;
    if (m.op === 'delete' && lines.length > 1) lines.splice(i, 1);
    else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (m.op === 'swap') [lines[i], lines[m.with % lines.length]] = [lines[m.with % lines.length]!, lines[i]!];
    else if (m.op === 'insert') lines.splice(i, 0, m.line);
  }
  return lines.join(plan.lineBreak);
});

/** A defective plan, well formed or messy. */
export const defectivePlanText: fc.Arbitrary<string> = fc.oneof(planArb.map(render), messyPlanArb);
