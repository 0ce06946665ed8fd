import { EXPERIMENT, runAb, type AbOutcome } from './ab-run.js';
import { VISITS } from './ab-shoppers.js';
import { abFigures, abVerdict, pctOf, points, type AbFigures, type ArmFigures } from './ab-verdict.js';
import { h, s } from './dom.js';
import type { Interval } from './stats.js';

/** Seed of the shoppers' tastes and choices: a run repeats them; only the arms are drawn afresh each run. */
const SEED = 23;

/** The lift and its 95 % interval on a −100…+100 points scale, zero marked. */
function liftChart(lift: Interval): SVGSVGElement {
  const W = 360, H = 44, L = 14, R = 14;
  const X = (v: number) => L + ((v + 1) / 2) * (W - L - R);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `Lift ${points(lift.value)} points, 95% interval ${points(lift.low)} to ${points(lift.high)}` });
  for (const v of [-1, -0.5, 0, 0.5, 1]) svg.append(s('line', { x1: X(v), x2: X(v), y1: 4, y2: 28, stroke: v === 0 ? '#1d2330' : '#eee8dc', 'stroke-dasharray': v === 0 ? '3 2' : '' }), s('text', { x: X(v), y: 40, 'font-size': 9, 'text-anchor': 'middle', fill: '#5b6170' }, `${points(v)}`));
  svg.append(s('line', { x1: X(lift.low), x2: X(lift.high), y1: 16, y2: 16, stroke: '#6a3fc9', 'stroke-width': 3 }));
  for (const v of [lift.low, lift.high]) svg.append(s('line', { x1: X(v), x2: X(v), y1: 10, y2: 22, stroke: '#6a3fc9', 'stroke-width': 2 }));
  svg.append(s('circle', { cx: X(lift.value), cy: 16, r: 4.5, fill: '#6a3fc9' }));
  return svg;
}

function stats(f: AbFigures, total: number): HTMLElement[] {
  const arm = (cls: string, label: string, key: string, a: ArmFigures) => h('div', { class: `stat ${cls}`, 'data-metric': `ab-${key}`, 'data-hits': a.hits, 'data-n': a.n },
    h('span', { class: 'meta', text: label }), h('b', { text: a.n ? pctOf(a.share.value) : '—' }),
    h('span', { class: 'meta', text: a.n ? `${a.hits} of ${a.n} shoppers · ${pctOf(a.share.low)}–${pctOf(a.share.high)}` : `0 shoppers` }));
  const lift = f.lift;
  return [
    arm('hearth', 'Personalised arm: pick in the top 5', 'personalised', f.personalised),
    arm('', 'Holdout arm (shop’s order): pick in the top 5', 'holdout', f.holdout),
    h('div', { class: 'stat hearth', 'data-metric': 'ab-lift', ...(lift ? { 'data-value': lift.value, 'data-low': lift.low, 'data-high': lift.high } : {}) },
      h('span', { class: 'meta', text: 'Lift (personalised − holdout), points' }), h('b', { text: lift ? points(lift.value) : '—' }),
      h('span', { class: 'meta', text: lift ? `95% interval ${points(lift.low)} to ${points(lift.high)}` : 'needs shoppers in both arms' })),
    h('div', { class: 'stat', 'data-metric': 'ab-shoppers' }, h('span', { class: 'meta', text: 'Shoppers per arm' }), h('b', { text: `${f.personalised.n} / ${f.holdout.n}` }),
      h('span', { class: 'meta', text: `personalised / holdout, of ${total}` })),
  ];
}

function method(): HTMLElement {
  return h('details', { class: 'tech' }, h('summary', { text: 'How this is measured (technical)' }), h('ul', {},
    h('li', { text: `Each shopper is a Hearth instance of its own (database hearth-demo-ab-<n>) created with experiment { id: '${EXPERIMENT.id}', holdout: ${EXPERIMENT.holdout} }; the arm is the one hearth.experiment() reports, drawn by the SDK with crypto.getRandomValues. Four shoppers run at a time (each is a Web Worker); each is closed, and its database and stored arm deleted, when done.` }),
    h('li', { text: `Each shopper makes ${VISITS} visits a day apart (their favourite department and the home page in turn), choosing one item by their taste and never by the order shown; Hearth learns from those clicks in both arms. Measured: on the last visit (the home page, 48 products), was the chosen item in the top 5 shown?` }),
    h('li', { text: 'One outcome per shopper, so the two arms are independent samples. Intervals: 95%, Wilson score for each arm’s share, Newcombe’s hybrid score interval for the difference. The verdict says “above zero” only when the whole interval is.' }),
    h('li', { text: `Tastes and choices come from a fixed seed (${SEED}), so a rerun repeats them; the arms are drawn afresh each run, so the figures move a little between runs.` })));
}

export function mountAbTest(root: HTMLElement): void {
  const count = h('input', { type: 'range', min: 8, max: 100, step: 4, value: 60, id: 'ab-shoppers' });
  const countOut = h('output', { text: '60' });
  count.addEventListener('input', () => (countOut.textContent = count.value));
  const runBtn = h('button', { type: 'button', class: 'primary', id: 'ab-run', text: 'Run the A/B test' });
  const stopBtn = h('button', { type: 'button', class: 'secondary', id: 'ab-stop', text: 'Stop', disabled: true });
  const progress = h('progress', { id: 'ab-progress', max: 1, value: 0, hidden: true });
  const status = h('p', { class: 'explain', id: 'ab-status', role: 'status', 'aria-live': 'polite' });
  const grid = h('div', { class: 'stat-grid', id: 'ab-stats' });
  const chart = h('div', { id: 'ab-chart' });
  const verdict = h('p', { class: 'verdict', id: 'ab-verdict' });
  let stop = false, running = false;

  const draw = (outs: AbOutcome[], n: number, done: boolean) => {
    const f = abFigures(outs);
    progress.max = n; progress.value = outs.length;
    status.textContent = done ? `Done: ${outs.length} of ${n} shoppers${outs.length < n ? ' (stopped)' : ''}${f.fallbacks ? `; ${f.fallbacks} personalised rank(s) fell back to the shop’s order` : ''}.` : `Shopper ${outs.length} of ${n}…`;
    grid.replaceChildren(...stats(f, outs.length));
    chart.replaceChildren(...(f.lift ? [liftChart(f.lift), h('p', { class: 'meta', text: 'The lift in points with its 95% interval; the dashed line is zero (no difference).' })] : []));
    verdict.textContent = abVerdict(f, done);
  };

  runBtn.addEventListener('click', () => void (async () => {
    if (running) return;
    running = true; stop = false;
    runBtn.disabled = true; stopBtn.disabled = false; count.disabled = true; progress.hidden = false;
    root.dataset.abDone = '';
    const n = Number(count.value);
    draw([], n, false);
    try {
      const outs = await runAb(n, SEED, (o) => draw(o, n, false), () => stop);
      draw(outs, n, true);
      root.dataset.abDone = String(outs.length);
    } finally {
      running = false;
      runBtn.disabled = false; stopBtn.disabled = true; count.disabled = false;
    }
  })());
  stopBtn.addEventListener('click', () => (stop = true));

  root.replaceChildren(
    h('h3', { text: 'A/B test: many simulated shoppers, half held out' }),
    h('p', { class: 'explain', text: 'Each simulated shopper gets their own Hearth, and Hearth’s experiments feature puts them at random in one of two arms: half see Hearth’s order, half keep the shop’s (the holdout). After a few visits we compare how often the item each shopper chose was in the top 5 they were shown.' }),
    h('p', { class: 'explain', id: 'ab-honest' }, h('strong', { text: 'Simulated tastes: ' }), 'built on the department and price Hearth learns from, so this shows how the lift is measured, not how large it would be in your shop. The real-shopper replay is the evidence.'),
    h('div', { class: 'controls' }, h('label', {}, h('span', {}, 'Shoppers: ', countOut), count)),
    h('div', { class: 'row-buttons' }, runBtn, stopBtn, progress),
    status, grid, chart, verdict, method());
  draw([], Number(count.value), false);
  status.textContent = '';
}
