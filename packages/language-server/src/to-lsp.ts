import { ruleDocsUrl, type Finding, type Locale, type RelatedLocation, type Severity, type TextEdit } from '@policylint/checker';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { URI } from 'vscode-uri';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a quick fix needs from its diagnostic; found again by `code`, never by message text. */
export interface DiagnosticData {
  fix?: { title: string; edits: TextEdit[] };
  suggestions?: Array<{ title: string; edits: TextEdit[] }>;
}

/** Corpus plans are identified by their path; the LSP wants URIs. */
export function documentUri(id: string | undefined, self: string): string {
  return id === undefined ? self : URI.file(id).toString();
}

/** The one place a checker finding becomes an LSP diagnostic (ranges are already LSP ranges). */
export function toDiagnostic(finding: Finding, locale: Locale, uri: string): Diagnostic {
  const data: DiagnosticData = {};
  if (finding.fix !== undefined) data.fix = { title: finding.fix.description[locale], edits: finding.fix.edits };
  if (finding.suggestions !== undefined) data.suggestions = finding.suggestions.map((s) => ({ title: s.description[locale], edits: s.edits }));
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: 'policylint',
    message: finding.message[locale],
    ...(finding.related === undefined ? {} : { relatedInformation: finding.related.map((r) => toRelated(r, locale, uri)) }),
    data,
  };
}

function toRelated(related: RelatedLocation, locale: Locale, uri: string): DiagnosticRelatedInformation {
  return { location: { uri: documentUri(related.document, uri), range: related.range }, message: related.message[locale] };
}
