import type { CatalogFormat, EventsFormat } from './detect.js';

export interface ShopOptions {
  /** File, folder or glob of the behaviour export. */
  events: string;
  /** File, folder or glob of the product feed (optional: items then carry only what events carry). */
  catalog?: string | undefined;
  eventsFormat?: EventsFormat | undefined;
  catalogFormat?: CatalogFormat | undefined;
  /** `item`: one model row per item id; `group`: per item_group_id, variants sharing one row. */
  idKey: 'item' | 'group';
  /** Stop at the first row problem instead of skipping and counting it. */
  strict?: boolean | undefined;
  /** Seed of the sampled-protocol negatives. */
  seed?: number | undefined;
}
