import { describe, expect, it } from 'vitest';
import { workerBootstrap } from './module-worker';

describe('workerBootstrap', () => {
  it('is one static import of the real script, whatever its URL holds', () => {
    const href = 'https://cdn.example/wh/embed/assets/worker-1.js?v="2"';
    const source = workerBootstrap(href);
    expect(source).toBe(`import ${JSON.stringify(href)};\n`);
    // The string literal round-trips: quotes in the URL cannot end it early.
    expect(JSON.parse(source.slice('import '.length, -2))).toBe(href);
  });
});
