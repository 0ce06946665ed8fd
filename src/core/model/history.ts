import type { StoredEvent, WireItem } from '../wire/wire.js';
import type { EventType } from '../types.js';
import type { ModelParams } from './model-types.js';

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

/** A pause longer than this starts a new shopping session. */
export const SESSION_GAP_MS = 30 * 60_000;

export const STRENGTH: Record<EventType, number> = { impression: 0, view: 1, click: 2, add_to_cart: 3, purchase: 4 };

/** Weight of one event: action strength × time decay × dwell bonus. */
export function eventWeight(event: StoredEvent, params: ModelParams, now: number): number {
  const ageHours = Math.max(0, now - event.at) / 3_600_000;
  let w = params.actionWeights[event.type] * Math.pow(0.5, ageHours / params.halfLifeHours);
  if (event.dwellMs && w > 0) w *= 1 + params.dwellGain * Math.log1p(event.dwellMs / params.dwellRefMs);
  return w;
}

/** How fully an event describes its item; impressions often carry only an id. */
export function richness(item: StoredEvent['item']): number {
  let n = 1;
  if (item.title !== undefined) n++;
  if (item.brand !== undefined) n++;
  if (item.categories !== undefined) n++;
  if (item.price !== undefined) n++;
  if (item.attrs !== undefined) n++;
  return n;
}

/**
 * Folds events (oldest first) into distinct items, newest first, at most `historyWindow` of
 * them. Several events on one item add up (an impression then a click is a click minus a
 * little); items further back in the sequence weigh less by `orderDecay` per step, times the
 * learned `orderWeights[k]` of a site-trained model. Events of the current session are
 * multiplied by `sessionBoost`.
 *
 * One pass from the newest event back: an item's first sighting fixes its recency rank, and
 * once the window is full, events of items outside it are skipped with one Map lookup. This
 * keeps a rerank with 100,000 stored events inside its budget.
 */
export function buildHistory(events: readonly StoredEvent[], params: ModelParams, now: number): HistoryEntry[] {
  // The current session runs back from now to the first pause longer than SESSION_GAP_MS (the
  // same rule as the profile's); its events weigh `sessionBoost` times more.
  const boost = sessionBoostOf(params);
  let inSession = boost !== 1;
  let sessionEdge = now;
  const byId = new Map<string, HistoryEntry & { richness: number }>();
  const newestFirst: Array<HistoryEntry & { richness: number }> = [];
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k]!;
    if (inSession) {
      if (sessionEdge - e.at > SESSION_GAP_MS) inSession = false;
      else sessionEdge = e.at;
    }
    let entry = byId.get(e.item.id);
    if (!entry) {
      if (newestFirst.length >= params.historyWindow) continue;
      entry = { item: e.item, weight: 0, lastAt: e.at, strongest: e.type, events: 0, richness: richness(e.item) };
      byId.set(e.item.id, entry);
      newestFirst.push(entry);
    } else {
      if (e.at > entry.lastAt) entry.lastAt = e.at;
      if (STRENGTH[e.type] > STRENGTH[entry.strongest]) entry.strongest = e.type;
      // The richest description wins; among equals, the newest (already held).
      const r = richness(e.item);
      if (r > entry.richness) {
        entry.item = e.item;
        entry.richness = r;
      }
    }
    entry.weight += eventWeight(e, params, now) * (inSession ? boost : 1);
    entry.events += 1;
  }
  return weighInOrder(
    newestFirst.map(({ richness: _r, ...plain }) => plain),
    params,
  );
}

/** The session multiplier in force: `params.sessionBoost` when it is a positive number, else 1 (off). */
export function sessionBoostOf(params: ModelParams): number {
  const boost = params.sessionBoost;
  return boost !== undefined && Number.isFinite(boost) && boost > 0 ? boost : 1;
}

/**
 * The last step of a fold: an item with k engaged items after it weighs × orderDecay^k × the
 * learned curve's k-th value; items whose weight comes to 0 are left out. Mutates and returns
 * the entries.
 *
 * Engaged: a positive weight (viewed, clicked, carted, bought). Only those count as steps back,
 * so a page of impressions does not age what the shopper clicked before it: with orderDecay
 * 0.85, thirty unclicked impressions would otherwise cut a click to 0.85^30 ≈ 1 %. It is also
 * the sequence a site-trained curve was fitted on (what shoppers engaged with, in order).
 */
export function weighInOrder(newestFirst: HistoryEntry[], params: ModelParams): HistoryEntry[] {
  let decay = 1;
  let k = 0;
  const curve = params.orderWeights;
  const out: HistoryEntry[] = [];
  for (const entry of newestFirst) {
    const engaged = entry.weight > 0;
    entry.weight *= decay;
    if (curve && curve.length > 0) entry.weight *= curve[Math.min(k, curve.length - 1)]!;
    if (engaged) {
      decay *= params.orderDecay;
      k++;
    }
    if (entry.weight !== 0) out.push(entry);
  }
  return out;
}
