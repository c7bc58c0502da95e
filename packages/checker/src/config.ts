import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { GLOB_LIMITS, TOO_MANY_GLOBS, unboundedGlobReason } from './bounded-glob.js';
import { CORPUS_GLOB_OUTSIDE, globLeavesBase } from './corpus-glob.js';
import { localized, LOCALES, type Locale, type Localized, type Severity } from './finding.js';
import { DEFAULT_OVERLAP_PARAMS } from './overlap/params.js';

export const RULE_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

/**
 * Where measure numbers restart: never (`document`), in each part, in each section, or as the
 * document itself mostly does (`auto`).
 */
export const MEASURE_NUMBERING = ['auto', 'document', 'part', 'section'] as const;
export type MeasureNumbering = (typeof MEASURE_NUMBERING)[number];

/** Values that apply when the configuration leaves a key out; the schema documents them. */
export const CONFIG_DEFAULTS = {
  locale: 'zh-CN',
  measureNumbering: 'auto',
  overlapThreshold: DEFAULT_OVERLAP_PARAMS.threshold,
  maxMatches: 3,
} as const satisfies Pick<ResolvedConfig, 'locale' | 'measureNumbering' | 'overlapThreshold' | 'maxMatches'>;

/**
 * Chinese descriptions of the configuration keys, for docs/configuration.md. The English ones are
 * the schema's own descriptions and go into the JSON Schema that editors show.
 */
export const CONFIG_DESCRIPTIONS_ZH = z.registry<{ description: string }>();

/** Attaches both descriptions, and the default when the key has one, to a key's schema. */
function documented<T extends z.ZodType>(schema: T, text: Localized, defaultValue?: unknown): T {
  const meta = defaultValue === undefined ? { description: text.en } : { description: text.en, default: defaultValue };
  const described = schema.meta(meta);
  CONFIG_DESCRIPTIONS_ZH.add(described as z.ZodType, { description: text['zh-CN'] });
  return described;
}

/**
 * `policylint.config.json`. Unknown keys are errors: a misspelt setting must not pass silently.
 * Built on first use, not at import: building zod schemas was ~5 ms of every CLI start, and a run
 * without a configuration file never reads one.
 */
export function configSchema() {
  return (schema ??= buildConfigSchema());
}

let schema: ReturnType<typeof buildConfigSchema> | undefined;

function buildConfigSchema() {
  return documented(
    z.strictObject({
      $schema: documented(z.string().optional(), localized('本文件的 JSON Schema，供编辑器补全和校验。', 'The JSON Schema of this file, for editor completion.')),
      locale: documented(
        z.enum(LOCALES).optional(),
        localized('消息的语言：zh-CN（中文）或 en（英文）。命令行的 --locale 优先。', 'Language of messages: zh-CN or en. The command line\'s --locale takes precedence.'),
        CONFIG_DEFAULTS.locale,
      ),
      rules: documented(
        z.record(z.string(), z.enum(RULE_SETTINGS)).optional(),
        localized(
          '按规则 id 设置级别：off（关闭）、info（提示）、warning（警告）或 error（错误）。未列出的规则按其默认级别运行。',
          'Severity per rule id: off, info, warning or error. A rule left out runs at its default severity.',
        ),
        {},
      ),
      numbering: documented(
        z
          .strictObject({
            measures: documented(
              z.enum(MEASURE_NUMBERING).optional(),
              localized(
                '条序号在何处重新编号：document（全文连续）、part（每部分重新编号）、section（每项重新编号），或 auto（按文件自身的写法判定）。',
                'Where measure numbers restart: document (never), part, section, or auto (detect from the document).',
              ),
              CONFIG_DEFAULTS.measureNumbering,
            ),
          })
          .optional(),
        localized('层次序号的编号方式。', 'Numbering conventions.'),
      ),
      overlap: documented(
        z
          .strictObject({
            threshold: documented(
              z.number().min(0.1).max(1).optional(),
              localized(
                '相似度达到此值（0.1–1）的措施视为重复；overlap-existing 和 overlap-internal 共用。',
                'Similarity (0.1–1) at which a measure counts as a repeat; shared by overlap-existing and overlap-internal.',
              ),
              CONFIG_DEFAULTS.overlapThreshold,
            ),
            maxMatches: documented(
              z.int().min(1).max(20).optional(),
              localized('`policylint similar` 为每条措施列出的最相近措施数。', 'How many matches `policylint similar` lists per measure.'),
              CONFIG_DEFAULTS.maxMatches,
            ),
          })
          .optional(),
        localized('与现行方案的重复检查。', 'Overlap with plans in force.'),
      ),
      corpus: documented(
        z
          .array(
            z
              .string()
              .min(1)
              .refine((glob) => !globLeavesBase(glob), { message: CORPUS_GLOB_OUTSIDE.en, params: { localized: CORPUS_GLOB_OUTSIDE } })
              .superRefine((glob, context) => {
                const reason = unboundedGlobReason(glob);
                if (reason !== undefined) context.addIssue({ code: 'custom', message: reason.en, params: { localized: reason } });
              }),
          )
          .superRefine((globs, context) => {
            if (globs.length > GLOB_LIMITS.globs) context.addIssue({ code: 'custom', message: TOO_MANY_GLOBS.en, params: { localized: TOO_MANY_GLOBS } });
          })
          .optional(),
        localized(
          '现行方案（语料库）的 glob，相对于本文件，不能用 .. 跳出本文件所在目录；其他位置的方案请写绝对路径。未设置时使用本文件旁的 seeds/ 目录，或被检查文件上层最近的 seeds/ 目录。' +
            `glob 写法：\`*\` 匹配名称中的任意字符，\`**\` 单独作为一层目录（如 \`a/**/b\`）时匹配任意层目录，\`?\` 匹配一个字符，\`[0-9]\` 匹配一类字符，\`{a,b}\` 表示备选，开头的 \`!\` 表示排除。至多 ${GLOB_LIMITS.wildcards} 个 \`*\` 或 \`**\`（同一名称内至多 ${GLOB_LIMITS.starsPerName} 个 \`*\`，\`**\` 至多 ${GLOB_LIMITS.globstars} 个），\`{…}\` 至多 ${GLOB_LIMITS.combinations} 种组合，至多 ${GLOB_LIMITS.globs} 个 glob；不支持圆括号（扩展 glob 如 \`+(…)\`）和 \`{1..9}\` 这样的范围：超出这些限制的 glob 匹配可能耗时极长，不予接受。`,
          'Globs of the plans in force (the corpus), relative to this file and inside its folder (no .. above it); plans elsewhere need an absolute path. Unset: the seeds/ folder next to this file, or the nearest seeds/ above the checked file. ' +
            `Glob syntax: \`*\` matches any characters within a name, \`**\` any folders (standing alone: \`a/**/b\`), \`?\` one character, \`[0-9]\` one of a class, \`{a,b}\` alternatives, a leading \`!\` leaves files out. At most ${GLOB_LIMITS.wildcards} \`*\` or \`**\` (at most ${GLOB_LIMITS.starsPerName} \`*\` within one name and ${GLOB_LIMITS.globstars} \`**\`) and ${GLOB_LIMITS.combinations} \`{…}\` combinations, at most ${GLOB_LIMITS.globs} globs; no parentheses (extglobs such as \`+(…)\`) and no ranges such as \`{1..9}\`: globs past these limits could take very long to match and are refused.`,
        ),
      ),
    }),
    localized('policylint 配置', 'policylint configuration'),
  );
}

export type Config = z.infer<ReturnType<typeof configSchema>>;

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
  message: Localized;
}

// zod's own Chinese wording of what is wrong (a drafter's configuration error is zh-CN by default
// too), except that it calls Infinity (1e400 in JSON) a number received where a number was expected.
const ZH_CN = zhCN().localeError;
const zhCnError: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && typeof issue.input === 'number' && !Number.isFinite(issue.input)
    ? `无效输入：期望 有限的数字，实际接收 ${issue.input}`
    : ZH_CN(issue);

/**
 * Validates parsed JSON against the schema, checking rule ids against `knownRules`.
 * @returns the resolved configuration, or the issues found.
 */
export function parseConfig(
  json: unknown,
  knownRules: readonly string[],
): { ok: true; config: ResolvedConfig } | { ok: false; issues: ConfigIssue[] } {
  const parsed = configSchema().safeParse(json);
  if (!parsed.success) {
    // Parsed again for zod's zh-CN wording: the same input gives the same issues in the same order.
    const zh = configSchema().safeParse(json, { error: zhCnError }).error?.issues ?? [];
    return {
      ok: false,
      // An unknown key is reported at the key itself, not at the object that holds it.
      issues: parsed.error.issues.flatMap((issue, i) => {
        const at = issue.path.map(String);
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...at, key]) : [at];
        // A check of our own (a corpus glob) carries its own words in both languages.
        const own = issue.code === 'custom' ? (issue.params?.['localized'] as Localized | undefined) : undefined;
        const message = own ?? localized(zh[i]?.message ?? issue.message, issue.message);
        return keys.map((path) => ({ key: path.join('.') || '(root)', message }));
      }),
    };
  }
  const unknown = Object.keys(parsed.data.rules ?? {}).filter((id) => !knownRules.includes(id));
  if (unknown.length > 0) {
    const known = knownRules.join(', ');
    return { ok: false, issues: unknown.map((id) => ({ key: `rules.${id}`, message: localized(`未知规则；已知规则：${known}`, `unknown rule; known rules: ${known}`) })) };
  }
  return { ok: true, config: resolveConfig(parsed.data) };
}

/** Fills in the defaults of a valid configuration. */
export function resolveConfig(config: Config = {}): ResolvedConfig {
  return {
    locale: config.locale ?? CONFIG_DEFAULTS.locale,
    rules: config.rules ?? {},
    measureNumbering: config.numbering?.measures ?? CONFIG_DEFAULTS.measureNumbering,
    overlapThreshold: config.overlap?.threshold ?? CONFIG_DEFAULTS.overlapThreshold,
    maxMatches: config.overlap?.maxMatches ?? CONFIG_DEFAULTS.maxMatches,
    corpus: config.corpus,
  };
}

/** The severity a rule runs at under `config`, or undefined when it is off. */
export function effectiveSeverity(config: ResolvedConfig, ruleId: string, defaultSeverity: Severity): Severity | undefined {
  const setting = config.rules[ruleId] ?? defaultSeverity;
  return setting === 'off' ? undefined : setting;
}
