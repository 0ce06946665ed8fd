import { h, s } from './dom.js';

export interface Series { name: string; color: string; values: number[]; dash?: string; width?: number }

export const PALETTE = ['#6a3fc9', '#c4621d', '#16794a', '#1f6fb2', '#b3261e', '#8a6d00', '#0f7c86', '#7a4a2a'];

interface ChartOptions { label: string; yMax?: number; yMin?: number; format?: (v: number) => string; xLabel?: string; height?: number; empty?: string; ticks?: number[]; invert?: boolean }

/**
 * A small SVG line chart; `yMin`/`yMax` fix the scale, `format` labels the axis, `invert` puts the
 * smallest value on top (positions: #1 is the top of the list). Each line ends in a dot and may be
 * dashed, so a line drawn over another never hides it. No data: the `empty` text instead of axes.
 */
export function lineChart(series: Series[], opts: ChartOptions): HTMLElement {
  if (series.every((x) => x.values.length === 0)) return h('p', { class: 'explain chart-empty', text: opts.empty ?? 'No data yet.' });
  const W = 360, H = opts.height ?? 150, L = 34, R = 8, T = 8, B = 22;
  const n = Math.max(2, ...series.map((x) => x.values.length));
  const yMin = opts.yMin ?? 0;
  const yMax = Math.max(yMin + 1e-9, opts.yMax ?? Math.max(...series.flatMap((x) => x.values)));
  const fmt = opts.format ?? ((v: number) => v.toFixed(1));
  const X = (i: number) => L + (i / (n - 1)) * (W - L - R);
  const frac = (v: number) => (Math.min(Math.max(v, yMin), yMax) - yMin) / (yMax - yMin);
  const Y = (v: number) => T + (opts.invert ? frac(v) : 1 - frac(v)) * (H - T - B);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': opts.label });
  for (const v of opts.ticks ?? [yMin, (yMin + yMax) / 2, yMax]) {
    svg.append(s('line', { x1: L, x2: W - R, y1: Y(v), y2: Y(v), stroke: '#e8e3d8' }));
    svg.append(s('text', { x: L - 4, y: Y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6170' }, fmt(v)));
  }
  svg.append(s('text', { x: W - R, y: H - 6, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6170' }, opts.xLabel ?? ''));
  for (const line of series) {
    if (line.values.length === 0) continue;
    const d = line.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${X(i).toFixed(1)} ${Y(v).toFixed(1)}`).join(' ');
    svg.append(s('path', { d, fill: 'none', stroke: line.color, 'stroke-width': line.width ?? 2.2, 'stroke-linejoin': 'round', ...(line.dash ? { 'stroke-dasharray': line.dash } : {}) }));
    const last = line.values.length - 1;
    svg.append(s('circle', { cx: X(last), cy: Y(line.values[last]!), r: 3, fill: line.color }));
  }
  return h('figure', { class: 'figure' }, svg, legend(series));
}

export function legend(series: Array<{ name: string; color: string; dash?: string }>): HTMLElement {
  const el = h('div', { class: 'legend' });
  for (const x of series) {
    const sw = h('i', { 'aria-hidden': 'true', class: x.dash ? 'dashed' : undefined });
    sw.style.background = x.dash ? `repeating-linear-gradient(90deg, ${x.color} 0 4px, transparent 4px 6px)` : x.color;
    el.append(h('span', {}, sw, x.name));
  }
  return el;
}

/**
 * Horizontal bars of shares 0–1: paired (long-term vs this session) when `opts.b` names the second
 * series, single otherwise (when the two would be the same by construction).
 */
export function pairedBars(rows: Array<{ name: string; a: number; b: number }>, opts: { label: string; a: string; b?: string; onForget?: (name: string) => void }): HTMLElement {
  const pair = opts.b !== undefined;
  const W = 360, rowH = pair ? 26 : 16, L = 110;
  const H = Math.max(1, rows.length) * rowH + 4;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': opts.label });
  const bar = (v: number, y: number, fill: string) => {
    svg.append(s('rect', { x: L, y, width: Math.max(1, v * (W - L - 40)), height: 10, rx: 2, fill }));
    svg.append(s('text', { x: L + v * (W - L - 40) + 4, y: y + 9, 'font-size': 9, fill: '#5b6170' }, `${Math.round(v * 100)}%`));
  };
  rows.forEach((r, i) => {
    const y = i * rowH + 2;
    svg.append(s('text', { x: L - 6, y: y + (pair ? 15 : 9), 'text-anchor': 'end', 'font-size': 11, fill: '#1d2330' }, r.name.length > 17 ? `${r.name.slice(0, 16)}…` : r.name));
    bar(r.a, y, PALETTE[0]!);
    if (pair) bar(r.b, y + 12, '#e0a36b');
  });
  if (rows.length === 0) return h('p', { class: 'explain', text: 'Nothing yet.' });
  const fig = h('figure', { class: 'figure' }, svg, legend(pair ? [{ name: opts.a, color: PALETTE[0]! }, { name: opts.b!, color: '#e0a36b' }] : [{ name: opts.a, color: PALETTE[0]! }]));
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
