/** The synthetic shop's sizes (issue #21): GA4 export rows and catalogue SKUs. */
export const SCALE_SIZES = {
  S: { events: 200_000, skus: 10_000 },
  M: { events: 2_000_000, skus: 50_000 },
  L: { events: 20_000_000, skus: 200_000 },
} as const;

export type ScaleSize = keyof typeof SCALE_SIZES;

export function isScaleSize(s: string): s is ScaleSize {
  return Object.hasOwn(SCALE_SIZES, s);
}
