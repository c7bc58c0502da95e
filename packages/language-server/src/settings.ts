import { MEASURE_NUMBERING, type Locale, type MeasureNumbering } from '@policylint/checker';

/** The `policylint.*` settings an editor sends (VS Code's contributes.configuration). */
export interface EditorSettings {
  enable: boolean;
  /** Message language; default: the editor's display language. */
  locale: Locale | undefined;
  /** Milliseconds to wait after the last keystroke before checking. */
  debounce: number;
  /** Rule severities; a policylint.config.json overrides them. */
  rules: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Whether the Problems panel shows every plan of the workspace, not only open ones. */
  workspaceDiagnostics: boolean;
  /** At most this many files are checked for workspace diagnostics. */
  workspaceDiagnosticsLimit: number;
  /** Globs of files checked as plans even when they do not read as one (e.g. a draft with one heading yet). */
  include: string[];
  /** Globs of the corpus relative to the workspace folder; empty: the nearest `seeds/` (as the CLI). */
  corpus: string[];
  /** Where measure numbers restart (`numbering.measures`); undefined: the configuration's default. */
  measureNumbering: MeasureNumbering | undefined;
  /** Similarity at which a measure counts as a repeat (`overlap.threshold`); undefined: the default. */
  overlapThreshold: number | undefined;
}

export const DEFAULT_SETTINGS: EditorSettings = {
  enable: true,
  locale: undefined,
  debounce: 150,
  rules: {},
  workspaceDiagnostics: true,
  workspaceDiagnosticsLimit: 500,
  include: [],
  corpus: [],
  measureNumbering: undefined,
  overlapThreshold: undefined,
};

/** Reads what the client sent, keeping defaults for anything missing or of the wrong type. */
export function readSettings(raw: unknown): EditorSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const locale = value['locale'];
  const rules = value['rules'];
  const measures = objectAt(value, 'numbering')['measures'];
  const threshold = objectAt(value, 'overlap')['threshold'];
  return {
    enable: typeof value['enable'] === 'boolean' ? value['enable'] : DEFAULT_SETTINGS.enable,
    locale: locale === 'zh-CN' || locale === 'en' ? locale : undefined,
    debounce: typeof value['debounce'] === 'number' && value['debounce'] >= 0 ? value['debounce'] : DEFAULT_SETTINGS.debounce,
    rules: typeof rules === 'object' && rules !== null ? (rules as EditorSettings['rules']) : {},
    workspaceDiagnostics: typeof value['workspaceDiagnostics'] === 'boolean' ? value['workspaceDiagnostics'] : DEFAULT_SETTINGS.workspaceDiagnostics,
    workspaceDiagnosticsLimit:
      typeof value['workspaceDiagnosticsLimit'] === 'number' && value['workspaceDiagnosticsLimit'] >= 0 ? value['workspaceDiagnosticsLimit'] : DEFAULT_SETTINGS.workspaceDiagnosticsLimit,
    include: strings(value['include']),
    corpus: strings(value['corpus']),
    measureNumbering: MEASURE_NUMBERING.find((m) => m === measures),
    overlapThreshold: typeof threshold === 'number' && threshold >= 0.1 && threshold <= 1 ? threshold : undefined,
  };
}

function objectAt(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const found = value[key];
  return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g !== '') : [];
}

/** The editor's display language as a message locale: zh-cn, zh-tw… → zh-CN, anything else → en. */
export function localeOf(displayLanguage: string | undefined): Locale {
  return displayLanguage === undefined || displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
