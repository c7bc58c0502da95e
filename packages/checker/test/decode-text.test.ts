import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/node/decode-text.js';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));
const utf16be = (text: string): number[] => [...Buffer.from(text, 'utf16le').swap16()];

// 一、总体要求 in GBK (a subset of GB18030), as Notepad on a Chinese Windows saves it.
const GBK = [0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3];

describe('decodeText', () => {
  it('reads UTF-8, and UTF-8 after a BOM without keeping the BOM in the text', () => {
    expect(decodeText(bytes('一、总体要求\n'))).toEqual({ kind: 'text', text: '一、总体要求\n', encoding: 'utf-8' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], '一、总体要求\n'))).toEqual({ kind: 'text', text: '一、总体要求\n', encoding: 'utf-8-bom' });
    expect(decodeText(bytes())).toEqual({ kind: 'text', text: '', encoding: 'utf-8' });
  });

  it('reads UTF-16 by its BOM, either byte order', () => {
    expect(decodeText(bytes([0xff, 0xfe], [...Buffer.from('一、总体要求\r\n', 'utf16le')]))).toEqual({ kind: 'text', text: '一、总体要求\r\n', encoding: 'utf-16le' });
    expect(decodeText(bytes([0xfe, 0xff], utf16be('一、总体要求\r\n')))).toEqual({ kind: 'text', text: '一、总体要求\r\n', encoding: 'utf-16be' });
  });

  it('falls back to GB18030 only for bytes that are not UTF-8', () => {
    expect(decodeText(bytes(GBK, '\n1.'))).toEqual({ kind: 'text', text: '一、总体要求\n1.', encoding: 'gb18030' });
    // Plain ASCII is valid in both: it stays UTF-8, so a fix never turns it into GB18030.
    expect(decodeText(bytes('1. plan\n'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('calls a file binary on a NUL byte or a known signature, but not a UTF-16 file for its zero bytes', () => {
    expect(decodeText(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toEqual({ kind: 'binary' });
    expect(decodeText(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'WPS'))).toEqual({ kind: 'binary' });
    expect(decodeText(bytes('一、总体要求', [0], '\n'))).toEqual({ kind: 'binary' });
    expect(decodeText(bytes([0xff, 0xfe], [...Buffer.from('a\0b', 'utf16le')]))).toEqual({ kind: 'binary' });
    expect(decodeText(bytes([0xff, 0xfe], [...Buffer.from('ab', 'utf16le')]))).toMatchObject({ kind: 'text', text: 'ab' });
  });

  it('gives up on bytes that are neither UTF-8 nor GB18030, and on broken UTF-8 after a UTF-8 BOM', () => {
    expect(decodeText(bytes('一、总体要求', [0xff], '\n'))).toEqual({ kind: 'undecodable' });
    expect(decodeText(bytes(GBK, [0x81, 0x20]))).toEqual({ kind: 'undecodable' });
    // Valid GB18030, but the BOM says UTF-8 was meant.
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], GBK))).toEqual({ kind: 'undecodable' });
    // A UTF-16 BOM followed by an odd byte count.
    expect(decodeText(bytes([0xfe, 0xff], [0x4e, 0x00, 0x4e]))).toEqual({ kind: 'undecodable' });
  });

  it('gives back any text exactly as it was written in UTF-8 or UTF-16', () => {
    const text = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0') && !s.startsWith('\ufeff'));
    fc.assert(
      fc.property(text, (s) => {
        expect(decodeText(bytes(s))).toEqual({ kind: 'text', text: s, encoding: 'utf-8' });
        expect(decodeText(bytes([0xfe, 0xff], utf16be(s)))).toEqual({ kind: 'text', text: s, encoding: 'utf-16be' });
      }),
    );
  });
});
