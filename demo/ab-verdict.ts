import type { AbOutcome } from './ab-run.js';
import { newcombeDiff, wilson, type Interval } from './stats.js';

/** The A/B test's figures: per arm, the share of shoppers whose pick on the last visit was in the top 5 shown; the lift between them. */
export interface ArmFigures { n: number; hits: number; share: Interval }
export interface AbFigures { personalised: ArmFigures; holdout: ArmFigures; lift: Interval | undefined; fallbacks: number }

const arm = (outs: AbOutcome[], which: AbOutcome['arm']): ArmFigures => {
  const mine = outs.filter((o) => o.arm === which);
  const hits = mine.filter((o) => o.hit).length;
  return { n: mine.length, hits, share: wilson(hits, mine.length) };
};

export function abFigures(outs: AbOutcome[]): AbFigures {
  const personalised = arm(outs, 'personalised'), holdout = arm(outs, 'holdout');
  const lift = personalised.n && holdout.n ? newcombeDiff(personalised.hits, personalised.n, holdout.hits, holdout.n) : undefined;
  return { personalised, holdout, lift, fallbacks: outs.filter((o) => o.fallback).length };
}

export const points = (v: number): string => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(Math.round(v * 100))}`;
export const pctOf = (v: number): string => `${Math.round(v * 100)}%`;

/** One honest line: "higher" only when the whole 95 % interval is above zero. */
export function abVerdict(f: AbFigures, done: boolean): string {
  if (!f.lift) return done ? 'One arm got no shoppers, so there is no lift to measure: run more shoppers.' : '';
  const { personalised: p, holdout: o, lift } = f;
  const shares = `the shopper’s pick was in the top 5 for ${pctOf(p.share.value)} of the ${p.n} personalised shoppers against ${pctOf(o.share.value)} of the ${o.n} in the holdout`;
  const range = `a lift of ${points(lift.value)} points (95% interval ${points(lift.low)} to ${points(lift.high)})`;
  const so = done ? '' : ' (so far)';
  if (lift.low > 0) return `${cap(shares)}: ${range}, above zero${so}.`;
  if (lift.high < 0) return `${cap(shares)}: ${range}, below zero: the personalised order did worse${so}.`;
  return `${cap(shares)}: ${range}. The interval includes zero, so this run shows no difference either way${so}.`;
}
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
