import type { RankResult, Reason } from 'hearth-sdk';
import { BY_ID, DEPARTMENT_NAMES, departmentList, featuredList, type Department, type Product } from './catalogue.js';
import { productArt } from './art.js';
import { h, fmtPrice } from './dom.js';
import { emit, hearth, rankOptions } from './state.js';

const SHOWN = 12;
const ARROW_UP = '▲';
const ARROW_DOWN = '▼';

export type Route = { page: 'home' } | { page: 'department'; dep: Department } | { page: 'product'; id: string };

export function parseRoute(hash: string): Route {
  const [, kind, arg] = hash.replace(/^#/, '').split('/');
  if (kind === 'c' && DEPARTMENT_NAMES.includes(decodeURIComponent(arg ?? '') as Department)) return { page: 'department', dep: decodeURIComponent(arg!) as Department };
  if (kind === 'p' && arg && BY_ID.has(arg)) return { page: 'product', id: arg };
  return { page: 'home' };
}

/** Hearth's order of each list when it was last shown, to highlight what moved since. */
const previous = new Map<string, string[]>();

/** Last rank of the page, for the status line and the tests. */
export let lastRank: (RankResult<Product> & { listId: string }) | undefined;

/** Hearth's reasons for a card; none given means none is claimed (only an unmoved card says so). */
function reasonText(reasons: Reason[] | undefined, moved: number): string {
  if (!reasons || reasons.length === 0) return moved === 0 ? 'Shop’s position kept' : '';
  return reasons.slice(0, 2).map((r) => r.text).join(' · ');
}

function card(p: Product, opts: { rank: number; listId: string; moved?: number; from?: number; reasons?: Reason[]; personal: boolean }): HTMLElement {
  const link = h('a', { class: 'card', href: `#/p/${p.id}`, 'data-id': p.id, 'aria-label': `${p.title} by ${p.brand}, ${fmtPrice(p.price)}, position ${opts.rank}` });
  link.addEventListener('click', () => {
    // A click on a list item: the strongest everyday signal. The product page then records the view.
    void hearth.track({ type: 'click', item: p, listId: opts.listId, position: opts.rank - 1 }).then(() => emit('history'));
  });
  const rank = h('span', { class: 'rank', text: String(opts.rank), 'aria-hidden': 'true' });
  const body = h('div', { class: 'card-body' },
    h('strong', { class: 'title', text: p.title }),
    h('span', { class: 'meta', text: `${p.brand} · ${p.categories[0]}` }),
    h('span', { class: 'price', text: fmtPrice(p.price) }));
  link.append(rank, productArt(p, ''), body);
  if (opts.personal) {
    const m = opts.moved ?? 0;
    const badge = h('span', { class: `move ${m > 0 ? 'up' : m < 0 ? 'down' : 'same'}`, 'data-move': String(m) });
    badge.textContent = m > 0 ? `${ARROW_UP} ${m}` : m < 0 ? `${ARROW_DOWN} ${-m}` : '=';
    badge.title = m === 0 ? 'Same position as the shop’s order' : `Moved ${m > 0 ? 'up' : 'down'} ${Math.abs(m)} from #${opts.from}`;
    badge.setAttribute('aria-label', badge.title);
    link.append(badge);
    const why = reasonText(opts.reasons, opts.moved ?? 0);
    body.append(h('span', { class: 'reason', text: why, title: why }));
  } else {
    // Holds the reason's two lines, so a shop card is as tall as its Hearth twin.
    body.append(h('span', { class: 'reason blank', 'aria-hidden': 'true', text: '·' }));
  }
  return link;
}

/** The list's state in plain words (the pill); the technical line is one click away. */
function plainStatus(r: RankResult<Product>): string {
  if (r.fallback) return 'shop’s order kept';
  if (r.backend === 'none') return 'no history yet';
  return r.epsilon !== undefined && Number.isFinite(r.epsilon) ? 'for you, with privacy noise' : 'for you';
}

function statusLine(r: RankResult<Product>): string {
  if (r.fallback) return 'Hearth fell back to the shop’s order (time budget or error)';
  if (r.backend === 'none') return `No history yet: shop’s order kept · ${r.ms.toFixed(1)} ms`;
  const eps = r.epsilon !== undefined && Number.isFinite(r.epsilon) ? ` · ε ${r.epsilon.toFixed(2)} per position` : '';
  return `${scorerLabel(r.backend)} · ${r.ms.toFixed(1)} ms${eps}`;
}

/**
 * 'js' is the plain-JS reference scorer: it answers the first ranks while tfjs loads, and all
 * of them when `ready()` reports it (no tfjs backend could start).
 */
export function scorerLabel(backend: RankResult<Product>['backend'], fromReady = false): string {
  if (backend !== 'js') return backend.toUpperCase();
  return fromReady ? 'JS reference (no tfjs backend)' : 'JS reference (tfjs starting)';
}

/** A list page: the shop's order beside Hearth's order of the same products. */
export async function renderList(root: HTMLElement, title: string, listId: string, list: Product[], showAll: boolean): Promise<void> {
  const ranked = await hearth.rank(list, rankOptions(listId));
  lastRank = { ...ranked, listId };
  emit('ranked', lastRank);
  const n = showAll ? list.length : SHOWN;
  const defaultCol = h('ol', { class: 'grid', id: 'default-grid', 'aria-label': 'Shop’s default order' });
  list.slice(0, n).forEach((p, i) => defaultCol.append(h('li', {}, card(p, { rank: i + 1, listId, personal: false }))));
  const personalCol = h('ol', { class: 'grid', id: 'personal-grid', 'aria-label': 'Personalised order by Hearth' });
  const before = previous.get(listId);
  ranked.items.slice(0, n).forEach((p, i) => {
    const from = list.indexOf(p) + 1;
    const el = card(p, { rank: i + 1, listId, moved: from - (i + 1), from, reasons: ranked.reasons[i], personal: true });
    // Cards whose place changed since this list was last shown glow briefly: personalisation, happening.
    if (before && before[i] !== p.id) el.classList.add('changed');
    personalCol.append(h('li', {}, el));
  });
  previous.set(listId, ranked.items.map((p) => p.id));
  if (!showAll) { defaultCol.classList.add('clipped'); personalCol.classList.add('clipped'); }
  const movedIn = ranked.items.slice(0, n).filter((p) => list.indexOf(p) >= n).length;
  const more = h('button', { type: 'button', class: 'more', text: showAll ? `Show top ${SHOWN}` : `Show all ${list.length}` });
  more.addEventListener('click', () => void renderList(root, title, listId, list, !showAll));
  root.replaceChildren(
    h('div', { class: 'page-head' },
      h('h2', { text: title }),
      h('p', { class: 'sub', text: `${list.length} products · ${movedIn} of Hearth’s top ${n} come from below the shop’s top ${n}` }),
      h('details', { class: 'tech inline' }, h('summary', { text: 'technical' }), h('span', { id: 'rank-status', role: 'status', text: statusLine(ranked) }))),
    h('div', { class: 'compare' },
      h('section', { class: 'col', 'aria-labelledby': 'h-default' },
        h('h3', { id: 'h-default' }, 'Shop’s order', h('span', { class: 'pill muted', text: 'default' })),
        defaultCol),
      h('section', { class: 'col personal', 'aria-labelledby': 'h-personal' },
        h('h3', { id: 'h-personal' }, 'Personalised by Hearth', h('span', { class: 'pill', id: 'rank-plain', text: plainStatus(ranked) })),
        personalCol)),
    more);
}

let leaveProduct: (() => void) | undefined;

/** Records the dwell of the product page being left, as a shop's product page would. */
export function leavingPage(): void {
  leaveProduct?.();
  leaveProduct = undefined;
}

export async function renderProduct(root: HTMLElement, id: string): Promise<void> {
  const p = BY_ID.get(id)!;
  const opened = Date.now();
  void hearth.track({ type: 'view', item: p }).then(() => emit('history'));
  leaveProduct = () => {
    const dwellMs = Date.now() - opened;
    if (dwellMs > 1_000) void hearth.track({ type: 'view', item: p, dwellMs }).then(() => emit('history'));
  };
  const dep = p.categories[0] as Department;
  const addBtn = h('button', { type: 'button', class: 'primary', text: 'Add to cart' });
  const note = h('span', { class: 'sub', role: 'status' });
  addBtn.addEventListener('click', () => {
    void hearth.track({ type: 'add_to_cart', item: p }).then(() => {
      note.textContent = 'Added — a strong signal, stored only on this device.';
      emit('history');
    });
  });
  const similar = departmentList(dep).filter((q) => q.id !== id);
  const ranked = await hearth.rank(similar, rankOptions(`similar:${dep}`));
  const row = h('ol', { class: 'grid row', 'aria-label': `More ${dep}, personalised` });
  ranked.items.slice(0, 6).forEach((q, i) => {
    const from = similar.indexOf(q) + 1;
    row.append(h('li', {}, card(q, { rank: i + 1, listId: `similar:${dep}`, moved: from - (i + 1), from, reasons: ranked.reasons[i], personal: true })));
  });
  root.replaceChildren(
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/', text: 'Home' }), ' / ', h('a', { href: `#/c/${dep}`, text: dep }), ' / ', h('span', { text: p.title })),
    h('article', { class: 'product', 'aria-labelledby': 'p-title' },
      productArt(p, `${p.title}, ${p.colour}`),
      h('div', { class: 'product-info' },
        h('h2', { id: 'p-title', text: p.title }),
        h('p', { class: 'meta', text: `${p.brand} · ${p.categories.join(' › ')} · ★ ${p.rating.toFixed(1)}` }),
        h('p', { class: 'big-price', text: fmtPrice(p.price) }),
        h('p', { text: p.description }),
        h('div', { class: 'actions' }, addBtn, h('a', { class: 'button', href: `#/c/${dep}`, text: `Back to ${dep}` })),
        note)),
    h('h3', { class: 'row-title', text: `More ${dep}, in Hearth’s order for you` }),
    row);
}

export function renderHome(root: HTMLElement, showAll = false): Promise<void> {
  return renderList(root, 'Featured today', 'home:featured', featuredList(), showAll);
}
