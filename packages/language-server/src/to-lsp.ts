import { ruleDocsUrl, type Finding, type Locale, type RelatedLocation, type Severity } from '@policylint/checker';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { URI } from 'vscode-uri';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Corpus plans are identified by their path; the LSP wants URIs. */
export function documentUri(id: string | undefined, self: string): string {
  return id === undefined ? self : URI.file(id).toString();
}

/**
 * The one place a checker finding becomes an LSP diagnostic (ranges are already LSP ranges). It carries
 * no fix: quick fixes find their finding again by `code` and range (`codeActions`), since a level's
 * renumbering, shared by every gap of the level, copied into each diagnostic made gigabytes of JSON
 * for a 20 MB plan.
 */
export function toDiagnostic(finding: Finding, locale: Locale, uri: string): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: 'policylint',
    message: finding.message[locale],
    ...(finding.related === undefined ? {} : { relatedInformation: finding.related.map((r) => toRelated(r, locale, uri)) }),
  };
}

function toRelated(related: RelatedLocation, locale: Locale, uri: string): DiagnosticRelatedInformation {
  return { location: { uri: documentUri(related.document, uri), range: related.range }, message: related.message[locale] };
}
