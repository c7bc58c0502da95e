import { formatMarker, type NodeKind } from '@policylint/core';
import { localized, type Localized, type RuleFinding } from '../finding.js';
import type { Rule } from '../rule.js';

const KINDS: readonly NodeKind[] = ['part', 'section', 'measure', 'item'];

export const numberingMarker: Rule = {
  id: 'numbering-marker',
  defaultSeverity: 'warning',
  description: localized('层次序号的写法不符合其层级或全文不统一', 'a marker in the wrong form for its level, or mixed forms in one document'),
  fixable: true,
  check({ numbering }) {
    const analysis = numbering();
    const findings: RuleFinding[] = [];
    for (const kind of KINDS) {
      const { targetForm, entries } = analysis[kind];
      if (targetForm === undefined) continue;
      for (const { node } of entries) {
        const form = node.marker.form;
        if (form === null || form === targetForm) continue;
        const want = formatMarker(targetForm, node.number);
        if (want === undefined) continue;
        // Quoted as written, trailing space included: it may be the very defect.
        const got = node.marker.text;
        const why = reason(form, targetForm);
        findings.push({
          message: localized(`“${got}”应为“${want}”：${why['zh-CN']}`, `"${got}" should be "${want}": ${why.en}`),
          range: node.marker.range,
          fix: { description: localized(`改为“${want}”`, `change to "${want}"`), edits: [{ range: node.marker.range, newText: want }] },
        });
      }
    }
    return findings;
  },
};

/** Why `form` is wrong where `target` is right, citing the clause that says so. */
function reason(form: string, target: string): Localized {
  if (form.trimEnd() !== form && form.trimEnd() === target) {
    return localized('序号后不加空格（GB/T 9704-2012 §7.3.3）', 'no space after a marker (GB/T 9704-2012 §7.3.3)');
  }
  if (/^[㈠⒈⑴]/.test(form)) {
    return localized('不用单字符的带括号或带点序号（GB/T 9704-2012 §7.3.3）', 'no single-character enclosed marker (GB/T 9704-2012 §7.3.3)');
  }
  if (form.includes('１')) {
    return localized('序号用半角阿拉伯数字（GB/T 15834-2011 附录B.3.3）', 'markers use half-width Arabic digits (GB/T 15834-2011 B.3.3)');
  }
  switch (target) {
    case '一、':
      return localized('汉字数字序号后用顿号“、”（GB/T 15834-2011 附录B.3）', 'a Chinese-numeral marker takes the enumeration comma 、 (GB/T 15834-2011 B.3)');
    case '1.':
      return form === '1．'
        ? localized('本文件多数序号用半角下脚点“.”，应统一（GB/T 15834-2011 附录B.3.3）', 'most of this document uses the half-width point ".": use one form (GB/T 15834-2011 B.3.3)')
        : localized('阿拉伯数字序号后用下脚点“.”，不用顿号或括号（GB/T 15834-2011 附录B.3.3）', 'an Arabic-numeral marker takes a full stop, not 、 or a bracket (GB/T 15834-2011 B.3.3)');
    case '1．':
      return localized('本文件多数序号用全角点“．”，应统一（GB/T 15834-2011 附录B.3.3）', 'most of this document uses the full-width point "．": use one form (GB/T 15834-2011 B.3.3)');
    default:
      if (!/^[（(]/.test(form)) {
        return localized('括号序号用一对全角括号“（）”（GB/T 15834-2011 附录B.3.4）', 'a bracketed marker needs both full-width brackets （） (GB/T 15834-2011 B.3.4)');
      }
      return /[、.．]$/.test(form.trimEnd())
        ? localized('括号序号后不加标点（GB/T 15834-2011 附录B.3.4）', 'a bracketed marker takes no punctuation after it (GB/T 15834-2011 B.3.4)')
        : localized('序号用全角括号“（）”（GB/T 15834-2011 附录B.3.4）', 'markers use full-width brackets （） (GB/T 15834-2011 B.3.4)');
  }
}
