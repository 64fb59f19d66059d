import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCode, encodeCode, shareLink } from './share';

describe('share links', () => {
  it('round-trips any text, including non-ASCII and emoji', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (code) => decodeCode(`code=${encodeCode(code)}`) === code,
      ),
    );
  });

  it('uses base64url without padding', () => {
    const encoded = encodeCode('print("héllo ✓")\n>>>???');
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCode(`#code=${encoded}`)).toBe('print("héllo ✓")\n>>>???');
  });

  it('rejects hashes that are not share links', () => {
    expect(decodeCode('')).toBeNull();
    expect(decodeCode('#other=1')).toBeNull();
    expect(decodeCode('#code=***')).toBeNull();
    expect(decodeCode('#code=' + btoa('\xff\xfe'))).toBeNull(); // not UTF-8
  });

  it('builds a playground link', () => {
    expect(shareLink('x = 1', 'https://example.org', '/')).toBe(
      `https://example.org/playground#code=${encodeCode('x = 1')}`,
    );
  });
});
