import { useEffect } from 'react';
import { useReranked, useTrack } from 'hearth-sdk/react';
import type { Product } from './products.js';

declare global {
  interface Window {
    /** Every order the grid was committed with; the browser test reads it to check for flicker. */
    renders?: string[][];
  }
}

export function ProductGrid({ products, listId }: { products: Product[]; listId: string }) {
  // First render: the server's order. Then, once, this shopper's order.
  const ranked = useReranked(products, { listId, timeoutMs: 30_000 });
  const track = useTrack();
  useEffect(() => {
    (window.renders ??= []).push(ranked.map((p) => p.id));
  }, [ranked]);
  return (
    <ul id="grid">
      {ranked.map((p, position) => (
        <li key={p.id} data-id={p.id}>
          <a href={`#${p.id}`} onClick={() => void track({ type: 'click', item: p, listId, position })}>
            {p.title} · €{p.price}
          </a>
        </li>
      ))}
    </ul>
  );
}
