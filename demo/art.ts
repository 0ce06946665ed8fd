import { s } from './dom.js';
import type { Product } from './catalogue.js';

/**
 * Generated product artwork: an SVG built with DOM APIs (no remote images, no markup parsing).
 * Each department has a motif; hue and colour name vary per product.
 */
const MOTIFS: Record<string, (fg: string) => SVGElement[]> = {
  Running: (fg) => [s('path', { d: 'M18 62 C18 50 30 48 36 40 L44 42 C50 50 62 52 78 56 C84 58 84 66 78 66 L22 66 C19 66 18 64 18 62 Z', fill: fg }), s('path', { d: 'M40 46 l6 3 M44 43 l6 3', stroke: 'rgba(0,0,0,.25)', 'stroke-width': 2 })],
  Camping: (fg) => [s('path', { d: 'M50 22 L80 70 L20 70 Z', fill: fg }), s('path', { d: 'M50 40 L60 70 L40 70 Z', fill: 'rgba(0,0,0,.25)' })],
  Cycling: (fg) => [s('circle', { cx: 30, cy: 58, r: 13, fill: 'none', stroke: fg, 'stroke-width': 5 }), s('circle', { cx: 70, cy: 58, r: 13, fill: 'none', stroke: fg, 'stroke-width': 5 }), s('path', { d: 'M30 58 L44 36 L62 36 L70 58 M44 36 L52 58', fill: 'none', stroke: fg, 'stroke-width': 4 })],
  Yoga: (fg) => [s('rect', { x: 22, y: 30, width: 52, height: 34, rx: 6, fill: fg }), s('circle', { cx: 74, cy: 47, r: 17, fill: fg }), s('circle', { cx: 74, cy: 47, r: 8, fill: 'rgba(0,0,0,.2)' })],
  Skincare: (fg) => [s('rect', { x: 36, y: 34, width: 28, height: 40, rx: 6, fill: fg }), s('rect', { x: 44, y: 24, width: 12, height: 10, fill: fg }), s('rect', { x: 40, y: 20, width: 22, height: 5, rx: 2, fill: fg })],
  Makeup: (fg) => [s('rect', { x: 38, y: 46, width: 24, height: 28, rx: 3, fill: fg }), s('path', { d: 'M41 46 L41 30 L59 22 L59 46 Z', fill: 'rgba(255,255,255,.85)' })],
  Haircare: (fg) => [s('rect', { x: 34, y: 30, width: 32, height: 44, rx: 10, fill: fg }), s('rect', { x: 42, y: 20, width: 16, height: 12, rx: 3, fill: fg })],
  Fragrance: (fg) => [s('rect', { x: 30, y: 38, width: 40, height: 36, rx: 12, fill: fg }), s('rect', { x: 44, y: 26, width: 12, height: 12, fill: fg }), s('circle', { cx: 50, cy: 22, r: 6, fill: fg })],
};

/** Motifs by product kind, checked before the department's own (a GPS watch is not a shoe). */
const KINDS: Array<[RegExp, (fg: string) => SVGElement[]]> = [
  [/Vest|Jersey|Top|Shell/, (fg) => [s('path', { d: 'M36 20 L44 24 Q50 28 56 24 L64 20 L80 32 L72 42 L66 38 L66 74 L34 74 L34 38 L28 42 L20 32 Z', fill: fg })]],
  [/Tights|Leggings|Shorts/, (fg) => [s('path', { d: 'M34 20 L66 20 L70 74 L56 74 L50 38 L44 74 L30 74 Z', fill: fg })]],
  [/Watch/, (fg) => [s('rect', { x: 42, y: 14, width: 16, height: 62, rx: 5, fill: 'rgba(0,0,0,.35)' }), s('circle', { cx: 50, cy: 45, r: 17, fill: fg }), s('circle', { cx: 50, cy: 45, r: 12, fill: '#f5f5f5' }), s('path', { d: 'M50 45 L50 37 M50 45 L56 48', stroke: fg, 'stroke-width': 2 })]],
  [/Socks/, (fg) => [s('path', { d: 'M40 16 L56 16 L56 52 L70 60 Q76 68 68 74 L46 70 Q40 68 40 60 Z', fill: fg })]],
  [/Belt|Bag|Backpack/, (fg) => [s('rect', { x: 30, y: 28, width: 40, height: 44, rx: 10, fill: fg }), s('path', { d: 'M40 28 Q50 12 60 28', fill: 'none', stroke: fg, 'stroke-width': 5 }), s('rect', { x: 38, y: 48, width: 24, height: 12, rx: 3, fill: 'rgba(255,255,255,.35)' })]],
  [/Headlamp|Light/, (fg) => [s('circle', { cx: 50, cy: 46, r: 16, fill: fg }), s('circle', { cx: 50, cy: 46, r: 8, fill: '#fff7c2' }), s('path', { d: 'M20 46 L30 46 M70 46 L80 46 M50 16 L50 24', stroke: fg, 'stroke-width': 4 })]],
  [/Helmet/, (fg) => [s('path', { d: 'M22 60 Q24 26 52 24 Q78 26 80 56 L66 56 L60 48 L38 50 L34 60 Z', fill: fg })]],
  [/Candle/, (fg) => [s('rect', { x: 34, y: 38, width: 32, height: 36, rx: 4, fill: fg }), s('path', { d: 'M50 20 Q56 28 50 34 Q44 28 50 20 Z', fill: '#f2a65a' })]],
  [/Brush/, (fg) => [s('rect', { x: 46, y: 40, width: 8, height: 36, rx: 3, fill: fg }), s('rect', { x: 36, y: 16, width: 28, height: 28, rx: 12, fill: fg })]],
  [/Mat|Towel/, (fg) => [s('rect', { x: 22, y: 30, width: 52, height: 34, rx: 6, fill: fg }), s('circle', { cx: 74, cy: 47, r: 17, fill: fg }), s('circle', { cx: 74, cy: 47, r: 8, fill: 'rgba(0,0,0,.2)' })]],
];

export function productArt(p: Pick<Product, 'id' | 'hue' | 'brand' | 'categories'>, label = ''): SVGSVGElement {
  const dep = p.categories[0] ?? '';
  const svg = s('svg', { viewBox: '0 0 100 90', preserveAspectRatio: 'xMidYMid slice', class: 'art', role: 'img', 'aria-label': label || `Illustration of ${p.categories.at(-1) ?? 'product'}` });
  const bg = s('rect', { width: 100, height: 90, fill: `hsl(${p.hue} 55% 86%)` });
  const blob = s('circle', { cx: 74, cy: 18, r: 30, fill: `hsl(${(p.hue + 25) % 360} 60% 78%)` });
  const fg = `hsl(${p.hue} 55% 38%)`;
  const kind = KINDS.find(([re]) => re.test(p.categories.at(-1) ?? ''))?.[1];
  const motif = (kind ?? MOTIFS[dep] ?? MOTIFS.Skincare!)(fg);
  const mark = s('text', { x: 8, y: 84, 'font-size': 9, 'font-weight': 700, fill: `hsl(${p.hue} 40% 28%)`, 'font-family': 'system-ui, sans-serif' }, p.brand.toUpperCase());
  svg.append(bg, blob, ...motif, mark);
  return svg;
}
