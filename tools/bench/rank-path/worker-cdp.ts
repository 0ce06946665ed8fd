import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/**
 * The DevTools protocol of a dedicated worker, through a browser-level session attached to its
 * target (non-flattened: Playwright opens sessions on pages, not workers); the memory bench uses it too.
 */
export async function attachWorker(browser: Browser, urlPart: string) {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
  if (!target) throw new Error(`no worker target matching ${urlPart}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((ok) => {
      const id = nextId++;
      waiting.set(id, ok);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return { send, detach: () => cdp.detach().catch(() => undefined) };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a minified frame starts in the sources, from the bundle's source map in `dir` (undefined without one). */
function sourceMapper(dir: string) {
  const maps = new Map<string, SourceMapConsumer | null>();
  return (f: ProfileNode['callFrame']): string | undefined => {
    const file = f.url.split('/').pop() ?? '';
    if (!file.endsWith('.js')) return undefined;
    if (!maps.has(file)) {
      const path = resolve(dir, file + '.map');
      maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : null);
    }
    const pos = maps.get(file)?.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
    return pos?.source ? `${pos.source.replace(/^(\.\.\/)+/, '')}:${pos.line}` : undefined;
  };
}

/** Self time by function (its start in the sources where `mapDir` holds the bundles' maps), largest first. */
export function selfTime(profile: CpuProfile, top = 25, mapDir?: string): Array<{ fn: string; share: number; ms: number }> {
  const where = mapDir ? sourceMapper(mapDir) : () => undefined;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, k) => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = where(f) ?? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    const dt = (profile.timeDeltas[k] ?? 0) / 1000;
    total += dt;
    ms.set(key, (ms.get(key) ?? 0) + dt);
  });
  return [...ms.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, t]) => ({ fn, share: t / total, ms: t }));
}
