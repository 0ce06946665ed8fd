import { PALETTE } from './chart.js';
import { loadBeauty, type BeautySlice } from './beauty.js';
import { h, s } from './dom.js';
import { modelServed, replayAll, type ReplayRun } from './replay.js';
import { figures, headline, pct, range, type OrderFigures } from './replay-verdict.js';

const COLOURS: Record<string, string> = { bestsellers: '#8a8f99', zero: '#c4621d', trained: PALETTE[0]! };

/** Bars of "next item in the top 10" per order, each with its 95 % interval as a whisker. */
function bars(f: OrderFigures[]): SVGSVGElement {
  const W = 360, rowH = 34, L = 8, R = 44, H = f.length * rowH + 18;
  const X = (v: number) => L + v * (W - L - R);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'Share of shoppers whose next item was in the top 10, with 95% intervals' });
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(s('line', { x1: X(v), x2: X(v), y1: 0, y2: H - 14, stroke: '#eee8dc' }), s('text', { x: X(v), y: H - 3, 'font-size': 9, 'text-anchor': 'middle', fill: '#5b6170' }, pct(v)));
  }
  f.forEach((o, i) => {
    const y = i * rowH + 4;
    svg.append(s('rect', { x: L, y, width: Math.max(1, X(o.top10.value) - L), height: 14, rx: 3, fill: COLOURS[o.key]! }));
    svg.append(s('line', { x1: X(o.top10.low), x2: X(o.top10.high), y1: y + 7, y2: y + 7, stroke: '#1d2330', 'stroke-width': 1.5 }));
    for (const v of [o.top10.low, o.top10.high]) svg.append(s('line', { x1: X(v), x2: X(v), y1: y + 2, y2: y + 12, stroke: '#1d2330', 'stroke-width': 1.5 }));
    svg.append(s('text', { x: X(o.top10.high) + 4, y: y + 11, 'font-size': 11, fill: '#1d2330' }, pct(o.top10.value)));
    svg.append(s('text', { x: L, y: y + 25, 'font-size': 10, fill: '#5b6170' }, o.name));
  });
  return svg;
}

function table(f: OrderFigures[]): HTMLTableElement {
  const t = h('table', { class: 'log results', id: 'replay-table' },
    h('thead', {}, h('tr', {}, h('th', { text: 'Order' }), h('th', { text: 'Next item in the top 5' }), h('th', { text: 'In the top 10' }), h('th', { text: 'Average position (#1 = top; lower is better)' }))));
  const body = h('tbody');
  for (const o of f) {
    body.append(h('tr', { 'data-order': o.key },
      h('td', { text: o.name }),
      h('td', { 'data-metric': `${o.key}-top5`, 'data-hits': o.hits5 }, h('b', { text: pct(o.top5.value) }), h('span', { class: 'meta', text: `${o.hits5} of ${o.n} · ${range(o.top5)}` })),
      h('td', { 'data-metric': `${o.key}-top10`, 'data-hits': o.hits10 }, h('b', { text: pct(o.top10.value) }), h('span', { class: 'meta', text: `${o.hits10} of ${o.n} · ${range(o.top10)}` })),
      h('td', { 'data-metric': `${o.key}-pos`, 'data-mean': o.position.value.toFixed(3) }, h('b', { text: `#${o.position.value.toFixed(1)}` }), h('span', { class: 'meta', text: `${o.position.low.toFixed(1)}–${o.position.high.toFixed(1)}` }))));
  }
  t.append(body);
  return t;
}

function method(sl: BeautySlice, model: Awaited<ReturnType<typeof modelServed>>): HTMLElement {
  return h('details', { class: 'tech' }, h('summary', { text: 'How this is measured (technical)' }),
    h('ul', {},
      h('li', { text: `Data: ${sl.source ?? 'Amazon Beauty'}; one shopper in every ${Math.floor((sl.users ?? 0) / Math.max(1, sl.shoppers.length))} of its ${(sl.users ?? 0).toLocaleString('en')}. Product names are made up from the opaque ids; Hearth sees only each item’s id and its attribute ids, as the shop’s GA4 export and feed carry them.` }),
      h('li', { text: 'Each shopper: the items before their last are tracked in a fresh Hearth database (one a minute, ending now); then a list of their last item and 99 items they never touched is ranked. The list arrives in bestseller order (most bought by all shoppers, last items excluded); each Hearth order re-ranks that list.' }),
      h('li', { text: model.ok ? `Trained model: ${model.version ?? 'version unknown'}, served from /hearth-model/ (made by \`npm run demo:model\` with the project’s own trainer, \`npm run train\`, from the GA4-export form of the data). Training used every shopper’s items except their last, so the item measured here was never seen in training.` : 'Trained model: not served (public/hearth-model/model.json missing when the demo was built), so its order is left out. `npm run demo:model` makes it.' }),
      h('li', { text: 'Intervals: 95%, Wilson score for each share, normal approximation for the average position and for the difference of two shares (paired: the same shoppers in both orders). The headline says “more” only when the two shares’ intervals do not overlap and the difference’s interval excludes zero.' }),
      h('li', { text: 'Amazon reviews stand in for purchases (“bought next” is “reviewed next”).' }),
      h('li', { text: 'This replay’s own figures, and the same measure over every shopper in Node (the engine without a browser): BENCHMARKS.md › “Demo: the site-trained model and the Beauty replay”.' })));
}

export function mountReplay(root: HTMLElement): void {
  const runBtn = h('button', { type: 'button', class: 'primary', id: 'replay-run', text: 'Run the replay' });
  const stopBtn = h('button', { type: 'button', class: 'secondary', text: 'Stop', disabled: true });
  const progress = h('progress', { id: 'replay-progress', max: 1, value: 0, hidden: true });
  const status = h('p', { class: 'explain', id: 'replay-status', role: 'status', 'aria-live': 'polite' });
  const verdict = h('p', { class: 'verdict', id: 'replay-verdict' });
  const results = h('div', { id: 'replay-results' });
  const tech = h('div');
  let stop = false;
  let running = false;
  let served = false;

  const draw = (run: ReplayRun, done: boolean) => {
    const f = figures(run.positions);
    const n = run.positions.bestsellers.length;
    progress.max = run.shoppers; progress.value = n;
    status.textContent = done ? `Done: ${n} of ${run.shoppers} shoppers replayed in this browser${run.fallbacks ? `; ${run.fallbacks} rank(s) fell back to the shop’s order` : ''}.` : `Replaying shopper ${n} of ${run.shoppers}…`;
    verdict.textContent = headline(f, run.positions, done, served);
    const shown = served ? f : f.filter((o) => o.key !== 'trained');
    results.replaceChildren(h('figure', { class: 'figure' }, bars(shown)), table(shown));
  };

  runBtn.addEventListener('click', () => void (async () => {
    if (running) return;
    running = true; stop = false;
    runBtn.disabled = true; stopBtn.disabled = false; progress.hidden = false;
    root.dataset.replayDone = '';
    try {
      const sl = await loadBeauty();
      if (!sl.available) { status.textContent = sl.reason ?? 'Replay unavailable.'; return; }
      const run = await replayAll(sl, (r) => draw(r, false), () => stop);
      draw(run, true);
      root.dataset.replayDone = String(run.positions.bestsellers.length);
    } finally {
      running = false;
      runBtn.disabled = false; stopBtn.disabled = true;
    }
  })());
  stopBtn.addEventListener('click', () => (stop = true));

  root.replaceChildren(
    h('h3', { text: 'Does it sell more? Replay real shoppers' }),
    h('p', { class: 'explain', id: 'replay-blurb', text: 'Loading the shoppers…' }),
    h('div', { class: 'row-buttons' }, runBtn, stopBtn, progress),
    status, verdict, results, tech);
  void loadBeauty().then(async (sl) => {
    const model = await modelServed(sl);
    const blurb = root.querySelector('#replay-blurb')!;
    if (!sl.available) { blurb.textContent = sl.reason ?? 'Replay unavailable.'; runBtn.disabled = true; return; }
    served = model.ok;
    blurb.textContent = `${sl.shoppers.length.toLocaleString('en')} real shoppers from an Amazon beauty shop. For each, Hearth learns from what they bought before, in this browser, then we check where the item they bought next sits in a list of 100: in the shop’s bestseller order, in Hearth’s order with no training, and with the model the shop trained on its own sales. About a minute; your own browsing is not touched.`;
    tech.replaceChildren(method(sl, model));
  });
}
