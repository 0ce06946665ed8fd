import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildCatalog } from '../../tools/bench/scale/catalog.js';
import { generateShop } from '../../tools/bench/scale/generate.js';
import { read, sequencesOf, tmp } from './shop-read.js';

// The synthetic shop of `npm run bench:scale` at a tiny size: 40 sub-categories of 10 SKUs.
const SPEC = { events: 4000, skus: 400, seed: 7 };
const eventsText = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');

describe('bench:scale synthetic shop', () => {
  it('is deterministic by seed, and another seed gives another shop', async () => {
    const [a, b, c] = await Promise.all([generateShop(SPEC, tmp(), false), generateShop(SPEC, tmp(), false), generateShop({ ...SPEC, seed: 8 }, tmp(), false)]);
    expect(a.rows).toBeGreaterThanOrEqual(SPEC.events);
    expect(eventsText(a.ndjson)).toBe(eventsText(b.ndjson));
    expect(readFileSync(a.feed, 'utf8')).toBe(readFileSync(b.feed, 'utf8'));
    expect(eventsText(c.ndjson)).not.toBe(eventsText(a.ndjson));
  });

  it('the catalogue: 3-level taxonomy, three brands per sub-category, a brand in at most two', () => {
    const c = buildCatalog(SPEC.skus, SPEC.seed);
    expect(c.path.every((p) => p.length === 3)).toBe(true);
    const brandsOfSub = new Map<number, Set<number>>();
    const subsOfBrand = new Map<number, Set<number>>();
    for (let i = 0; i < c.skus; i++) {
      (brandsOfSub.get(c.subOf[i]!) ?? brandsOfSub.set(c.subOf[i]!, new Set()).get(c.subOf[i]!)!).add(c.brandOf[i]!);
      (subsOfBrand.get(c.brandOf[i]!) ?? subsOfBrand.set(c.brandOf[i]!, new Set()).get(c.brandOf[i]!)!).add(c.subOf[i]!);
    }
    expect([...brandsOfSub.values()].every((s) => s.size === 3)).toBe(true);
    expect(Math.max(...[...subsOfBrand.values()].map((s) => s.size))).toBeLessThanOrEqual(2);
    expect(c.titles[0]!.startsWith(c.brandNames[c.brandOf[0]!]!)).toBe(true);
  });

  it('reads through the shop readers (GA4 NDJSON.gz and Parquet alike) with its planted structure', async () => {
    const shop = await generateShop(SPEC, tmp(), true);
    const r = await read({ events: shop.ndjson, catalog: shop.feed });
    const p = await read({ events: shop.parquet!, catalog: shop.feed });
    expect(sequencesOf(p)).toEqual(sequencesOf(r));
    expect(r.facts.catalog.feedItems).toBe(SPEC.skus);
    expect(r.facts.catalog.steppedInFeed).toBe(1);
    expect(r.facts.problems.toJSON()).toEqual({ 'not an e-commerce event Hearth learns from': expect.anything() });
    expect(Object.keys(r.facts.stepsByAction).sort()).toEqual(['add_to_cart', 'click', 'purchase', 'view']);
    expect(r.facts.events.byAction.impression).toBeGreaterThan(0);
    const c = buildCatalog(SPEC.skus, SPEC.seed);
    const index = new Map(c.ids.map((id, i) => [id, i]));
    const counts = new Float64Array(c.skus);
    let pairs = 0;
    let partnerPairs = 0;
    let sameSub = 0;
    for (const seq of sequencesOf(r).values()) {
      const items = seq.map((id) => index.get(id)!);
      items.forEach((i) => counts[i]!++);
      for (let k = 1; k < items.length; k++) {
        pairs++;
        if (c.partner[items[k - 1]!] === items[k]) partnerPairs++;
        if (c.subOf[items[k - 1]!] === c.subOf[items[k]!]) sameSub++;
      }
    }
    // Zipf: the top 5% of items carry far more than 5% of the steps.
    const sorted = [...counts].sort((x, y) => y - x);
    const total = sorted.reduce((x, y) => x + y, 0);
    expect(sorted.slice(0, SPEC.skus / 20).reduce((x, y) => x + y, 0) / total).toBeGreaterThan(0.25);
    // "Went on to": a step is its predecessor's partner far above chance (1 in 400 items).
    expect(partnerPairs / pairs).toBeGreaterThan(0.1);
    // Tastes: consecutive steps share a sub-category far above chance (1 in 40).
    expect(sameSub / pairs).toBeGreaterThan(0.15);
  });
});
