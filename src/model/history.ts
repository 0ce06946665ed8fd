import type { StoredEvent, WireItem } from '../core/wire.js';
import type { EventType } from '../types.js';
import type { ModelParams } from './params.js';

/** One distinct item in the shopper's recent history, with its combined signed weight. */
export interface HistoryEntry {
  item: WireItem;
  weight: number;
  /** Epoch ms of the latest event on this item. */
  lastAt: number;
  /** Strongest action taken on it (for explanations). */
  strongest: EventType;
  events: number;
}

const STRENGTH: Record<EventType, number> = { impression: 0, view: 1, click: 2, add_to_cart: 3, purchase: 4 };

/** Weight of one event: action strength × time decay × dwell bonus. */
export function eventWeight(event: StoredEvent, params: ModelParams, now: number): number {
  const ageHours = Math.max(0, now - event.at) / 3_600_000;
  let w = params.actionWeights[event.type] * Math.pow(0.5, ageHours / params.halfLifeHours);
  if (event.dwellMs && w > 0) w *= 1 + params.dwellGain * Math.log1p(event.dwellMs / params.dwellRefMs);
  return w;
}

/**
 * Folds events (oldest first) into distinct items, newest first, at most `historyWindow` of
 * them. Several events on one item add up (an impression then a click is a click minus a
 * little); items further back in the sequence weigh less by `orderDecay` per step, times the
 * learned `orderWeights[k]` of a site-trained model.
 */
export function buildHistory(events: readonly StoredEvent[], params: ModelParams, now: number): HistoryEntry[] {
  const byId = new Map<string, HistoryEntry>();
  for (const e of events) {
    const w = eventWeight(e, params, now);
    const entry = byId.get(e.item.id);
    if (entry) {
      byId.delete(e.item.id); // re-insert so Map order is "last touched"
      entry.weight += w;
      entry.lastAt = Math.max(entry.lastAt, e.at);
      entry.events += 1;
      if (STRENGTH[e.type] > STRENGTH[entry.strongest]) entry.strongest = e.type;
      // The richest description of the item wins: impressions often carry only an id.
      if (Object.keys(e.item).length >= Object.keys(entry.item).length) entry.item = e.item;
      byId.set(e.item.id, entry);
    } else {
      byId.set(e.item.id, { item: e.item, weight: w, lastAt: e.at, strongest: e.type, events: 1 });
    }
  }
  const newestFirst = [...byId.values()].reverse().slice(0, params.historyWindow);
  let decay = 1;
  const curve = params.orderWeights;
  newestFirst.forEach((entry, k) => {
    entry.weight *= decay;
    if (curve && curve.length > 0) entry.weight *= curve[Math.min(k, curve.length - 1)]!;
    decay *= params.orderDecay;
  });
  return newestFirst.filter((e) => e.weight !== 0);
}
