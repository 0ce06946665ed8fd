import { decodeModel, parseManifest, type ModelManifest } from '../core/model/model-format.js';
import type { InterestModel } from '../core/model/model-types.js';
import { PUBLIC_META_PREFIX, type EventStore } from '../core/store/event-store.js';
import { debug } from '../core/log.js';

const CACHE_KEY = `${PUBLIC_META_PREFIX}model`;

interface CachedModel {
  url: string;
  manifest: ModelManifest;
  bin: ArrayBuffer;
}

/**
 * Fetches site-trained weights with plain GETs of static files (the URL carries nothing about
 * the shopper) and caches them in IndexedDB. A cached copy for the same URL is used at once and
 * revalidated in the background; `onUpdate` receives a newer version when one appears.
 */
export async function loadModel(url: string, store: EventStore, onUpdate: (model: InterestModel) => void): Promise<InterestModel> {
  const cached = await store.getMeta<CachedModel>(CACHE_KEY).catch(() => undefined);
  if (cached && cached.url === url) {
    const model = decodeModel(parseManifest(cached.manifest), cached.bin);
    void fetchModel(url, store, model.version)
      .then((fresh) => fresh && onUpdate(fresh))
      .catch((err: unknown) => debug('model revalidation failed', err));
    return model;
  }
  const fresh = await fetchModel(url, store);
  if (!fresh) throw new Error('unreachable: no cached version to compare');
  return fresh;
}

/** Resolves undefined when the server's version equals `knownVersion`. */
async function fetchModel(url: string, store: EventStore, knownVersion?: string): Promise<InterestModel | undefined> {
  const res = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!res.ok) throw new Error(`model: GET ${url} answered ${res.status}`);
  const manifest = parseManifest(await res.json());
  if (manifest.version === knownVersion) return undefined;
  let bin = new ArrayBuffer(0);
  if (manifest.table) {
    const binRes = await fetch(new URL(manifest.table.path, new URL(url, globalThis.location?.href)).href, { credentials: 'same-origin' });
    if (!binRes.ok) throw new Error(`model: GET ${manifest.table.path} answered ${binRes.status}`);
    bin = await binRes.arrayBuffer();
  }
  const model = decodeModel(manifest, bin);
  await store.setMeta(CACHE_KEY, { url, manifest, bin } satisfies CachedModel).catch((err: unknown) => debug('model cache write failed', err));
  return model;
}
