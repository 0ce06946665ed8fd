import { useCallback } from 'react';
import type { TrackEvent } from '../../index.js';
import { useHearth } from './context.js';
import { debug } from '../../core/log.js';

/**
 * A stable `track` function for event handlers. It never rejects: an invalid event is
 * logged (`globalThis.HEARTH_DEBUG = true`) rather than surfacing as an unhandled rejection.
 *
 * @example
 * const track = useTrack();
 * <a onClick={() => track({ type: 'click', item: product, listId: 'search', position: i })}>…</a>
 */
export function useTrack(): (event: TrackEvent) => Promise<void> {
  const hearth = useHearth();
  return useCallback((event: TrackEvent) => hearth.track(event).catch((err: unknown) => debug('useTrack dropped an event', err)), [hearth]);
}
