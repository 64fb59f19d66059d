import { describe, expect, it } from 'vitest';
import { fetchAhead } from './fetch-ahead';
import { interceptFetch } from './fetch-interceptor';
import { recordingScope } from './test-fetch';

const BASE = 'https://example.test/pyodide/';

describe('fetchAhead', () => {
  it('requests the files at once and hands each early response to its first fetch', async () => {
    const { scope, requests } = recordingScope();
    const fetches = interceptFetch(scope);
    fetchAhead(fetches, [`${BASE}a.wasm`, `${BASE}b.zip`]);
    expect(requests).toEqual([`${BASE}a.wasm`, `${BASE}b.zip`]);

    // Pyodide asks with a URL object for one and a string for the other.
    expect(await (await scope.fetch(new URL(`${BASE}a.wasm`))).text()).toBe(`${BASE}a.wasm #1`);
    expect(await (await scope.fetch(`${BASE}b.zip`)).text()).toBe(`${BASE}b.zip #1`);
    expect(requests).toHaveLength(2);

    // A second fetch of the same file, and any other file, go to the network.
    expect(await (await scope.fetch(`${BASE}a.wasm`)).text()).toBe(`${BASE}a.wasm #2`);
    expect(await (await scope.fetch(`${BASE}c.json`)).text()).toBe(`${BASE}c.json #1`);
    expect(requests).toHaveLength(4);
    fetches.remove();
  });

  it('leaves fetches with an integrity check alone, and restores fetch when stopped', async () => {
    const { scope, requests } = recordingScope();
    const original = scope.fetch;
    const fetches = interceptFetch(scope);
    fetchAhead(fetches, [`${BASE}a.wasm`]);
    await scope.fetch(`${BASE}a.wasm`, { integrity: 'sha256-x' });
    expect(requests).toEqual([`${BASE}a.wasm`, `${BASE}a.wasm`]);
    fetches.remove();
    expect(scope.fetch).toBe(original);
  });

  it('hands over a failed early download as the failure it was', async () => {
    const scope = {
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    };
    const fetches = interceptFetch(scope);
    fetchAhead(fetches, [`${BASE}a.wasm`]);
    await expect(scope.fetch(`${BASE}a.wasm`)).rejects.toThrow('Failed to fetch');
    fetches.remove();
  });
});
