import type { StoredEvent, WireItem } from '../../core/wire/wire.js';
import type { ConsentState, HearthExport, InterestProfile, Item } from '../../core/types.js';

/** Back from the wire shape to the public one: attributes as an object again, no internal `seq`. */
function publicItem(item: WireItem): Item {
  const { attrs, ...rest } = item;
  const out: Item = { ...rest };
  if (attrs) {
    // A null-prototype object: an attribute named `__proto__` stays an ordinary key.
    const attributes = Object.create(null) as NonNullable<Item['attributes']>;
    for (const [k, v] of attrs) attributes[k] = v;
    out.attributes = attributes;
  }
  return out;
}

/** The shopper's data as JSON-ready values, in the shape they tracked it. */
export function toExport(events: readonly StoredEvent[], profile: InterestProfile, consent: ConsentState): HearthExport {
  return {
    format: 'hearth-export',
    version: 1,
    exportedAt: Date.now(),
    consent,
    events: events.map(({ seq: _seq, item, ...e }) => ({ ...e, item: publicItem(item) })),
    profile,
  };
}
