import { createHearth, type RankResult } from 'hearth';
import { makeCatalogue, type Product } from './catalogue.js';

/**
 * Minimal demo: the shop's order beside Hearth's order for this shopper. Every click is
 * tracked on this device; nothing is sent anywhere (see the request log of your dev tools).
 */
const hearth = createHearth({ dbName: 'hearth-demo', timeoutMs: 1_000 });
const products = makeCatalogue();

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Builds a product card with DOM APIs only: item data is never parsed as markup. */
function card(p: Product, movedBy?: number): HTMLElement {
  const el = document.createElement('button');
  el.className = 'card';
  el.type = 'button';
  el.setAttribute('aria-label', `${p.title} by ${p.brand}, ${p.price} euros`);
  const art = document.createElement('div');
  art.className = 'art';
  art.style.background = `linear-gradient(135deg, hsl(${p.hue} 70% 62%), hsl(${(p.hue + 40) % 360} 70% 42%))`;
  art.textContent = p.categories[0]!.slice(0, 1);
  const title = document.createElement('strong');
  title.textContent = p.title ?? p.id;
  const meta = document.createElement('span');
  meta.textContent = `${p.brand} · ${p.categories[0]} · €${p.price}`;
  el.append(art, title, meta);
  if (movedBy !== undefined && movedBy !== 0) {
    const badge = document.createElement('span');
    badge.className = movedBy > 0 ? 'moved up' : 'moved down';
    badge.textContent = movedBy > 0 ? `▲${movedBy}` : `▼${-movedBy}`;
    el.append(badge);
  }
  el.addEventListener('click', () => void onClick(p));
  return el;
}

async function onClick(p: Product): Promise<void> {
  await hearth.track({ type: 'click', item: p, listId: 'demo' });
  await hearth.track({ type: 'view', item: p, dwellMs: 8_000 });
  await render();
}

async function render(): Promise<void> {
  const shown = products.slice(0, 24);
  const ranked: RankResult<Product> = await hearth.rank(shown, { listId: 'demo' });
  $('default').replaceChildren(...shown.map((p) => card(p)));
  $('personal').replaceChildren(...ranked.items.map((p, i) => card(p, shown.indexOf(p) - i)));
  const info = await hearth.ready().catch(() => undefined);
  $('status').textContent = ranked.fallback
    ? 'Showing the original order (Hearth fell back).'
    : `Backend ${ranked.backend} · rerank ${ranked.ms.toFixed(1)} ms · ${info?.events ?? 0} events stored on this device`;
}

$('reset').addEventListener('click', async () => {
  await hearth.forget({ all: true });
  await render();
});

await hearth.ready().catch(() => undefined);
await render();
