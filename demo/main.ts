import './style.css';
import { DEPARTMENT_NAMES, departmentList } from './catalogue.js';
import { mountAbTest } from './ab-panel.js';
import { byId, h } from './dom.js';
import { mountInterests } from './interests.js';
import { mountPrivacy } from './privacy.js';
import { mountReplay } from './replay-panel.js';
import { lastRank, leavingPage, parseRoute, renderHome, renderList, renderProduct, scorerLabel } from './shop.js';
import { mountSimulator } from './simulator.js';
import { emit, hearth, knobs, on } from './state.js';

/**
 * The demo shop for product managers: a generated store whose lists are reordered by Hearth (the npm
 * package, built dist/), shown beside the shop's own order, with the shopper's profile, a simulator
 * and the privacy evidence in the side panels.
 */
const shop = byId('shop');

// Departments
const nav = byId('departments');
nav.append(h('a', { href: '#/', text: 'Featured' }), ...DEPARTMENT_NAMES.map((d) => h('a', { href: `#/c/${d}`, text: d })));

// On a phone the guide and the knobs start folded, so the shop fills the first screen.
if (matchMedia('(max-width: 560px)').matches) for (const id of ['guide', 'knobs-box']) byId<HTMLDetailsElement>(id).open = false;

// Knobs
const KNOBS = [
  { key: 'exploration', label: 'Exploration', help: 'Give lesser-known products a chance to rise.' },
  { key: 'diversity', label: 'Diversity', help: 'Trade relevance for variety: fewer near-duplicates at the top.' },
  { key: 'privacyNoise', label: 'Privacy noise', help: 'Mix some chance into the order, so the list itself gives less away about the shopper (the guarantee, ε, is in the list’s technical detail).' },
] as const;
const knobBox = byId('knobs');
for (const k of KNOBS) {
  const id = `knob-${k.key}`;
  const input = h('input', { type: 'range', id, min: 0, max: 1, step: 0.05, value: 0, 'aria-describedby': `${id}-help` });
  const out = h('output', { for: id, text: '0.00' });
  input.addEventListener('input', () => {
    knobs[k.key] = Number(input.value);
    out.textContent = Number(input.value).toFixed(2);
    emit('knobs');
  });
  knobBox.append(h('div', { class: 'knob' }, h('label', { for: id }, k.label, out), input, h('p', { id: `${id}-help`, text: k.help })));
}
knobBox.append(h('div', { class: 'knob' },
  h('label', {}, 'Decay', h('output', { text: '14-day half-life' })),
  h('p', { text: 'Not a per-call option: in Hearth’s default model an event’s weight halves every 14 days. Measure it in the Simulator (“days between visits”).' })));

// Routing: #/ featured, #/c/<department>, #/p/<product id>
let renderSeq = 0;
async function render(): Promise<void> {
  const seq = ++renderSeq;
  const route = parseRoute(location.hash);
  for (const a of nav.querySelectorAll('a')) {
    const current = route.page === 'department' ? a.getAttribute('href') === `#/c/${route.dep}` : route.page === 'home' && a.getAttribute('href') === '#/';
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const target = h('div');
  if (route.page === 'product') await renderProduct(target, route.id);
  else if (route.page === 'department') await renderList(target, route.dep, `category:${route.dep}`, departmentList(route.dep), false);
  else await renderHome(target);
  if (seq !== renderSeq) return; // a newer render won
  shop.replaceChildren(...target.childNodes);
  document.title = `${route.page === 'department' ? route.dep : route.page === 'product' ? target.querySelector('h2')?.textContent ?? 'Product' : 'Featured'} — Northwind Market (Hearth demo)`;
}

let scheduled: ReturnType<typeof setTimeout> | undefined;
/** Re-rank the visible list soon (coalesces knob drags and simulator bursts). */
function rerenderSoon(): void {
  if (parseRoute(location.hash).page === 'product') return;
  clearTimeout(scheduled);
  scheduled = setTimeout(() => void render(), 120);
}

window.addEventListener('hashchange', () => {
  leavingPage();
  window.scrollTo({ top: 0 });
  void render();
});
window.addEventListener('pagehide', leavingPage);
on('knobs', rerenderSoon);
on('history', rerenderSoon);
on('ranked', () => {
  if (!lastRank || lastRank.backend === 'none') return;
  byId('engine').textContent = lastRank.fallback ? 'Hearth: fell back to the shop’s order' : `Hearth ${scorerLabel(lastRank.backend)} · ${lastRank.ms.toFixed(1)} ms`;
});

// Panels (tabs with arrow-key support)
const tabs = ['replay', 'interests', 'simulator', 'privacy'].map((name) => ({ tab: byId<HTMLButtonElement>(`tab-${name}`), panel: byId(`panel-${name}`) }));
function select(i: number): void {
  tabs.forEach((t, j) => {
    t.tab.setAttribute('aria-selected', String(i === j));
    t.tab.tabIndex = i === j ? 0 : -1;
    t.panel.hidden = i !== j;
  });
}
for (const [link, i] of [['see-privacy', 3], ['see-proof', 0]] as const) {
  byId(link).addEventListener('click', (e) => {
    e.preventDefault();
    select(i);
    tabs[i]!.tab.focus();
    tabs[i]!.panel.scrollIntoView({ block: 'nearest' });
  });
}
tabs.forEach((t, i) => {
  t.tab.addEventListener('click', () => select(i));
  t.tab.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const j = (i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
    select(j);
    tabs[j]!.tab.focus();
  });
});

const info = await hearth.ready().catch(() => undefined);
byId('engine').textContent = info ? `Hearth ${scorerLabel(info.backend, true)}` : 'Hearth unavailable: shop’s order';
byId('engine-events').textContent = `${info?.events ?? 0} event${info?.events === 1 ? '' : 's'}`;
mountReplay(byId('panel-replay'));
mountInterests(byId('panel-interests'));
mountSimulator(byId('panel-simulator'));
const abSection = h('section', { id: 'ab-test', class: 'ab-test', 'aria-label': 'A/B test' });
// The A/B test sits below the one-shopper simulator: a button at the top takes a PM straight to it.
const toAb = h('button', { type: 'button', class: 'secondary', id: 'to-ab', text: 'Skip to the A/B test of many shoppers ↓' });
toAb.addEventListener('click', () => abSection.scrollIntoView({ block: 'start' }));
byId('panel-simulator').prepend(toAb);
byId('panel-simulator').append(abSection);
mountAbTest(abSection);
mountPrivacy(byId('panel-privacy'));
await render();
document.body.dataset.ready = 'true';
