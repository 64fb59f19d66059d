/**
 * The Python worker's side of a warm start's help: each part the helper sends settles its
 * promise, a part the helper could not give rejects with its reason, and a helper that never
 * ran is told apart from one that answered.
 */
import { describe, expect, it } from 'vitest';
import type { Help } from '../protocol';
import { helpFrom, HelperGone } from './warm-start-help';

const MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]); // an empty module

function channel() {
  const { port1: helper, port2: python } = new MessageChannel();
  const send = (help: Help, transfer: Transferable[] = []) => helper.postMessage(help, transfer);
  return { helper, python, send };
}

describe('helpFrom', () => {
  it('gives the module and the bytes the helper sends, the bytes moved rather than copied', async () => {
    const { helper, python, send } = channel();
    const help = helpFrom(python);
    const bytes = new Uint8Array([1, 2, 3]);
    send({ part: 'snapshot', bytes }, [bytes.buffer]);
    send({ part: 'wasm', module: await WebAssembly.compile(MODULE) });
    expect(bytes.byteLength).toBe(0); // transferred
    expect([...(await help.snapshot)]).toEqual([1, 2, 3]);
    expect(WebAssembly.Module.exports(await help.wasm)).toEqual([]);
    helper.close();
  });

  it('rejects a part with the reason the helper gives', async () => {
    const { helper, python, send } = channel();
    const help = helpFrom(python);
    send({ part: 'snapshot', error: 'the stored snapshot is damaged' });
    await expect(help.snapshot).rejects.toThrow('the stored snapshot is damaged');
    await expect(help.snapshot).rejects.not.toBeInstanceOf(HelperGone);
    helper.close();
  });

  it('says when the helper never ran, and keeps what had already come', async () => {
    const { helper, python, send } = channel();
    const help = helpFrom(python);
    send({ part: 'wasm', module: await WebAssembly.compile(MODULE) });
    await help.wasm;
    help.fail('the warm-start helper did not start');
    await expect(help.snapshot).rejects.toBeInstanceOf(HelperGone);
    await expect(help.wasm).resolves.toBeInstanceOf(WebAssembly.Module);
    helper.close();
  });
});
