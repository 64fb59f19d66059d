import { describe, expect, it } from 'vitest';
import { trackDownloads } from './download-progress';
import { interceptFetch } from './fetch-interceptor';

const BASE = 'https://example.test/pyodide/';

function fakeScope(bodies: Record<string, Uint8Array>) {
  return {
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      const bytes = bodies[url];
      if (!bytes) return new Response('missing', { status: 404 });
      // Several chunks, as a network download arrives.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 1000)
            controller.enqueue(bytes.slice(at, at + 1000));
          controller.close();
        },
      });
      return new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
    }) as typeof fetch,
  };
}

describe('trackDownloads', () => {
  it('counts the tracked files while handing over their bodies untouched', async () => {
    const wasm = new Uint8Array(50_000).map((_, i) => i % 251);
    const zip = new Uint8Array(30_000).fill(7);
    const scope = fakeScope({ [`${BASE}a.wasm`]: wasm, [`${BASE}b.zip`]: zip });
    const reports: [number, number][] = [];
    let clock = 0;
    const fetches = interceptFetch(scope);
    trackDownloads(
      fetches,
      BASE,
      { 'a.wasm': wasm.length, 'b.zip': zip.length },
      (l, t) => reports.push([l, t]),
      () => (clock += 30), // each 1,000-byte chunk arrives 30 ms after the last
    );
    const [first, second] = await Promise.all([
      scope.fetch(`${BASE}a.wasm`),
      scope.fetch(`${BASE}b.zip`),
    ]);
    expect(first.headers.get('Content-Type')).toBe('application/wasm');
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(wasm);
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(zip);
    await expect.poll(() => reports.at(-1)).toEqual([80_000, 80_000]);
    const loaded = reports.map(([l]) => l);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    // Reported in steps, at most every 100 ms (every fourth chunk here), not once per chunk.
    expect(reports.length).toBeLessThanOrEqual(Math.ceil(80 / 4) + 1);
    expect(reports.length).toBeGreaterThan(5);
    fetches.remove();
  });

  it('reports a fast download at most every 100 ms, and always its end', async () => {
    const wasm = new Uint8Array(50_000).fill(1);
    const scope = fakeScope({ [`${BASE}a.wasm`]: wasm });
    const reports: number[] = [];
    const fetches = interceptFetch(scope);
    trackDownloads(
      fetches,
      BASE,
      { 'a.wasm': wasm.length },
      (l) => reports.push(l),
      () => 5, // the whole download within one instant
    );
    await (await scope.fetch(`${BASE}a.wasm`)).arrayBuffer();
    await expect.poll(() => reports.at(-1)).toBe(50_000);
    expect(reports).toEqual([1000, 50_000]); // the first chunk (a 2 % step), then the end
    fetches.remove();
  });

  it('leaves other fetches alone and restores fetch when stopped', async () => {
    const scope = fakeScope({ 'https://example.test/other.json': new Uint8Array([1, 2, 3]) });
    const before = scope.fetch;
    const reports: number[] = [];
    const fetches = interceptFetch(scope);
    trackDownloads(fetches, BASE, { 'a.wasm': 10 }, (l) => reports.push(l));
    const response = await scope.fetch('https://example.test/other.json');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(reports).toEqual([]);
    fetches.remove();
    expect(scope.fetch).toBe(before);
  });
});
