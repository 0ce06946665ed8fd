import { createHearth, type Hearth } from 'hearth-sdk';
import { departmentList, featuredList, seeded, type Product } from './catalogue.js';
import { beautyItem, loadBeauty } from './beauty.js';
import { lineChart, PALETTE } from './chart.js';
import { h } from './dom.js';
import { emit, hearth, rankOptions, WORKER_URL } from './state.js';

/**
 * A simulated shopper: a hidden taste (a score per product) that picks what to click from each page,
 * whatever order the page shows. Each step: the page ranks the list (Hearth's order, with the knobs as
 * set) and we record where the item the shopper then chose sat in Hearth's order and in the shop's
 * order. Nothing here is scripted: the plot is those positions as they happen.
 */
interface Persona { id: string; name: string; blurb: string; pages: (step: number) => Product[]; taste: (p: Product, step: number, steps: number) => number }

const dep = (p: Product) => p.categories[0];
const PERSONAS: Persona[] = [
  { id: 'runner', name: 'Runner on a budget', blurb: 'Running gear, some cycling, prefers under €50.', pages: (i) => (i % 3 === 2 ? departmentList('Running') : featuredList()), taste: (p) => (dep(p) === 'Running' ? 3 : dep(p) === 'Cycling' ? 1.2 : 0) + (p.price < 50 ? 1.5 : -0.5) },
  { id: 'drift', name: 'Skincare fan drifting to makeup', blurb: 'Skincare first; half-way through, makeup takes over.', pages: (i) => (i % 2 ? featuredList() : departmentList(i % 4 === 0 ? 'Skincare' : 'Makeup')), taste: (p, i, n) => (i < n / 2 ? (dep(p) === 'Skincare' ? 3.5 : 0) : dep(p) === 'Makeup' ? 3.5 : dep(p) === 'Skincare' ? 0.8 : 0) },
  { id: 'brand', name: 'Northfold loyalist', blurb: 'Camping, and nearly always the Northfold brand.', pages: (i) => (i % 2 ? departmentList('Camping') : featuredList()), taste: (p) => (p.brand === 'Northfold' ? 3 : 0) + (dep(p) === 'Camping' ? 1.5 : 0) },
  { id: 'random', name: 'Random browser (control)', blurb: 'No taste at all: Hearth should not beat the shop here.', pages: () => featuredList(), taste: () => 0 },
];

interface Step { personal: number; shop: number; label: string }
const steps: Step[] = [];
let running = false;
let stopRequested = false;
let replayHearth: Hearth | undefined;

/** Softmax choice by taste, seeded: the shopper's pick never looks at the order shown. */
function choose(list: Product[], score: (p: Product) => number, rnd: () => number): Product {
  const w = list.map((p) => Math.exp(2 * score(p)));
  let r = rnd() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < list.length; i++) if ((r -= w[i]!) <= 0) return list[i]!;
  return list[list.length - 1]!;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const rolling = (xs: number[], k = 5) => xs.map((_, i) => mean(xs.slice(Math.max(0, i - k + 1), i + 1)));

// eslint-disable-next-line max-lines-per-function -- the simulator panel: its controls, plot and run loop share one state
export function mountSimulator(root: HTMLElement): void {
  const mode = h('select', { id: 'sim-mode', 'aria-label': 'Shopper to simulate' });
  for (const p of PERSONAS) mode.append(h('option', { value: p.id, text: p.name }));
  mode.append(h('option', { value: 'amazon', text: 'Real shopper: Amazon Beauty replay' }));
  const blurb = h('p', { class: 'explain', id: 'sim-blurb' });
  const stepsInput = h('input', { type: 'range', min: 10, max: 60, step: 5, value: 30, id: 'sim-steps' });
  const stepsOut = h('output', { text: '30' });
  const gapInput = h('select', { id: 'sim-gap', 'aria-label': 'Days between visits' });
  for (const d of [0, 1, 3, 7, 14]) gapInput.append(h('option', { value: d, text: d === 0 ? 'same day' : `${d} day${d > 1 ? 's' : ''}` }));
  const baseline = h('select', { id: 'sim-baseline', 'aria-label': 'Shop’s order in the replay' });
  baseline.append(h('option', { value: 'pop', text: 'Bestsellers (popularity among other shoppers)' }), h('option', { value: 'id', text: 'Catalogue order (by item number)' }));
  const baselineRow = h('label', { hidden: true }, 'Shop’s order in the replay', baseline);
  const runBtn = h('button', { type: 'button', class: 'primary', id: 'sim-run', text: 'Run simulation' });
  const stopBtn = h('button', { type: 'button', class: 'secondary', text: 'Stop', disabled: true });
  const stats = h('div', { class: 'stat-grid', id: 'sim-stats', role: 'status', 'aria-live': 'polite' });
  const plot = h('div', { id: 'sim-plot' });
  const feed = h('ol', { class: 'feed', id: 'sim-feed', 'aria-label': 'Simulated clicks, newest first' });
  const note = h('p', { class: 'explain' });
  const verdict = h('p', { class: 'verdict', id: 'sim-verdict' });

  const describe = async () => {
    const p = PERSONAS.find((x) => x.id === mode.value);
    baselineRow.hidden = Boolean(p);
    if (p) blurb.textContent = `${p.blurb} Runs on this page’s own Hearth: your history is reset first, and the shop on the left updates as it goes.`;
    else {
      const s = await loadBeauty();
      blurb.textContent = s.available
        ? `${s.shoppers.length} real shoppers from ${s.source} (${s.users} in all). Each step ranks the item they actually chose next among 39 they never touched; the shop’s order is bestsellers first (a strong baseline here: the 39 others are drawn at random and mostly rarely bought) or the catalogue order. Item names are generated from opaque ids. Runs in a separate Hearth database, so your history is untouched.`
        : s.reason ?? 'Replay unavailable.';
    }
  };
  mode.addEventListener('change', () => void describe());
  stepsInput.addEventListener('input', () => (stepsOut.textContent = stepsInput.value));

  const draw = () => {
    const pers = steps.map((s) => s.personal), shop = steps.map((s) => s.shop);
    const hit = (xs: number[], k: number) => (xs.length ? xs.filter((x) => x <= k).length / xs.length : 0);
    stats.replaceChildren(
      h('div', { class: 'stat hearth' }, h('span', { class: 'meta', text: 'Hearth: avg position of the chosen item' }), h('b', { 'data-metric': 'hearth-pos', text: steps.length ? mean(pers).toFixed(1) : '—' })),
      h('div', { class: 'stat' }, h('span', { class: 'meta', text: 'Shop’s order: avg position' }), h('b', { 'data-metric': 'shop-pos', text: steps.length ? mean(shop).toFixed(1) : '—' })),
      h('div', { class: 'stat hearth' }, h('span', { class: 'meta', text: 'Hearth: chosen item in top 5 (CTR@5 proxy)' }), h('b', { text: steps.length ? `${Math.round(hit(pers, 5) * 100)}%` : '—' })),
      h('div', { class: 'stat' }, h('span', { class: 'meta', text: 'Shop’s order: in top 5' }), h('b', { text: steps.length ? `${Math.round(hit(shop, 5) * 100)}%` : '—' })),
    );
    const gain = mean(shop) - mean(pers);
    verdict.textContent = steps.length < 3 ? '' : gain > 0.05
      ? `Over ${steps.length} steps, the item this shopper chose sat on average ${gain.toFixed(1)} places higher in Hearth’s order than in the shop’s.`
      : gain < -0.05
        ? `Over ${steps.length} steps, Hearth’s order placed the chosen item ${(-gain).toFixed(1)} places lower on average than the shop’s: no taste to learn here, or not yet.`
        : `Over ${steps.length} steps, both orders placed the chosen item equally high on average.`;
    plot.replaceChildren(lineChart([
      { name: 'Hearth’s order', color: PALETTE[0]!, values: rolling(pers) },
      { name: 'Shop’s order', color: '#9aa0ab', values: rolling(shop) },
    ], { label: 'Position of the item the shopper chose next (rolling mean of 5; lower is better)', format: (v) => `#${v.toFixed(0)}`, xLabel: `step ${steps.length} →` }));
  };

  const log = (text: string) => feed.prepend(h('li', { text }));

  async function runPersona(p: Persona, n: number, gapDays: number): Promise<void> {
    await hearth.forget({ all: true });
    emit('history');
    const rnd = seeded(p.id.length * 1000 + n);
    const start = Date.now() - Math.floor(n / 5) * gapDays * 86_400_000;
    for (let i = 0; i < n && !stopRequested; i++) {
      const list = p.pages(i);
      const listId = list.length === 48 ? 'home:featured' : `category:${dep(list[0]!)}`;
      const ranked = await hearth.rank(list, rankOptions(listId));
      const pick = choose(list, (q) => p.taste(q, i, n), rnd);
      const pos = ranked.items.indexOf(pick) + 1, shopPos = list.indexOf(pick) + 1;
      steps.push({ personal: pos, shop: shopPos, label: pick.title });
      log(`${i + 1}. ${pick.title} (${pick.brand}) — #${pos} in Hearth’s order, #${shopPos} in the shop’s`);
      // Five steps make one visit; visits are `gapDays` apart, so older visits decay (half-life 14 days).
      const at = Math.min(Date.now(), start + Math.floor(i / 5) * gapDays * 86_400_000 + (i % 5) * 60_000);
      await hearth.track({ type: 'click', item: pick, listId, position: pos - 1, at });
      await hearth.track({ type: 'view', item: pick, dwellMs: 5_000 + Math.round(rnd() * 40_000), at: at + 1_000 });
      emit('history');
      draw();
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  async function runReplay(n: number): Promise<void> {
    const s = await loadBeauty();
    if (!s.available || s.shoppers.length === 0) { note.textContent = s.reason ?? 'Replay unavailable.'; return; }
    replayHearth ??= createHearth({ dbName: 'hearth-demo-replay', workerUrl: WORKER_URL, timeoutMs: 4_000 });
    await replayHearth.forget({ all: true });
    // Several real shoppers in turn (fresh history each), until n steps are measured.
    let k = Math.floor(Math.random() * s.shoppers.length);
    let done = 0;
    while (done < n && !stopRequested) {
      const shopper = s.shoppers[k++ % s.shoppers.length]!;
      await replayHearth.forget({ all: true });
      const seq = shopper.items, t0 = Date.now() - seq.length * 3_600_000;
      log(`— shopper ${shopper.user}: ${seq.length} purchases/reviews —`);
      await replayHearth.track({ type: 'click', item: beautyItem(s, seq[0]!), at: t0 });
      for (let i = 1; i < seq.length && done < n && !stopRequested; i++, done++) {
        const ids = [seq[i]!, ...shopper.negatives.filter((x) => !seq.includes(x))];
        const byPopularity = baseline.value === 'pop';
        const shopOrder = ids.sort((a, b) => (byPopularity ? (s.items[String(b)]?.p ?? 0) - (s.items[String(a)]?.p ?? 0) : 0) || a - b).map((id) => beautyItem(s, id));
        const target = `az-${seq[i]}`;
        const ranked = await replayHearth.rank(shopOrder, rankOptions('beauty'));
        const pos = ranked.items.findIndex((x) => x.id === target) + 1, shopPos = shopOrder.findIndex((x) => x.id === target) + 1;
        const item = shopOrder[shopPos - 1]!;
        steps.push({ personal: pos, shop: shopPos, label: item.title });
        log(`${done + 1}. ${item.title} (${item.brand}) — #${pos} in Hearth’s order, #${shopPos} in the shop’s`);
        await replayHearth.track({ type: 'click', item, at: t0 + i * 3_600_000 });
        draw();
        await new Promise((r) => setTimeout(r, 30));
      }
    }
  }

  runBtn.addEventListener('click', () => void run());
  async function run() {
    if (running) return;
    running = true; stopRequested = false;
    runBtn.disabled = true; stopBtn.disabled = false; mode.disabled = true; baseline.disabled = true;
    steps.length = 0; feed.replaceChildren(); note.textContent = '';
    draw();
    const n = Number(stepsInput.value), gap = Number(gapInput.value);
    try {
      const p = PERSONAS.find((x) => x.id === mode.value);
      if (p) await runPersona(p, n, gap); else await runReplay(n);
      note.textContent = `Done: ${steps.length} steps measured.`;
    } finally {
      running = false;
      runBtn.disabled = false; stopBtn.disabled = true; mode.disabled = false; baseline.disabled = false;
      root.dataset.simDone = String(steps.length);
    }
  }
  stopBtn.addEventListener('click', () => (stopRequested = true));

  root.replaceChildren(
    h('h3', { text: 'Simulate a shopper' }),
    h('div', { class: 'controls' },
      h('label', {}, 'Shopper', mode),
      blurb,
      h('label', {}, h('span', {}, 'Steps (clicks): ', stepsOut), stepsInput),
      h('label', {}, 'Days between visits (5 clicks a visit) — shows decay', gapInput),
      baselineRow,
      h('div', { class: 'row-buttons' }, runBtn, stopBtn)),
    h('h3', { text: 'Ranking quality, measured live' }),
    h('p', { class: 'explain', text: 'Where the item the shopper chose next sat in each order (1 = top). Computed at every step from the same list; the shopper’s choice never depends on the order shown.' }),
    stats, verdict, plot, note,
    h('h3', { text: 'Simulated clicks' }),
    feed,
  );
  void describe();
  draw();
}
