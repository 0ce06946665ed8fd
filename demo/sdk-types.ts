import type { Hearth, Item, RankResult } from 'hearth';

// Types the public entry does not name, derived from the ones it does (as a shop's app would).
export type InterestProfile = Awaited<ReturnType<Hearth['profile']>>;
export type HearthExport = Awaited<ReturnType<Hearth['export']>>;
export type WeightedInterest = InterestProfile['longTerm']['categories'][number];
export type Reason = RankResult<Item>['reasons'][number][number];
