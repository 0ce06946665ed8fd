import { describe, expect, it } from 'vitest';
import { ga4Events } from '../../src/page/dom/ga4.js';
import { segmentEvents } from '../../src/page/dom/segment.js';
import { productFromJsonLd } from '../../src/page/dom/json-ld.js';
import { readScriptOptions } from '../../src/page/dom/script-options.js';
import { createAutoTracker } from '../../src/page/dom/auto-tracker.js';
import { price, toItem } from '../../src/page/dom/item-fields.js';
import type { TrackEvent } from '../../src/core/types.js';
import type { Hearth } from '../../src/page/types.js';

function gtagArgs(...args: unknown[]): IArguments {
  return (function (..._: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    return arguments;
  })(...args);
}

describe('GA4 dataLayer entries', () => {
  const item = { item_id: 'SKU_1', item_name: 'Trail shoe', item_brand: 'Alpina', item_category: 'Shoes', item_category2: 'Running', item_category5: 'Trail', price: '129.90', index: 3, item_variant: 'red' };

  it('maps GTM objects and gtag arguments alike', () => {
    const fromObject = ga4Events({ event: 'select_item', ecommerce: { item_list_id: 'search', items: [item] } });
    const fromGtag = ga4Events(gtagArgs('event', 'select_item', { item_list_id: 'search', items: [item] }));
    const expected: TrackEvent[] = [
      { type: 'click', item: { id: 'SKU_1', title: 'Trail shoe', brand: 'Alpina', categories: ['Shoes', 'Running', 'Trail'], price: 129.9, attributes: { variant: 'red' } }, listId: 'search', position: 3 },
    ];
    expect(fromObject).toEqual(expected);
    expect(fromGtag).toEqual(expected);
  });

  it('maps each event name', () => {
    const names = { view_item_list: 'impression', select_item: 'click', view_item: 'view', add_to_cart: 'add_to_cart', purchase: 'purchase' };
    for (const [name, type] of Object.entries(names)) expect(ga4Events({ event: name, ecommerce: { items: [{ item_id: 'a' }] } })[0]?.type).toBe(type);
  });

  it('carries a purchase’s transaction_id as its orderId (and no other event’s)', () => {
    expect(ga4Events({ event: 'purchase', ecommerce: { transaction_id: 'T-1001', items: [{ item_id: 'a' }, { item_id: 'b' }] } }).map((e) => e.orderId)).toEqual(['T-1001', 'T-1001']);
    expect(ga4Events({ event: 'add_to_cart', ecommerce: { transaction_id: 'T-1001', items: [{ item_id: 'a' }] } })[0]).not.toHaveProperty('orderId');
  });

  it('uses list order when indices are missing, and the item’s own list over the event’s', () => {
    const events = ga4Events({ event: 'view_item_list', ecommerce: { item_list_name: 'Outdoor', items: [{ item_id: 'a' }, { item_id: 'b', item_list_id: 'own' }] } });
    expect(events.map((e) => [e.item.id, e.position, e.listId])).toEqual([
      ['a', 0, 'Outdoor'],
      ['b', 1, 'own'],
    ]);
  });

  it('skips what is not GA4 e-commerce, and bad items, without throwing', () => {
    const junk: unknown[] = [null, 42, 'x', [], gtagArgs('config', 'G-1'), gtagArgs('event', 'page_view'), { event: 'gtm.js' }, { ecommerce: null }, { event: 'purchase', ecommerce: 'x' },
      { event: 'purchase', ecommerce: { items: 'x' } }, { event: 'toString', ecommerce: { items: [{ item_id: 'a' }] } }, { event: 'purchase', ecommerce: { items: [null, 1, { item_id: {} }, { item_id: ' ' }, { price: 3 }] } }];
    for (const entry of junk) expect(ga4Events(entry)).toEqual([]);
  });

  it('keeps an item with an absurd field, cut to the limits', () => {
    const [e] = ga4Events({ event: 'view_item', ecommerce: { items: [{ item_id: 7, item_name: 'x'.repeat(5_000), price: -3, index: 1.5 }] } });
    expect(e!.item.id).toBe('7');
    expect(e!.item.title).toHaveLength(1_000);
    expect(e!.item.price).toBeUndefined();
    expect(e!.position).toBeUndefined();
  });
});

describe('Segment e-commerce v2', () => {
  it('maps list events through products[], with 1-based positions made 0-based', () => {
    const events = segmentEvents('Product List Viewed', { list_id: 'hot', products: [{ product_id: 'a', position: 1 }, { sku: 'b', price: '12' }, 'junk'] });
    expect(events).toEqual([
      { type: 'impression', item: { id: 'a' }, listId: 'hot', position: 0 },
      { type: 'impression', item: { id: 'b', price: 12 }, listId: 'hot', position: 1 },
    ]);
  });

  it('maps single-product events from the properties themselves', () => {
    expect(segmentEvents('Product Added', { product_id: 'a', name: 'Tent', brand: 'Cirrus', category: 'Tents', price: 99 })).toEqual([
      { type: 'add_to_cart', item: { id: 'a', title: 'Tent', brand: 'Cirrus', categories: ['Tents'], price: 99 } },
    ]);
    expect(segmentEvents('Order Completed', { order_id: 'o', products: [{ product_id: 'a' }] })[0]).toMatchObject({ type: 'purchase', orderId: 'o' });
    expect(segmentEvents('Order Completed', { order_id: 'o', product_id: 'not a product list' })).toEqual([]);
    expect(segmentEvents('Signed Up', { product_id: 'a' })).toEqual([]);
    expect(segmentEvents('Product Viewed', null)).toEqual([]);
  });
});

describe('schema.org Product JSON-LD', () => {
  it('reads brand as object or string, offers as object, array or AggregateOffer, price as string', () => {
    expect(productFromJsonLd({ '@type': 'Product', sku: 'a', name: 'Tent', brand: { '@type': 'Brand', name: 'Cirrus' }, category: 'Outdoor > Tents', offers: { price: '249.00' } })).toEqual({
      id: 'a', title: 'Tent', brand: 'Cirrus', categories: ['Outdoor', 'Tents'], price: 249,
    });
    expect(productFromJsonLd({ '@type': 'http://schema.org/Product', productID: 9, brand: 'Acme', offers: [{ availability: 'x' }, { price: 5 }] })).toEqual({ id: '9', brand: 'Acme', price: 5 });
    expect(productFromJsonLd({ '@type': ['Product', 'Thing'], mpn: 'm', brand: [{ name: 'B' }], offers: { '@type': 'AggregateOffer', lowPrice: '9.5' } })).toEqual({ id: 'm', brand: 'B', price: 9.5 });
    expect(productFromJsonLd({ '@type': 'Product', sku: 's', offers: { priceSpecification: { price: '3.20' } } })?.price).toBe(3.2);
  });

  it('finds the page’s product in @graph or mainEntity, not related products', () => {
    expect(productFromJsonLd({ '@graph': [{ '@type': 'WebSite' }, { '@type': 'Product', sku: 'g' }] })?.id).toBe('g');
    expect(productFromJsonLd({ '@type': 'ItemPage', mainEntity: { '@type': 'Product', sku: 'm' } })?.id).toBe('m');
    expect(productFromJsonLd({ '@type': 'WebPage', isRelatedTo: { '@type': 'Product', sku: 'r' } })).toBeUndefined();
    expect(productFromJsonLd({ '@type': 'ItemList', itemListElement: [{ '@type': 'Product', sku: 'l' }] })).toBeUndefined();
  });

  it('gives nothing for broken data', () => {
    for (const bad of [null, 1, 'x', [], { '@type': 'Product' }, { '@type': 'Product', sku: {} }, { '@graph': 'x' }, { '@graph': { '@graph': { '@graph': { '@graph': { '@graph': { '@type': 'Product', sku: 'deep' } } } } } }]) {
      expect(productFromJsonLd(bad)).toBeUndefined();
    }
  });
});

describe('fields from the page', () => {
  it('parses prices and ids defensively', () => {
    expect(price('€ 1299.50')).toBe(1299.5);
    expect(price('free')).toBeUndefined();
    expect(price(Infinity)).toBeUndefined();
    expect(toItem({ id: '  ' })).toBeUndefined();
    expect(toItem({ id: 'a', categories: ['', 'A', 3, 'B'] })).toEqual({ id: 'a', categories: ['A', '3', 'B'] });
  });
});

describe('script-tag options', () => {
  const script = (dataset: Record<string, string>) => ({ dataset }) as unknown as HTMLScriptElement;

  it('reads data- attributes, and the snippet options win', () => {
    const o = readScriptOptions(script({ dbName: 'shop', backend: 'wasm', timeoutMs: '80', track: 'datalayer, jsonld', rerank: 'false', rerankTimeoutMs: '500', debug: '' }), { dbName: 'snippet' });
    expect(o).toEqual({ hearth: { dbName: 'snippet', backend: 'wasm', timeoutMs: 80 }, track: ['datalayer', 'jsonld'], rerank: false, rerankTimeoutMs: 500, debug: true });
  });

  it('defaults to every source and reranking; "off" turns tracking off; bad values fall back', () => {
    expect(readScriptOptions(null, undefined)).toEqual({ hearth: {}, track: ['datalayer', 'segment', 'jsonld', 'dom'], rerank: true, rerankTimeoutMs: 1_000, debug: false });
    expect(readScriptOptions(script({ debug: 'false' }), undefined).debug).toBe(false);
    expect(readScriptOptions(script({ track: 'off' }), undefined).track).toEqual([]);
    expect(readScriptOptions(script({ track: 'dom,nonsense' }), 'not an object').track).toEqual(['dom']);
    expect(readScriptOptions(script({ rerankTimeoutMs: '-5' }), undefined).rerankTimeoutMs).toBe(1_000);
  });
});

describe('automatic tracking door', () => {
  function fakeHearth(fail = false) {
    const tracked: TrackEvent[] = [];
    const hearth = {
      track: async (e: TrackEvent) => {
        if (fail) throw new Error('nope');
        tracked.push(e);
      },
    } as unknown as Hearth;
    return { hearth, tracked };
  }

  it('counts impressions and plain views once per item, clicks once across sources, dwell views always', async () => {
    const { hearth, tracked } = fakeHearth();
    let t = 0;
    const emit = createAutoTracker(hearth, Promise.resolve(), () => t);
    const item = { id: 'a' };
    emit({ type: 'impression', item });
    emit({ type: 'impression', item });
    emit({ type: 'view', item });
    emit({ type: 'view', item });
    emit({ type: 'view', item, dwellMs: 5_000 });
    emit({ type: 'click', item });
    t = 500;
    emit({ type: 'click', item }); // the same click, seen by a second source
    t = 5_000;
    emit({ type: 'click', item });
    emit({ type: 'add_to_cart', item });
    emit({ type: 'add_to_cart', item });
    await new Promise((r) => setTimeout(r, 0));
    expect(tracked.map((e) => e.type)).toEqual(['impression', 'view', 'view', 'click', 'click', 'add_to_cart', 'add_to_cart']);
  });

  it('waits for the gate (the first DOM rerank) and never rejects', async () => {
    const { hearth, tracked } = fakeHearth();
    let open!: () => void;
    const emit = createAutoTracker(hearth, new Promise<void>((r) => (open = r)));
    emit({ type: 'impression', item: { id: 'a' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(tracked).toEqual([]);
    open();
    await new Promise((r) => setTimeout(r, 0));
    expect(tracked).toHaveLength(1);
    const failing = createAutoTracker(fakeHearth(true).hearth);
    expect(() => failing({ type: 'click', item: { id: 'a' } })).not.toThrow();
    expect(() => failing(null as unknown as TrackEvent)).not.toThrow();
  });
});
