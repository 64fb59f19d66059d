import { afterEach, describe, expect, it } from 'vitest';
import { parseDockerfile } from '.';

describe('parsing without Node (browsers, web workers)', () => {
  const buffer = globalThis.Buffer;
  afterEach(() => {
    globalThis.Buffer = buffer;
  });

  it('parses with no Buffer global, with and without a byte-order mark', () => {
    // @ts-expect-error -- a browser has no Buffer
    delete globalThis.Buffer;
    expect(typeof globalThis.Buffer).toBe('undefined');
    for (const text of ['FROM python:3.12-slim\nRUN true\n', '\uFEFFFROM python:3.12-slim\n']) {
      const parsed = parseDockerfile(text);
      expect(parsed.ok).toBe(true);
      expect(parsed.ok && parsed.dockerfile.stages[0]?.from.image).toBe('python:3.12-slim');
    }
  });
});
