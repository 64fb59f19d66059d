import { describe, expect, it } from 'vitest';
import { interceptFetch } from './fetch-interceptor';
import { recordingScope } from './test-fetch';

const BASE = 'https://example.test/pyodide/';

describe('interceptFetch', () => {
  it('asks plug-ins in order, the first answer wins, and the rest go to the network', async () => {
    const { scope, requests } = recordingScope();
    const fetches = interceptFetch(scope);
    const asked: string[] = [];
    fetches.plug({
      answer: (url) => {
        asked.push(`first ${url}`);
        return url.endsWith('a.wasm') ? Promise.resolve(new Response('first')) : undefined;
      },
    });
    fetches.plug({
      answer: (url) => {
        asked.push(`second ${url}`);
        return Promise.resolve(new Response('second'));
      },
    });
    expect(await (await scope.fetch(`${BASE}a.wasm`)).text()).toBe('first');
    expect(await (await scope.fetch(new URL(`${BASE}b.zip`))).text()).toBe('second');
    expect(asked).toEqual([`first ${BASE}a.wasm`, `first ${BASE}b.zip`, `second ${BASE}b.zip`]);
    expect(requests).toEqual([]);
    fetches.remove();
  });

  it('never answers a Request object or a fetch with an integrity check', async () => {
    const { scope, requests } = recordingScope();
    const fetches = interceptFetch(scope);
    fetches.plug({ answer: () => Promise.resolve(new Response('answered')) });
    const request = await scope.fetch(new Request(`${BASE}a.wasm`));
    const checked = await scope.fetch(`${BASE}b.zip`, { integrity: 'sha256-x' });
    expect([await request.text(), await checked.text()]).toEqual([
      `${BASE}a.wasm #1`,
      `${BASE}b.zip #1`,
    ]);
    expect(requests).toEqual([`${BASE}a.wasm`, `${BASE}b.zip`]);
    fetches.remove();
  });

  it("shows plug-ins every network response, their own fetches' too, but not answers", async () => {
    const { scope } = recordingScope();
    const fetches = interceptFetch(scope);
    const seen: string[] = [];
    fetches.plug({ observe: (url) => seen.push(url) });
    fetches.plug({
      answer: (url) => (url.endsWith('early') ? Promise.resolve(new Response('')) : undefined),
    });
    await fetches.network(`${BASE}by-a-plug-in`);
    await scope.fetch(`${BASE}by-the-loader`);
    await scope.fetch(new Request(`${BASE}as-a-request`));
    await scope.fetch(`${BASE}early`);
    expect(seen).toEqual([`${BASE}by-a-plug-in`, `${BASE}by-the-loader`, `${BASE}as-a-request`]);
    fetches.remove();
  });

  it('puts the scope’s fetch back when removed, and no plug-in hears of later fetches', async () => {
    const { scope, original, requests } = recordingScope();
    const fetches = interceptFetch(scope);
    expect(scope.fetch).not.toBe(original);
    const seen: string[] = [];
    fetches.plug({ observe: (url) => seen.push(url) });
    fetches.remove();
    expect(scope.fetch).toBe(original);
    await fetches.network(`${BASE}late`); // a plug-in's fetch that outlives the start
    expect(requests).toEqual([`${BASE}late`]);
    expect(seen).toEqual([]);
  });
});
