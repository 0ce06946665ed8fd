import type { WireEvent } from '../../core/wire/wire.js';

/**
 * Gathers the track() calls of one task into one worker message: a product grid reports
 * dozens of impressions at once, and one postMessage is far cheaper than dozens. Each
 * caller's promise settles when its batch has been handled.
 */
export function createTrackBatcher(send: (events: WireEvent[]) => Promise<void>) {
  let pending: { events: WireEvent[]; resolve: () => void; done: Promise<void> } | undefined;

  function flush(): void {
    const batch = pending;
    if (!batch) return;
    pending = undefined;
    send(batch.events).then(batch.resolve, batch.resolve);
  }

  return {
    add(event: WireEvent): Promise<void> {
      if (!pending) {
        let resolve!: () => void;
        const done = new Promise<void>((r) => (resolve = r));
        pending = { events: [], resolve, done };
        queueMicrotask(flush);
      }
      pending.events.push(event);
      return pending.done;
    },
    /** Sends what is queued now, so a rank or forget issued right after a track sees it. */
    flush,
    /** Drops what is queued (consent denied before it was sent); its callers' promises resolve. */
    clear(): void {
      const batch = pending;
      pending = undefined;
      batch?.resolve();
    },
  };
}
