import { createHearth, type Hearth } from 'hearth-sdk';
import { departmentList, featuredList, seeded, type Product } from './catalogue.js';
import { lineChart, PALETTE } from './chart.js';
import { h } from './dom.js';
import { knobs, WORKER_URL } from './state.js';

/**
 * A simulated shopper: a hidden taste (a score per product) that picks what to click from each page,
 * whatever order the page shows. Each step: the simulator's own Hearth ranks the list (with the knobs
 * as set) and we record where the item the shopper then chose sat in Hearth's order and in the shop's
 * order. Nothing here is scripted: the plot is those positions as they happen. The tastes are made of
 * the same brand, category and price that Hearth scores on, so this shows the mechanics, not the size
 * of the gain: the real-shopper replay (replay-panel.ts) measures that.
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
/** The simulator's own Hearth, in its own database: running it never touches the visitor's browsing. */
let simHearth: Hearth | undefined;
const simulatorHearth = (): Hearth => (simHearth ??= createHearth({ dbName: 'hearth-demo-simulator', workerUrl: WORKER_URL, timeoutMs: 4_000 }));

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
  const blurb = h('p', { class: 'explain', id: 'sim-blurb' });
  const stepsInput = h('input', { type: 'range', min: 10, max: 60, step: 5, value: 30, id: 'sim-steps' });
  const stepsOut = h('output', { text: '30' });
  const gapInput = h('select', { id: 'sim-gap', 'aria-label': 'Days between visits' });
  for (const d of [0, 1, 3, 7, 14]) gapInput.append(h('option', { value: d, text: d === 0 ? 'same day' : `${d} day${d > 1 ? 's' : ''}` }));
  const runBtn = h('button', { type: 'button', class: 'primary', id: 'sim-run', text: 'Run simulation' });
  const stopBtn = h('button', { type: 'button', class: 'secondary', text: 'Stop', disabled: true });
  const stats = h('div', { class: 'stat-grid', id: 'sim-stats', role: 'status', 'aria-live': 'polite' });
  const plot = h('div', { id: 'sim-plot' });
  const feed = h('ol', { class: 'feed', id: 'sim-feed', 'aria-label': 'Simulated clicks, newest first' });
  const note = h('p', { class: 'explain' });
  const verdict = h('p', { class: 'verdict', id: 'sim-verdict' });

  const describe = () => {
    const p = PERSONAS.find((x) => x.id === mode.value)!;
    blurb.textContent = `${p.blurb} Runs in the simulator’s own Hearth database: your own browsing on the left is kept as it is.`;
  };
  mode.addEventListener('change', describe);
  stepsInput.addEventListener('input', () => (stepsOut.textContent = stepsInput.value));

  const draw = () => {
    const pers = steps.map((x) => x.personal), shop = steps.map((x) => x.shop);
    const hit = (xs: number[], k: number) => (xs.length ? xs.filter((x) => x <= k).length / xs.length : 0);
    const stat = (cls: string, label: string, value: string, metric?: string) => h('div', { class: `stat ${cls}` }, h('span', { class: 'meta', text: label }), h('b', { 'data-metric': metric, text: steps.length ? value : '—' }));
    stats.replaceChildren(
      stat('hearth', 'Hearth: average position of the chosen item (lower is better)', `#${mean(pers).toFixed(1)}`, 'hearth-pos'),
      stat('', 'Shop’s order: average position', `#${mean(shop).toFixed(1)}`, 'shop-pos'),
      stat('hearth', 'Hearth: chosen item in the top 5', `${Math.round(hit(pers, 5) * 100)}%`),
      stat('', 'Shop’s order: chosen item in the top 5', `${Math.round(hit(shop, 5) * 100)}%`),
    );
    const gain = mean(shop) - mean(pers);
    verdict.textContent = steps.length < 3 ? '' : gain > 0.05
      ? `Over ${steps.length} simulated steps, the item this shopper chose sat on average ${gain.toFixed(1)} places nearer the top in Hearth’s order than in the shop’s.`
      : gain < -0.05
        ? `Over ${steps.length} simulated steps, Hearth’s order placed the chosen item ${(-gain).toFixed(1)} places further down on average than the shop’s: no taste to learn here, or not yet.`
        : `Over ${steps.length} simulated steps, both orders placed the chosen item equally high on average.`;
    const worst = Math.max(12, ...pers, ...shop);
    plot.replaceChildren(lineChart([
      { name: 'Hearth’s order', color: PALETTE[0]!, values: rolling(pers), width: 3.5 },
      { name: 'Shop’s order (dashed)', color: '#555b66', values: rolling(shop), dash: '5 3', width: 1.8 },
    ], { label: 'Position of the item the shopper chose next (rolling mean of 5; #1 is the top, lower is better)', yMin: 1, yMax: worst, invert: true, ticks: [1, Math.round(worst / 2), worst], format: (v) => `#${v.toFixed(0)}`, xLabel: `step ${steps.length} →`, empty: 'The plot appears when the simulation runs.' }));
  };

  const log = (text: string) => feed.prepend(h('li', { text }));

  async function runPersona(p: Persona, n: number, gapDays: number): Promise<void> {
    const hearth = simulatorHearth();
    await hearth.forget({ all: true });
    const rnd = seeded(p.id.length * 1000 + n);
    const start = Date.now() - Math.floor(n / 5) * gapDays * 86_400_000;
    for (let i = 0; i < n && !stopRequested; i++) {
      const list = p.pages(i);
      const listId = list.length === 48 ? 'home:featured' : `category:${dep(list[0]!)}`;
      const ranked = await hearth.rank(list, { listId, ...knobs });
      const pick = choose(list, (q) => p.taste(q, i, n), rnd);
      const pos = ranked.items.indexOf(pick) + 1, shopPos = list.indexOf(pick) + 1;
      steps.push({ personal: pos, shop: shopPos, label: pick.title });
      log(`${i + 1}. ${pick.title} (${pick.brand}) — #${pos} in Hearth’s order, #${shopPos} in the shop’s`);
      // Five steps make one visit; visits are `gapDays` apart, so older visits decay (half-life 14 days).
      const at = Math.min(Date.now(), start + Math.floor(i / 5) * gapDays * 86_400_000 + (i % 5) * 60_000);
      await hearth.track({ type: 'click', item: pick, listId, position: pos - 1, at });
      await hearth.track({ type: 'view', item: pick, dwellMs: 5_000 + Math.round(rnd() * 40_000), at: at + 1_000 });
      draw();
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  runBtn.addEventListener('click', () => void run());
  async function run() {
    if (running) return;
    running = true; stopRequested = false;
    runBtn.disabled = true; stopBtn.disabled = false; mode.disabled = true;
    steps.length = 0; feed.replaceChildren(); note.textContent = '';
    draw();
    const n = Number(stepsInput.value), gap = Number(gapInput.value);
    try {
      await runPersona(PERSONAS.find((x) => x.id === mode.value)!, n, gap);
      note.textContent = `Done: ${steps.length} steps measured.`;
    } finally {
      running = false;
      runBtn.disabled = false; stopBtn.disabled = true; mode.disabled = false;
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
      h('div', { class: 'row-buttons' }, runBtn, stopBtn)),
    h('h3', { text: 'Ranking quality, measured live' }),
    h('p', { class: 'explain', text: 'Where the item the shopper chose next sat in each order: #1 is the top of the list, so lower is better. Computed at every step from the same list; the shopper’s choice never depends on the order shown.' }),
    stats, verdict, plot, note,
    h('h3', { text: 'Simulated clicks' }),
    feed,
  );
  describe();
  draw();
}
