import type { Locale, Severity } from '@policylint/checker';

/** Severities as reports name them to people. */
export const SEVERITY_LABELS: Readonly<Record<Locale, Readonly<Record<Severity, string>>>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
