import type { ConsentState, HearthExport, InterestProfile, WeightedInterest } from 'hearth-sdk';
import { lineChart, pairedBars, PALETTE } from './chart.js';
import { h } from './dom.js';
import { ago, emit, hearth, on } from './state.js';

/** Snapshots of the long-term category shares after each change in this visit: the "over time" chart. */
const timeline: Array<{ events: number; shares: Map<string, number> }> = [];
let consent: ConsentState = 'granted';

function pairs(long: WeightedInterest[], session: WeightedInterest[], n = 5): Array<{ name: string; a: number; b: number }> {
  const names = [...new Set([...long.slice(0, n).map((x) => x.name), ...session.slice(0, 2).map((x) => x.name)])].slice(0, n + 1);
  return names.map((name) => ({ name, a: long.find((x) => x.name === name)?.share ?? 0, b: session.find((x) => x.name === name)?.share ?? 0 }));
}

/** How each stored event reads in the history list. */
const ACTION: Record<string, string> = { impression: 'seen in a list', click: 'clicked', view: 'viewed', add_to_cart: 'added to cart', purchase: 'bought' };

function download(data: HearthExport): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const a = h('a', { href: URL.createObjectURL(blob), download: 'hearth-export.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 5_000);
}

async function forget(what: Parameters<typeof hearth.forget>[0]): Promise<void> {
  await hearth.forget(what);
  emit('history');
}

export async function renderInterests(root: HTMLElement): Promise<void> {
  const [profile, data]: [InterestProfile, HearthExport] = await Promise.all([hearth.profile(), hearth.export()]);
  consent = data.consent;
  const counter = document.getElementById('engine-events');
  if (counter) counter.textContent = `${profile.events} event${profile.events === 1 ? '' : 's'}`;
  const last = timeline.at(-1);
  if (!last || last.events !== profile.events) timeline.push({ events: profile.events, shares: new Map(profile.longTerm.categories.map((c) => [c.name, c.share])) });
  if (timeline.length > 60) timeline.shift();
  const top = [...new Set(timeline.flatMap((t) => [...t.shares.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k]) => k)))].slice(0, 6);

  const consentBox = h('fieldset', { class: 'consent' }, h('legend', { text: 'Consent to keep a history on this device' }));
  for (const state of ['granted', 'pending', 'denied'] as const) {
    const input = h('input', { type: 'radio', name: 'consent', value: state, checked: consent === state });
    input.addEventListener('change', () => void hearth.setConsent(state).then(() => emit('history')));
    consentBox.append(h('label', {}, input, ` ${state === 'granted' ? 'Granted' : state === 'pending' ? 'Pending (memory only)' : 'Denied (deletes)'}`));
  }

  const exportBytes = new Blob([JSON.stringify(data)]).size;
  const exportBtn = h('button', { type: 'button', class: 'secondary', text: `Export my data (JSON, ${(exportBytes / 1024).toFixed(1)} KB)` });
  exportBtn.addEventListener('click', () => void hearth.export().then(download));
  const resetBtn = h('button', { type: 'button', class: 'danger', id: 'reset-all', text: 'Reset: forget everything' });
  resetBtn.addEventListener('click', () => void forget({ all: true }));
  const hourBtn = h('button', { type: 'button', class: 'danger', text: 'Forget the last hour' });
  hourBtn.addEventListener('click', () => void forget({ from: Date.now() - 3_600_000 }));

  const list = h('ul', { class: 'history', 'aria-label': 'Stored events, newest first', id: 'history-list' });
  const events = [...data.events].reverse();
  for (const e of events.slice(0, 80)) {
    const btn = h('button', { type: 'button', class: 'danger', 'aria-label': `Forget ${e.item.title ?? e.item.id}`, text: 'Forget' });
    btn.addEventListener('click', () => void forget({ itemId: e.item.id }));
    const dwell = e.dwellMs ? ` · ${Math.round(e.dwellMs / 1000)} s` : '';
    list.append(h('li', {}, h('span', { class: `tag ${e.type}`, text: ACTION[e.type] ?? e.type }), h('span', { class: 'what', text: `${e.item.title ?? e.item.id} · ${e.item.brand ?? ''}${dwell}`, title: e.item.id }), h('span', { class: 'meta', text: ago(e.at) }), btn));
  }
  if (events.length === 0) list.append(h('li', { text: consent === 'denied' ? 'Consent denied: nothing is recorded.' : 'Nothing yet. Open a product to start.' }));
  if (events.length > 80) list.append(h('li', { class: 'meta', text: `…and ${events.length - 80} older events (all in the export)` }));

  const sess = profile.session;
  // With no event before this session, long-term and session shares are the same numbers: one bar each then.
  const split = sess.events < profile.events;
  const a = split ? 'Long-term' : 'Your interests (all from this visit so far)';
  const b = split ? `This session (${sess.events} events)` : undefined;
  root.replaceChildren(
    h('h3', { text: `What Hearth has learned about you: ${profile.events} action${profile.events === 1 ? '' : 's'}` }),
    h('p', { class: 'explain', text: 'Kept only in this browser. The bars are your shares of interest by category and brand; ✕ forgets one.' }),
    h('details', { class: 'tech' }, h('summary', { text: 'Technical detail' }), h('p', { class: 'explain', text: 'Read live from the worker with hearth.profile(): shares of the model’s own event weights (action strength × recency × dwell). “This session” counts since the last 30-minute pause; it appears beside the long-term bars once there is history from before this session.' })),
    h('h3', { text: 'Top categories' }),
    pairedBars(pairs(profile.longTerm.categories, sess.categories), { label: 'Top categories', a, ...(b ? { b } : {}), onForget: (c) => void forget({ category: c }) }),
    h('h3', { text: 'Top brands' }),
    pairedBars(pairs(profile.longTerm.brands, sess.brands), { label: 'Top brands', a, ...(b ? { b } : {}), onForget: (x) => void forget({ brand: x }) }),
    h('h3', { text: 'Category interest over time (this visit)' }),
    timeline.length > 1
      ? lineChart(top.map((name, i) => ({ name, color: PALETTE[i % PALETTE.length]!, values: timeline.map((t) => t.shares.get(name) ?? 0), ...(i % 2 ? { dash: '5 3' } : {}) })), { label: 'Share of each top category after each change', yMax: 1, format: (v) => `${Math.round(v * 100)}%`, xLabel: `${timeline.length} snapshots →`, height: 120, empty: 'Appears after your next few actions.' })
      : h('p', { class: 'explain', text: 'Appears after your next few actions.' }),
    consentBox,
    h('h3', { text: 'History (stored in IndexedDB)' }),
    list,
    h('div', { class: 'row-buttons' }, exportBtn, hourBtn, resetBtn),
    h('p', { class: 'explain', text: '✕ on a category or brand above forgets all its events; “Forget” on a row forgets that product.' }),
  );
}

export function mountInterests(root: HTMLElement): void {
  let pending = false;
  const refresh = () => {
    if (pending) return;
    pending = true;
    // Coalesce bursts (the simulator tracks many events a second).
    setTimeout(() => void renderInterests(root).finally(() => (pending = false)), 150);
  };
  on('history', refresh);
  refresh();
}
