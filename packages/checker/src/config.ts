import { z } from 'zod';
import { LOCALES, type Locale, type Severity } from './finding.js';
import { DEFAULT_OVERLAP_PARAMS } from './overlap/params.js';

export const RULE_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

/**
 * Where measure numbers restart: never (`document`), in each part, in each section, or as the
 * document itself mostly does (`auto`).
 */
export const MEASURE_NUMBERING = ['auto', 'document', 'part', 'section'] as const;
export type MeasureNumbering = (typeof MEASURE_NUMBERING)[number];

/** `policylint.config.json`. Unknown keys are errors: a misspelt setting must not pass silently. */
export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editor completion.'),
    locale: z.enum(LOCALES).optional().describe('Language of messages: zh-CN (default) or en.'),
    rules: z
      .record(z.string(), z.enum(RULE_SETTINGS))
      .optional()
      .describe('Severity per rule id: off, info, warning or error.'),
    numbering: z
      .strictObject({
        measures: z
          .enum(MEASURE_NUMBERING)
          .optional()
          .describe('Where measure numbers restart: document, part, section, or auto (detect from the document).'),
      })
      .optional()
      .describe('Numbering conventions.'),
    overlap: z
      .strictObject({
        threshold: z.number().min(0.1).max(1).optional().describe('Similarity (0.1–1) at which a measure counts as a repeat; default 0.45.'),
        maxMatches: z.int().min(1).max(20).optional().describe('How many matches `policylint similar` lists per measure; default 3.'),
      })
      .optional()
      .describe('Overlap with plans in force.'),
    corpus: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs of the plans in force, relative to this file (default: seeds/**/*.{txt,md}).'),
  })
  .describe('policylint configuration');

export type Config = z.infer<typeof ConfigSchema>;

/** The configuration with every default filled in, as rules see it. */
export interface ResolvedConfig {
  locale: Locale;
  /** Severity per rule id; a rule missing here runs at its default, `off` means it does not run. */
  rules: Readonly<Record<string, RuleSetting>>;
  measureNumbering: MeasureNumbering;
  overlapThreshold: number;
  maxMatches: number;
  /** Globs of the corpus relative to the configuration file; undefined: look for a `seeds/` folder. */
  corpus: readonly string[] | undefined;
}

export const DEFAULT_CORPUS = ['seeds/**/*.{txt,md}'] as const;

/** One problem in a configuration file, as `path: key: what is wrong`. */
export interface ConfigIssue {
  key: string;
  message: string;
}

/**
 * Validates parsed JSON against the schema, checking rule ids against `knownRules`.
 * @returns the resolved configuration, or the issues found.
 */
export function parseConfig(
  json: unknown,
  knownRules: readonly string[],
): { ok: true; config: ResolvedConfig } | { ok: false; issues: ConfigIssue[] } {
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      // An unknown key is reported at the key itself, not at the object that holds it.
      issues: parsed.error.issues.flatMap((issue) => {
        const at = issue.path.map(String);
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...at, key]) : [at];
        return keys.map((path) => ({ key: path.join('.') || '(root)', message: issue.message }));
      }),
    };
  }
  const unknown = Object.keys(parsed.data.rules ?? {}).filter((id) => !knownRules.includes(id));
  if (unknown.length > 0) {
    return { ok: false, issues: unknown.map((id) => ({ key: `rules.${id}`, message: `unknown rule; known rules: ${knownRules.join(', ')}` })) };
  }
  return { ok: true, config: resolveConfig(parsed.data) };
}

/** Fills in the defaults of a valid configuration. */
export function resolveConfig(config: Config = {}): ResolvedConfig {
  return {
    locale: config.locale ?? 'zh-CN',
    rules: config.rules ?? {},
    measureNumbering: config.numbering?.measures ?? 'auto',
    overlapThreshold: config.overlap?.threshold ?? DEFAULT_OVERLAP_PARAMS.threshold,
    maxMatches: config.overlap?.maxMatches ?? 3,
    corpus: config.corpus,
  };
}

/** The severity a rule runs at under `config`, or undefined when it is off. */
export function effectiveSeverity(config: ResolvedConfig, ruleId: string, defaultSeverity: Severity): Severity | undefined {
  const setting = config.rules[ruleId] ?? defaultSeverity;
  return setting === 'off' ? undefined : setting;
}
