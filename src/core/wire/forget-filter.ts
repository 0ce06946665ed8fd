import type { ForgetFilter, WireEvent } from './wire.js';


const norm = (s: string) => s.trim().toLowerCase();

/** Does `event` fall under `filter`? Brand and category match case-insensitively, like the model's features. */
export function matchesFilter(event: WireEvent, filter: ForgetFilter): boolean {
  if ('itemId' in filter) return event.item.id === filter.itemId;
  if ('brand' in filter) return event.item.brand !== undefined && norm(event.item.brand) === norm(filter.brand);
  if ('category' in filter) return (event.item.categories ?? []).some((c) => norm(c) === norm(filter.category));
  return event.at >= (filter.from ?? -Infinity) && event.at <= (filter.to ?? Infinity);
}
