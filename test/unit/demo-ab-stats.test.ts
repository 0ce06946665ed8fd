import { describe, expect, it } from 'vitest';
import { newcombeDiff } from '../../demo/stats.js';
import { abFigures, abVerdict } from '../../demo/ab-verdict.js';
import type { AbOutcome } from '../../demo/ab-run.js';

/** The demo A/B view's interval and verdict (demo/stats.ts, demo/ab-verdict.ts). */
describe('demo A/B figures', () => {
  it('gives Newcombe’s published hybrid score interval for 56/70 − 48/80', () => {
    // Newcombe (1998), Statistics in Medicine 17:873, table II, method 10: 0.0524 to 0.3339.
    const d = newcombeDiff(56, 70, 48, 80);
    expect(d.value).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
  });

  const outs = (arm: AbOutcome['arm'], n: number, hits: number): AbOutcome[] =>
    Array.from({ length: n }, (_, k) => ({ k, arm, hit: k < hits, position: k < hits ? 1 : 20, fallback: false }));

  it('says "above zero" only when the whole interval is, and never claims a lift from one arm', () => {
    const clear = abFigures([...outs('personalised', 30, 24), ...outs('holdout', 30, 6)]);
    expect(clear.lift!.low).toBeGreaterThan(0);
    expect(abVerdict(clear, true)).toContain('above zero');
    const unclear = abFigures([...outs('personalised', 6, 3), ...outs('holdout', 6, 2)]);
    expect(unclear.lift!.low).toBeLessThan(0);
    expect(abVerdict(unclear, true)).toContain('includes zero');
    expect(abVerdict(abFigures(outs('holdout', 5, 1)), true)).toContain('no lift to measure');
  });
});
