import { RULES, ruleDocsUrl, type Locale, type Rule, type Severity } from '@policylint/checker';
import type { Range } from '@policylint/core';
import type { Invocation, Log, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import type { FileResult } from '../file-result.js';
import type { PackageInfo } from '../package-info.js';
import { fingerprints } from './fingerprints.js';
import { fileUri, folderUri, pathInside, relativeUri, reportPath } from './report-paths.js';
import { SEVERITY_LABELS } from './severity-labels.js';

export interface SarifOptions {
  locale: Locale;
  /** Files under it are named relative to it, through the `%SRCROOT%` base id. */
  cwd: string;
  /** The tool's version and home page (`informationUri`). */
  tool: PackageInfo;
  /** One line per file that could not be checked: the run did not fully succeed. */
  failures: readonly string[];
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, one run: every rule with its docs link, one result per finding with 1-based
 * regions in UTF-16 code units (`columnKind`, the same units as the language server's ranges),
 * and related locations for the first of a duplicate or the corpus measure a draft repeats.
 */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const { locale, cwd, failures } = options;
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const sarifResults = results.flatMap(({ filePath, findings }) => {
    const prints = fingerprints(reportPath(cwd, filePath), findings);
    return findings.map((finding, i): Result => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: finding.message[locale] },
      locations: [{ physicalLocation: physicalLocation(filePath, finding.range, cwd) }],
      relatedLocations: finding.related?.map((related, id) => ({
        id,
        // Corpus plans are identified by their path.
        physicalLocation: physicalLocation(related.document ?? filePath, related.range, cwd),
        message: { text: related.message[locale] },
      })),
      partialFingerprints: { 'policylint/v1': prints[i]! },
    }));
  });
  const invocation: Invocation = { executionSuccessful: failures.length === 0 };
  if (failures.length > 0) invocation.toolExecutionNotifications = failures.map((text) => ({ level: 'error', message: { text } }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policylint',
            version: options.tool.version,
            informationUri: options.tool.homepage,
            rules: RULES.map((rule) => descriptor(rule, locale)),
          },
        },
        language: locale,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        invocations: [invocation],
        results: sarifResults,
      },
    ],
  };
  // undefined members (no related locations) are left out.
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: Rule, locale: Locale): ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.description[locale] },
    fullDescription: { text: fullDescription(rule, locale) },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { fixable: rule.fixable },
  };
}

/** The description with what the rule docs' header says besides it: default severity and whether --fix fixes it. */
function fullDescription(rule: Rule, locale: Locale): string {
  const level = SEVERITY_LABELS[locale][rule.defaultSeverity];
  if (locale === 'zh-CN') return `${rule.description[locale]}。默认级别：${level}${rule.fixable ? '；可用 policylint check --fix 自动修复' : ''}。`;
  const sentence = rule.description.en.charAt(0).toUpperCase() + rule.description.en.slice(1);
  return `${sentence}. Default severity: ${level}${rule.fixable ? '; fixable with policylint check --fix' : ''}.`;
}

/**
 * Inside the working folder a file is a relative URI on `%SRCROOT%`, as ESLint's SARIF formatter
 * writes it; elsewhere (a corpus outside it) an absolute `file:` URI. Regions are 1-based with an
 * exclusive end column: the checker's 0-based LSP range plus one.
 */
function physicalLocation(filePath: string, range: Range, cwd: string): PhysicalLocation {
  const inside = pathInside(cwd, filePath);
  return {
    artifactLocation: inside === undefined ? { uri: fileUri(filePath) } : { uri: relativeUri(inside), uriBaseId: SRCROOT },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}
