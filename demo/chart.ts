import { h, s } from './dom.js';

export interface Series { name: string; color: string; values: number[] }

export const PALETTE = ['#6a3fc9', '#c4621d', '#16794a', '#1f6fb2', '#b3261e', '#8a6d00', '#0f7c86', '#7a4a2a'];

/** A small SVG line chart; `yMax` fixes the scale, `format` labels the axis. */
export function lineChart(series: Series[], opts: { label: string; yMax?: number; format?: (v: number) => string; xLabel?: string; height?: number }): HTMLElement {
  const W = 360, H = opts.height ?? 150, L = 34, R = 8, T = 8, B = 22;
  const n = Math.max(2, ...series.map((x) => x.values.length));
  const yMax = opts.yMax ?? Math.max(1e-9, ...series.flatMap((x) => x.values));
  const fmt = opts.format ?? ((v: number) => v.toFixed(1));
  const X = (i: number) => L + (i / (n - 1)) * (W - L - R);
  const Y = (v: number) => T + (1 - Math.min(v, yMax) / yMax) * (H - T - B);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': opts.label });
  for (const f of [0, 0.5, 1]) {
    svg.append(s('line', { x1: L, x2: W - R, y1: Y(yMax * f), y2: Y(yMax * f), stroke: '#e8e3d8' }));
    svg.append(s('text', { x: L - 4, y: Y(yMax * f) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6170' }, fmt(yMax * f)));
  }
  svg.append(s('text', { x: W - R, y: H - 6, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6170' }, opts.xLabel ?? ''));
  for (const line of series) {
    if (line.values.length === 0) continue;
    const d = line.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${X(i).toFixed(1)} ${Y(v).toFixed(1)}`).join(' ');
    svg.append(s('path', { d, fill: 'none', stroke: line.color, 'stroke-width': 2.2, 'stroke-linejoin': 'round' }));
    const last = line.values.length - 1;
    svg.append(s('circle', { cx: X(last), cy: Y(line.values[last]!), r: 3, fill: line.color }));
  }
  return h('figure', { class: 'figure' }, svg, legend(series));
}

export function legend(series: Array<{ name: string; color: string }>): HTMLElement {
  const el = h('div', { class: 'legend' });
  for (const x of series) {
    const sw = h('i', { 'aria-hidden': 'true' });
    sw.style.background = x.color;
    el.append(h('span', {}, sw, x.name));
  }
  return el;
}

/** Paired horizontal bars: long-term vs this session, as shares 0–1. */
export function pairedBars(rows: Array<{ name: string; a: number; b: number }>, opts: { label: string; a: string; b: string; onForget?: (name: string) => void }): HTMLElement {
  const W = 360, rowH = 26, L = 110;
  const H = Math.max(1, rows.length) * rowH + 4;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': opts.label });
  rows.forEach((r, i) => {
    const y = i * rowH + 2;
    svg.append(s('text', { x: L - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 11, fill: '#1d2330' }, r.name.length > 17 ? `${r.name.slice(0, 16)}…` : r.name));
    svg.append(s('rect', { x: L, y, width: Math.max(1, r.a * (W - L - 40)), height: 10, rx: 2, fill: PALETTE[0]! }));
    svg.append(s('rect', { x: L, y: y + 12, width: Math.max(1, r.b * (W - L - 40)), height: 10, rx: 2, fill: '#e0a36b' }));
    svg.append(s('text', { x: L + r.a * (W - L - 40) + 4, y: y + 9, 'font-size': 9, fill: '#5b6170' }, `${Math.round(r.a * 100)}%`));
    svg.append(s('text', { x: L + r.b * (W - L - 40) + 4, y: y + 21, 'font-size': 9, fill: '#5b6170' }, `${Math.round(r.b * 100)}%`));
  });
  if (rows.length === 0) return h('p', { class: 'explain', text: 'Nothing yet.' });
  const fig = h('figure', { class: 'figure' }, svg, legend([{ name: opts.a, color: PALETTE[0]! }, { name: opts.b, color: '#e0a36b' }]));
  if (opts.onForget && rows.length) {
    const chips = h('div', { class: 'chips', 'aria-label': 'Forget one' });
    for (const r of rows) {
      const b = h('button', { type: 'button', class: 'chip', 'aria-label': `Forget ${r.name}`, text: `✕ ${r.name}` });
      b.addEventListener('click', () => opts.onForget!(r.name));
      chips.append(b);
    }
    fig.append(chips);
  }
  return fig;
}
