import type { FixtureItem, FixtureShopper } from '../support/shop-fixtures.js';

/**
 * The shop of the trained-model test: six tents and six bikes, and shoppers who, after a tent,
 * went on to the bike with the same number (TENT-2 → BIKE-2), never to the tents that look alike.
 */
export const ITEMS: FixtureItem[] = [
  ...Array.from({ length: 6 }, (_, i): FixtureItem => ({ id: `TENT-${i}`, title: `Tent ${i}`, brand: ['Alpina', 'Cirrus'][i % 2]!, categories: ['Outdoor', 'Tents'], price: 200 + i })),
  ...Array.from({ length: 6 }, (_, i): FixtureItem => ({ id: `BIKE-${i}`, title: `Bike ${i}`, brand: ['Borealis', 'Dune'][i % 2]!, categories: ['Outdoor', 'Bikes'], price: 900 + i })),
];

/** 60 shoppers, three visits each: a tent viewed, then its bike clicked, carted or bought. */
export const SHOPPERS: FixtureShopper[] = Array.from({ length: 60 }, (_, s) => ({
  id: `${5000 + s}.1709283600`,
  sessions: ['click', 'add_to_cart', 'purchase'].map((action, k) => {
    const i = (s + k * (1 + (s % 5))) % 6;
    return [
      { item: `TENT-${i}`, action: 'view' as const },
      { item: `BIKE-${i}`, action: action as 'click' | 'add_to_cart' | 'purchase' },
    ];
  }),
}));

/**
 * A page of the shop with the GA4 tagging of test/browser/pages/shop-ga4.html: a
 * view_item_list of all twelve items in the dataLayer, the grid, select_item on a card click;
 * Hearth as one script tag, with `data-model-url` when a model is served.
 */
export function shopPage(dbName: string, modelUrl?: string): string {
  const products = ITEMS.map((it, index) => ({ item_id: it.id, item_name: it.title, item_brand: it.brand, item_category: it.categories[0], item_category2: it.categories[1], price: it.price, index }));
  const cards = ITEMS.map((it, i) => `<li data-hearth-item data-hearth-id="${it.id}"><a href="#${it.id}" class="select" data-index="${i}">${it.title}</a></li>`).join('\n');
  const model = modelUrl ? ` data-model-url="${modelUrl}"` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Trained shop</title><link rel="icon" href="data:," />
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag() { dataLayer.push(arguments); }
  window.products = ${JSON.stringify(products)};
  dataLayer.push({ ecommerce: null });
  dataLayer.push({ event: 'view_item_list', ecommerce: { item_list_id: 'outdoor', items: window.products } });
  window.reranks = [];
  document.addEventListener('hearth:rerank', (e) => window.reranks.push(e.detail));
</script>
<script async src="/dist/hearth.iife.js" data-track="datalayer" data-db-name="${dbName}" data-backend="cpu" data-rerank-timeout-ms="30000"${model}></script>
</head><body>
<ul id="grid" data-hearth-rerank="outdoor">
${cards}
</ul>
<script>
  document.getElementById('grid').addEventListener('click', (e) => {
    const select = e.target.closest('.select');
    if (!select) return;
    e.preventDefault();
    gtag('event', 'select_item', { item_list_id: 'outdoor', items: [window.products[Number(select.dataset.index)]] });
  });
  window.pageReady = true;
</script>
</body></html>
`;
}
