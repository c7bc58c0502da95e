import { readFileSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';

// A real draft (numbering, citation and overlap defects), with one character of its title lost to an
// earlier bad conversion, so that line 1 has a finding too: a BOM counted as a column would shift it.
const DRAFT = readFileSync(join(ROOT, 'examples/private-investment-measures-draft.txt'), 'utf8').replace('民间投资的若干措施', '民间投\ufffd的若干措施');
const SEED = readFileSync(join(ROOT, 'seeds/xiamen-2023-business-environment-action-plan.txt'), 'utf8');

// Each encoding as an editor saves it, BOM included; Node writes all but GB18030 without the CLI's encoder.
const ENCODE = {
  'utf-8': (text: string) => Buffer.from(text, 'utf8'),
  'utf-8-bom': (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  'utf-16le': (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'utf-16be': (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
  gb18030: (text: string) => iconv.encode(text, 'gb18030'),
};
type Encoding = keyof typeof ENCODE;
const ENCODINGS = Object.keys(ENCODE) as Encoding[];
const decode = (encoding: Encoding, bytes: Uint8Array): string => new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { fatal: true }).decode(bytes);
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }>;
}

/** A temporary folder holding these files, written byte for byte. */
function folder(files: Record<string, Uint8Array>): string {
  const dir = tempDir({}, ROOT);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

/** Each checked file's report without its path, keyed by file name. */
function reportsByName(stdout: string): Record<string, Omit<EslintFile, 'filePath'>> {
  return Object.fromEntries((JSON.parse(stdout) as EslintFile[]).map(({ filePath, ...rest }) => [basename(filePath), rest]));
}

const hasStackTrace = (stderr: string): boolean => /^\s+at /m.test(stderr);

describe('policylint check on files in other encodings', () => {
  it('finds the same problems at the same lines and columns in UTF-8, UTF-8 BOM, UTF-16 LE/BE and GB18030, with LF or CRLF', () => {
    const variants = ENCODINGS.flatMap((encoding) => [
      [`${encoding}-lf.txt`, ENCODE[encoding](DRAFT)],
      [`${encoding}-crlf.txt`, ENCODE[encoding](crlf(DRAFT))],
    ]) as Array<[string, Buffer]>;
    const dir = folder(Object.fromEntries([...variants, ['seed.txt', Buffer.from(SEED)]]));
    const { status, stdout, stderr } = runCli(['check', ...variants.map(([name]) => name), '--corpus', 'seed.txt', '--format', 'json', '--locale', 'en'], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const reports = reportsByName(stdout);
    const reference = reports['utf-8-lf.txt']!;
    // The comparison only means something if there are findings, on line 1 and in mid-line among them.
    expect(new Set(reference.messages.map((m) => m.ruleId))).toEqual(
      new Set(['text-encoding', 'overlap-existing', 'numbering-sequence', 'numbering-marker', 'xref-unresolved']),
    );
    expect(reference.messages.find((m) => m.line === 1)!.column).toBeGreaterThan(1);
    for (const [name] of variants) expect({ name, ...reports[name] }).toEqual({ name, ...reference });
  });

  it('reads a corpus saved in GB18030 or UTF-16 as it reads one in UTF-8, and leaves out a file it cannot decode', () => {
    const files = { 'draft.txt': Buffer.from(DRAFT), 'seed-utf8.txt': Buffer.from(SEED), 'seed-gb18030.txt': ENCODE.gb18030(SEED), 'seed-utf16le.txt': ENCODE['utf-16le'](SEED) };
    const dir = folder({ ...files, 'figure.txt': PNG });
    const check = (...seeds: string[]): { findings: EslintFile['messages']; stderr: string } => {
      const { stdout, stderr } = runCli(['check', 'draft.txt', ...seeds.flatMap((seed) => ['--corpus', seed]), '--format', 'json', '--locale', 'en'], dir);
      return { findings: reportsByName(stdout)['draft.txt']!.messages, stderr };
    };
    const fromUtf8 = check('seed-utf8.txt');
    expect(fromUtf8.stderr).toBe('');
    expect(fromUtf8.findings.filter((m) => m.ruleId === 'overlap-existing')).toHaveLength(2);
    expect(check('seed-gb18030.txt')).toEqual(fromUtf8);
    expect(check('seed-utf16le.txt')).toEqual(fromUtf8);
    expect(check('seed-gb18030.txt', 'figure.txt')).toEqual({
      findings: fromUtf8.findings,
      stderr: `${join(dir, 'figure.txt')}: cannot be read as text (UTF-8, UTF-16 or GB18030); left out of the corpus\n`,
    });
  });

  it('writes --fix and renumber --write back in the file’s own encoding, BOM and line ends kept', () => {
    const text = crlf(DRAFT);
    const dir = folder(Object.fromEntries(ENCODINGS.map((encoding) => [`${encoding}.txt`, ENCODE[encoding](text)])));
    const { stderr } = runCli(['check', ...ENCODINGS.map((encoding) => `${encoding}.txt`), '--fix', '--locale', 'en'], dir);
    expect(stderr.match(/: fixed \d+ problems/g)).toHaveLength(ENCODINGS.length);
    const fixed = readFileSync(join(dir, 'utf-8.txt'), 'utf8');
    expect(fixed).not.toBe(text);
    expect(fixed.split('\n').length).toBe(fixed.split('\r\n').length);
    for (const encoding of ENCODINGS) {
      const bytes = readFileSync(join(dir, `${encoding}.txt`));
      expect({ encoding, text: decode(encoding, bytes) }).toEqual({ encoding, text: fixed });
      expect({ encoding, bytes: bytes.subarray(0, 3) }).toEqual({ encoding, bytes: ENCODE[encoding](fixed).subarray(0, 3) });
    }
    expect(isUtf8(readFileSync(join(dir, 'gb18030.txt')))).toBe(false);

    // renumber --write goes through the same writer: the GB18030 file stays GB18030.
    writeFileSync(join(dir, 'gb18030.txt'), ENCODE.gb18030(text));
    writeFileSync(join(dir, 'utf-8.txt'), text);
    for (const name of ['gb18030.txt', 'utf-8.txt']) expect(runCli(['renumber', name, '--write'], dir).status).toBe(0);
    const renumbered = readFileSync(join(dir, 'utf-8.txt'), 'utf8');
    expect(renumbered).not.toBe(text);
    expect(decode('gb18030', readFileSync(join(dir, 'gb18030.txt')))).toBe(renumbered);
  });

  it('says “not a text file” or “cannot decode” for a PNG and for invalid bytes, checks the other files, and exits 2', () => {
    const invalid = Buffer.concat([Buffer.from('一、总体要求\n1.推进改革。\n'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('\n2.加强监管。\n')]);
    const files = { 'a.txt': Buffer.from(DRAFT), 'figure.png': PNG, 'broken.txt': invalid, 'b.txt': ENCODE.gb18030(DRAFT) };
    const dir = folder(files);
    const en = runCli(['check', 'a.txt', 'figure.png', 'broken.txt', 'b.txt', '--format', 'json', '--locale', 'en'], dir);
    expect(en.status).toBe(2);
    const reports = reportsByName(en.stdout);
    expect(Object.keys(reports).sort()).toEqual(['a.txt', 'b.txt']);
    expect(reports['b.txt']).toEqual(reports['a.txt']);
    expect(reports['a.txt']!.messages.length).toBeGreaterThan(0);
    const lines = en.stderr.split('\n');
    expect(lines).toContain(`${join(dir, 'figure.png')}: not a text file`);
    expect(lines).toContain(`${join(dir, 'broken.txt')}: cannot decode as UTF-8 or GB18030`);
    expect(hasStackTrace(en.stderr)).toBe(false);

    // zh-CN by default, and --fix leaves the files it cannot read exactly as they were.
    const zh = runCli(['check', 'figure.png', 'broken.txt', '--fix'], dir);
    expect(zh.status).toBe(2);
    expect(zh.stderr.split('\n')).toEqual(expect.arrayContaining([`${join(dir, 'figure.png')}：不是文本文件`, `${join(dir, 'broken.txt')}：无法按 UTF-8 或 GB18030 解码`]));
    expect(readFileSync(join(dir, 'figure.png'))).toEqual(PNG);
    expect(readFileSync(join(dir, 'broken.txt'))).toEqual(invalid);
  });

  it('gives a clean result for an empty file and for one of white space only, in any encoding', () => {
    const blank = ' \n\t\r\n\u3000\n';
    const dir = folder({ 'empty.txt': new Uint8Array(), 'blank.txt': Buffer.from(blank), 'empty-utf16.txt': ENCODE['utf-16le'](''), 'blank-utf16.txt': ENCODE['utf-16be'](blank) });
    const { status, stdout, stderr } = runCli(['check', 'empty.txt', 'blank.txt', 'empty-utf16.txt', 'blank-utf16.txt', '--format', 'json'], dir);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(hasStackTrace(stderr)).toBe(false);
  });

  it('checks a 20 MB GB18030 file and reports its findings where they are', { timeout: 60_000 }, () => {
    const line = '为贯彻落实党中央、国务院关于促进民间投资的决策部署，进一步激发民间投资活力，结合本市实际，制定本措施。\n';
    const preambleLines = Math.ceil(20_000_000 / ENCODE.gb18030(line).length);
    const big = ENCODE.gb18030(line.repeat(preambleLines) + DRAFT);
    expect(big.length).toBeGreaterThan(20_000_000);
    const dir = folder({ 'draft.txt': Buffer.from(DRAFT), 'big.txt': big });
    const { status, stdout, stderr } = runCli(['check', 'draft.txt', 'big.txt', '--format', 'json', '--locale', 'en'], dir);
    expect(hasStackTrace(stderr)).toBe(false);
    expect(status).toBe(1);
    const reports = reportsByName(stdout);
    const shifted = reports['draft.txt']!.messages.map((m) => ({ ...m, line: m.line + preambleLines, endLine: m.endLine + preambleLines }));
    expect(shifted.length).toBeGreaterThan(0);
    expect(reports['big.txt']!.messages).toEqual(shifted);
  });
});
