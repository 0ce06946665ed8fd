/**
 * What the shop's rules add to a rerank: engine.rank of 100 and 1,000 candidates with a
 * 500-event history, without rules and with a typical rule set (4 excludes, 5 pins, 3 boosts,
 * one of them reading the history) and with rotation. Median of 30 runs after 5 warm-ups, the variants in turn.
 * Run: npx tsx tools/bench/rules-cost.ts (results: BENCHMARKS.md › Merchandising rules).
 */
import { createWorkerEngine } from '../../src/core/engine/engine.js';
import { candidateItems, validateEvent, validateRerankOptions } from '../../src/core/wire/validate.js';
import { applyRules } from '../../src/core/rank/rules.js';
import { rotationSink } from '../../src/core/rank/shopper-facts.js';

const NOW = Date.now();
const cats = ['Shoes', 'Jackets', 'Tents', 'Bikes', 'Stoves'];
const product = (i: number) => ({ id: `p${i}`, title: `${cats[i % 5]} ${i}`, brand: `B${i % 7}`, categories: ['Outdoor', cats[i % 5]!], price: 10 + (i % 90), attributes: { color: i % 2 ? 'red' : 'blue', stock: i % 11 } });
const { rules, rotation } = validateRerankOptions({
  rules: {
    exclude: [{ brand: 'B3' }, { attribute: { name: 'stock', value: 0 } }, { ids: ['p5', 'p9', 'p77'] }, { purchased: true }],
    pin: [0, 3, 7, 12, 20].map((position, k) => ({ id: `p${k * 13 + 1}`, position })),
    boost: [{ match: { category: 'Tents' }, weight: 4 }, { match: { brand: 'B1', attribute: { name: 'color', value: 'red' } }, weight: 2 }, { match: { inCart: true }, weight: -3 }],
  },
  rotation: { rate: 0.5, hours: 48 },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Medians of the variants, run in turn (round-robin) so a busy moment on the machine hits them alike. */
async function times(fns: Array<() => unknown>): Promise<number[]> {
  const out = fns.map((): number[] => []);
  for (let k = 0; k < 35; k++) {
    for (const [v, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      if (k >= 5) out[v]!.push(performance.now() - t);
    }
  }
  return out.map(median);
}

const engine = await createWorkerEngine({ now: () => NOW });
const types = ['impression', 'impression', 'impression', 'view', 'click', 'add_to_cart', 'purchase'] as const;
await engine.track(Array.from({ length: 500 }, (_, k) => validateEvent({ type: types[k % 7], item: product((k * 37) % 2_000), at: NOW - (500 - k) * 60_000 }, NOW)));
console.log('| candidates | rank, no rules (ms) | rank + rules (ms) | rank + rules + rotation (ms) | applyRules alone (ms) | rotationSink alone (ms) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of [100, 1_000]) {
  const items = candidateItems(Array.from({ length: n }, (_, i) => product(i)));
  const identity = items.map((_, i) => i);
  const [plain, ruled, rotated, alone, sink] = await times([
    () => engine.rank(items),
    () => engine.rank(items, { rules }),
    () => engine.rank(items, { rules, rotation }),
    () => applyRules(items, identity, rules),
    () => rotationSink(engine.allEvents(), items, rotation!, NOW),
  ]);
  console.log(`| ${n} | ${plain!.toFixed(2)} | ${ruled!.toFixed(2)} | ${rotated!.toFixed(2)} | ${alone!.toFixed(3)} | ${sink!.toFixed(3)} |`);
}
await engine.close();
