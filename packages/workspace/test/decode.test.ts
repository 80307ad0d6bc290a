import { decodeText } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array([...(bom ? mark : []), ...bytes]);
};

describe('decodeText', () => {
  it('decodes UTF-8 with and without a byte-order mark (the mark is kept)', () => {
    expect(decodeText(Buffer.from('# 标题\n'))).toEqual({ text: '# 标题\n' });
    expect(decodeText(Buffer.from('\uFEFF# 标题\n'))).toEqual({ text: '\uFEFF# 标题\n' });
    expect(decodeText(new Uint8Array())).toEqual({ text: '' });
  });

  it('reports UTF-16 with a byte-order mark', () => {
    expect(decodeText(utf16('# 标题\n', 'le', true))).toEqual({ problem: 'Unexpected UTF-16 LE (byte-order mark `FF FE`), expected a UTF-8 text file: not checked' });
    expect(decodeText(utf16('# 标题\n', 'be', true))).toEqual({ problem: 'Unexpected UTF-16 BE (byte-order mark `FE FF`), expected a UTF-8 text file: not checked' });
  });

  it('reports UTF-16 without a byte-order mark from its zero bytes', () => {
    const text = '# Docker 简介\n\n这是 `docker run` 的说明。\n';
    expect(decodeText(utf16(text, 'le', false))).toEqual({ problem: 'Unexpected UTF-16 LE without a byte-order mark (zero bytes at odd offsets), expected a UTF-8 text file: not checked' });
    expect(decodeText(utf16(text, 'be', false))).toEqual({ problem: 'Unexpected UTF-16 BE without a byte-order mark (zero bytes at even offsets), expected a UTF-8 text file: not checked' });
  });

  it('reports GBK (or any non-UTF-8 bytes) naming the byte offset', () => {
    // `# ` then 标题 in GBK (B1EA CCE2).
    expect(decodeText(new Uint8Array([0x23, 0x20, 0xb1, 0xea, 0xcc, 0xe2, 0x0a]))).toEqual({
      problem: 'Unexpected invalid UTF-8 at byte 2 (GBK, Big5 or another legacy encoding?), expected a UTF-8 text file: not checked',
    });
  });

  it('reports a NUL byte instead of skipping it', () => {
    expect(decodeText(Buffer.from('# 标题\n\0正文\n'))).toEqual({ problem: 'Unexpected NUL byte at byte 9, expected a text file: not checked' });
  });
});
