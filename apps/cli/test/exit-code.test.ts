import { localized, type Finding } from '@policylint/checker';
import { describe, expect, it } from 'vitest';
import { checkExitCode } from '../src/check/exit-code.js';
import type { FileResult } from '../src/file-result.js';

const finding = (severity: Finding['severity'], fatal?: true): Finding => ({
  ruleId: 'numbering-marker',
  severity,
  message: localized('', ''),
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  ...(fatal === undefined ? {} : { fatal }),
});
const files = (...findings: Finding[]): FileResult[] => [{ filePath: '/w/a.txt', findings }];
const run = (found: FileResult[], overrides: Partial<Parameters<typeof checkExitCode>[0]> = {}) =>
  checkExitCode({ fileFailed: false, found, reported: found, maxWarnings: undefined, ...overrides });

describe('checkExitCode', () => {
  it('is 0 without errors, 1 with an error, 1 with more warnings than allowed', () => {
    expect(run(files(finding('warning'), finding('info')))).toBe(0);
    expect(run(files(finding('error')))).toBe(1);
    expect(run(files(finding('warning'), finding('warning')), { maxWarnings: 1 })).toBe(1);
    expect(run(files(finding('warning')), { maxWarnings: 1 })).toBe(0);
  });

  it('is 2 when a rule crashed (its finding is fatal), as ESLint exits 2 when a rule throws', () => {
    expect(run(files(finding('error', true)))).toBe(2);
    expect(run(files(finding('warning'), finding('error', true)))).toBe(2);
  });

  it('is 2 for a crashed rule even when a baseline hid its finding, and counts only what the baseline left otherwise', () => {
    expect(run(files(finding('error', true)), { reported: files() })).toBe(2);
    expect(run(files(finding('error')), { reported: files() })).toBe(0);
  });

  it('is 2 when a file could not be handled', () => {
    expect(run(files(), { fileFailed: true })).toBe(2);
  });
});
