import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HearthProvider } from 'hearth-sdk/react';
import { ProductGrid } from './product-grid.js';
import { products } from './products.js';

// The worker is a static file beside the app (copied there by vite.config.ts).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HearthProvider options={{ workerUrl: 'hearth/hearth.worker.js' }}>
      <h1>Outdoor</h1>
      <ProductGrid products={products} listId="category:outdoor" />
    </HearthProvider>
  </StrictMode>,
);
