import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConnection } from '../../src/page/client/connection.js';

/** A worker that takes messages and never answers: the page's side of a hung worker. */
class SilentWorker extends EventTarget {
  postMessage(): void {}
  terminate(): void {}
}

describe('connection.close', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('settles calls in flight at once and throws nothing when a ping started before the close times out', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', SilentWorker);
    const connection = createConnection(new URL('http://127.0.0.1/hearth.worker.js'), { dbName: 't', backend: 'auto', assetBase: 'http://127.0.0.1/' });
    const call = connection.call(() => Promise.resolve('answered')).then(
      () => 'resolved',
      (err: Error) => err.name,
    );
    connection.suspect(); // a ping is now in flight, with its own timer
    connection.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(await Promise.race([call, Promise.resolve('still pending')])).toBe('HearthClosedError');
    // The ping's timer fires after the close: it must not release the closed worker's proxy again.
    await expect(vi.advanceTimersByTimeAsync(60_000)).resolves.not.toThrow();
  });
});
