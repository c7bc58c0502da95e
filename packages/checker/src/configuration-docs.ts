import * as z from 'zod';
import { CONFIG_DESCRIPTIONS_ZH, configSchema, type Config } from './config.js';
import { localized, type Localized } from './finding.js';
import { RULES } from './rules/index.js';

/** The part of a draft-7 JSON Schema that zod emits for the configuration. */
interface SchemaNode {
  description?: string;
  default?: unknown;
  type?: string;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
}

/** One key of policylint.config.json as the docs show it; `path` is dotted (`overlap.threshold`). */
export interface ConfigKeyDoc {
  path: string;
  type: string;
  /** As JSON, or undefined when leaving the key out means something the description explains. */
  default: string | undefined;
  allowed: string | undefined;
  description: Localized;
}

/** Every key of the configuration, parents before children, read from the zod schema. */
export function configKeyDocs(): ConfigKeyDoc[] {
  const en = z.toJSONSchema(configSchema(), { target: 'draft-7' }) as SchemaNode;
  const zh = z.toJSONSchema(configSchema(), { target: 'draft-7', metadata: CONFIG_DESCRIPTIONS_ZH }) as SchemaNode;
  const keys: ConfigKeyDoc[] = [];
  const walk = (node: SchemaNode, zhNode: SchemaNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const zhChild = zhNode.properties?.[name] ?? {};
      const path = prefix + name;
      keys.push({
        path,
        type: typeOf(child),
        default: child.default === undefined ? undefined : JSON.stringify(child.default),
        allowed: allowedOf(child),
        description: localized(zhChild.description ?? '', child.description ?? ''),
      });
      walk(child, zhChild, `${path}.`);
    }
  };
  walk(en, zh, '');
  return keys;
}

function typeOf(node: SchemaNode): string {
  if (node.type === 'array' && node.items !== undefined) return `${typeOf(node.items)}[]`;
  return node.type ?? 'any';
}

function allowedOf(node: SchemaNode): string | undefined {
  if (node.enum !== undefined) return node.enum.map((value) => code(JSON.stringify(value))).join(' ');
  if (node.minimum !== undefined && node.maximum !== undefined) return `${node.minimum}–${node.maximum}`;
  if (node.type === 'array' && node.items !== undefined) return allowedOf(node.items);
  if (node.minLength === 1) return 'non-empty';
  const values = node.additionalProperties;
  if (typeof values === 'object') return `rule id → ${allowedOf(values) ?? typeOf(values)}`;
  return undefined;
}

/** The worked example of docs/configuration.md; a test parses it, so it stays valid. */
export const EXAMPLE_CONFIG = {
  $schema: './node_modules/@policylint/checker/policylint.config.schema.json',
  locale: 'zh-CN',
  rules: { 'numbering-marker': 'error', 'xref-unknown-document': 'warning', 'text-encoding': 'off' },
  numbering: { measures: 'part' },
  overlap: { threshold: 0.6, maxMatches: 5 },
  corpus: ['seeds/**/*.txt', 'plans/in-force/**/*.{txt,md}'],
} as const satisfies Config;

const GENERATED = '<!-- Generated from the zod schema (packages/checker/src/config.ts) and the rule registry by packages/checker/scripts/write-docs.mjs. Do not edit: `npm run build` rewrites it. -->';

/** docs/configuration.md: every key with type, default, allowed values and both descriptions. */
export function configurationDocs(): string {
  const keys = configKeyDocs().map((key) =>
    row([code(key.path), code(key.type), key.default === undefined ? '—' : code(key.default), key.allowed ?? '—', key.description['zh-CN'], key.description.en]),
  );
  return [
    GENERATED,
    '',
    '# 配置 (Configuration)',
    '',
    'policylint 从被检查文件所在目录向上查找 `policylint.config.json`，用找到的第一个；也可用 `policylint check --config FILE` 指定。没有配置文件时全部取默认值。配置文件用 zod 校验：未知的键、写错的值都是错误，CLI 报告文件路径和出错的键并以退出码 2 结束，不会悄悄忽略。',
    '',
    'policylint reads the nearest `policylint.config.json` walking up from each checked file, or the file given with `--config`. Without one, every default applies. The file is validated: an unknown key or a wrong value is an error that names the file and the key (exit code 2), never silently ignored. Set `$schema` to the shipped JSON Schema (`@policylint/checker/policylint.config.schema.json`) for completion and hover in editors.',
    '',
    '## 键 (Keys)',
    '',
    row(['key', 'type', 'default', 'allowed', '说明', 'description']),
    row(Array(6).fill('---')),
    ...keys,
    '',
    '## 规则级别 (Rule severities)',
    '',
    '`rules` 中的每个键是一个规则 id，值为 `off`、`info`、`warning` 或 `error`；未列出的规则按下表的默认级别运行。可自动修复的问题由 `policylint check --fix` 修复。',
    '',
    'Each key of `rules` is a rule id below; a rule left out runs at its default severity. Fixable findings are fixed by `policylint check --fix`.',
    '',
    ...ruleTable('rules/'),
    '',
    '## 示例 (Example)',
    '',
    '```json',
    JSON.stringify(EXAMPLE_CONFIG, null, 2),
    '```',
    '',
    '- `$schema`：编辑器据此补全键名、提示取值。Editors complete keys and values from it.',
    '- `rules`：序号写法问题升为错误，引用语料库外的文件升为警告，不检查文字损坏。Marker problems become errors, citations of plans outside the corpus warnings, and damaged text is not checked.',
    '- `numbering.measures`：条序号在每个部分重新从 1 开始（默认 `auto` 按文件自身的写法判定）。Measures restart at 1 in each part, instead of being detected.',
    '- `overlap`：相似度 0.6 及以上才报告重复；`policylint similar` 每条措施列出 5 条最相近的措施。Repeats are reported from similarity 0.6; `policylint similar` lists 5 matches per measure.',
    '- `corpus`：语料库由 `seeds/` 下的 `.txt` 文件和 `plans/in-force/` 下的全部文稿组成，路径相对于配置文件。The corpus is the `.txt` files under `seeds/` and every draft under `plans/in-force/`, relative to the configuration file.',
    '',
  ].join('\n');
}

/** The rule table shared by docs/configuration.md and docs/rules/README.md; `base` leads to the rule pages. */
function ruleTable(base: string): string[] {
  return [
    row(['rule', 'default severity', 'fixable', '说明 (zh-CN)', 'description (en)']),
    row(Array(5).fill('---')),
    ...RULES.map((rule) =>
      row([`[${rule.id}](${base}${rule.id}.md)`, code(rule.defaultSeverity), rule.fixable ? 'yes' : 'no', rule.description['zh-CN'], rule.description.en]),
    ),
  ];
}

/** docs/rules/README.md: the rule index. */
export function ruleIndexDocs(): string {
  return [
    GENERATED,
    '',
    '# 规则 (Rules)',
    '',
    '每条规则的默认级别可在 `policylint.config.json` 中修改，例如 `{ "rules": { "text-encoding": "off" } }`（见[配置](../configuration.md)）。可自动修复的问题由 `policylint check --fix` 修复。',
    '',
    "Each rule's severity can be changed in `policylint.config.json` (`off`, `info`, `warning`, `error`; see [configuration](../configuration.md)). Fixable findings are fixed by `policylint check --fix`.",
    '',
    ...ruleTable(''),
    '',
    '## 示例经过测试 (The examples are tested)',
    '',
    '每个规则页的“错误示例”和“正确示例”都由测试逐个检查（`packages/checker/test/rule-docs.test.ts`，语料库为本仓库的 `seeds/`）：错误示例中每个 `text` 代码块之后紧跟一个 `console` 代码块，列出本规则对它报告的全部问题（`行:列  消息`），必须与实际结果完全一致；正确示例中的每个 `text` 代码块不得产生任何问题。新增规则而没有这两种示例，测试失败。',
    '',
    "Every rule page's examples are run by a test (`packages/checker/test/rule-docs.test.ts`, with the repository's `seeds/` as corpus). Under 错误示例 (Wrong), each `text` block is followed by a `console` block listing every finding of that rule (`line:column  message`, zh-CN), and the two must match exactly; under 正确示例 (Right), each `text` block must give no finding at all. A rule without both kinds of example fails the test.",
    '',
  ].join('\n');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
}

function code(text: string): string {
  return `\`${text}\``;
}
