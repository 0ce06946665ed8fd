import { createServer, type Server } from 'node:http';
import { createEngine, createMemoryStore, createDefaultModel, createJsScorer, validateEvent, candidateItems, type Engine } from '../../../src/engine.js';
import type { TrackEvent } from '../../../src/core/types.js';

export interface BaselineServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * The best case of a cloud reranker: the same engine and scoring (plain JS) in a Node server on
 * 127.0.0.1, zero network distance. POST /rank?h=<history key> with the candidates as JSON
 * (sent as text/plain so the browser needs no CORS preflight) answers the new order.
 */
export async function startBaselineServer(histories: Record<string, TrackEvent[]>, now: number): Promise<BaselineServer> {
  const engines = new Map<string, Engine>();
  for (const [key, events] of Object.entries(histories)) {
    const engine = await createEngine({ store: createMemoryStore(), model: createDefaultModel(), scorer: createJsScorer(), now: () => now });
    await engine.track(events.map((e) => validateEvent(e, now)));
    engines.set(key, engine);
  }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
      const engine = engines.get(new URL(req.url ?? '/', 'http://x').searchParams.get('h') ?? '');
      if (req.method !== 'POST' || !engine) {
        res.writeHead(404, headers).end('{}');
        return;
      }
      const items = candidateItems(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      engine.rank(items).then(
        (r) => res.writeHead(200, headers).end(JSON.stringify({ order: r.order, scores: r.scores })),
        (err: unknown) => res.writeHead(500, headers).end(JSON.stringify({ error: String(err) })),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
