import { test, expect } from './fixtures.js';
import { history, historyUntil } from './shop-support.js';
import type { Page } from '@playwright/test';

type Win = { Hearth: { loaded?: boolean; ready(): Promise<unknown>; track(e: unknown): Promise<void>; rank(items: Array<{ id: string }>): Promise<unknown> } };

async function open(page: Page, origin: string, hash: string): Promise<void> {
  await page.goto(`${origin}/test/browser/pages/shop-consent-signals.html#${hash}`);
  await page.waitForFunction(() => (window as unknown as Win).Hearth?.loaded === true);
  await page.evaluate(() => (window as unknown as Win).Hearth.ready());
}
/** Tracks a click and makes sure it reached the worker (a rank flushes pending tracks first). */
const click = (page: Page, id: string) =>
  page.evaluate(async (item) => {
    const H = (window as unknown as Win).Hearth;
    await H.track({ type: 'click', item: { id: item } });
    await H.rank([{ id: 'x' }, { id: 'y' }]);
  }, id);

test.describe('consent from the signals shops already use', () => {
  test('gtag, set before Hearth loads (default denied, update granted): stored', async ({ page, server, pageErrors }) => {
    await open(page, server.origin, 'source=gtag&order=before');
    await click(page, 'p1');
    expect((await historyUntil(page, (h) => h.length >= 1)).map((e) => e.id)).toEqual(['p1']);
    expect(pageErrors).toEqual([]);
  });

  test('gtag, after Hearth loads: pending (nothing stored) until granted; an update to denied deletes', async ({ page, server, pageErrors }) => {
    await open(page, server.origin, 'source=gtag&order=after');
    await click(page, 'p1');
    expect(await history(page)).toEqual([]);
    await page.evaluate(() => (window as unknown as { gtag: (...a: unknown[]) => void }).gtag('consent', 'update', { personalization_storage: 'granted' }));
    // What was held in memory while pending is written once granted.
    expect((await historyUntil(page, (h) => h.length >= 1)).map((e) => e.id)).toEqual(['p1']);
    await page.evaluate(() => (window as unknown as { gtag: (...a: unknown[]) => void }).gtag('consent', 'update', { personalization_storage: 'denied' }));
    await historyUntil(page, (h) => h.length === 0);
    await click(page, 'p2');
    expect(await history(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('gtag default denied alone: nothing stored', async ({ page, server }) => {
    await open(page, server.origin, 'source=gtag&order=after');
    await page.evaluate(() => (window as unknown as { gtag: (...a: unknown[]) => void }).gtag('consent', 'default', { personalization_storage: 'denied' }));
    await click(page, 'p1');
    expect(await history(page)).toEqual([]);
  });

  test('Shopify, API loaded before Hearth with preferences allowed: stored', async ({ page, server, pageErrors }) => {
    await open(page, server.origin, 'source=shopify&order=before');
    await click(page, 'p1');
    expect((await historyUntil(page, (h) => h.length >= 1)).map((e) => e.id)).toEqual(['p1']);
    expect(pageErrors).toEqual([]);
  });

  test('Shopify, API after Hearth: pending until visitorConsentCollected allows preferences; a refusal deletes', async ({ page, server, pageErrors }) => {
    await open(page, server.origin, 'source=shopify&order=after');
    await click(page, 'p1');
    expect(await history(page)).toEqual([]);
    await page.evaluate(() => {
      const w = window as unknown as { installShopifyPrivacy(p: string): void; Shopify: { customerPrivacy: { setTrackingConsent(c: unknown, cb?: () => void): void } } };
      w.installShopifyPrivacy('');
      w.Shopify.customerPrivacy.setTrackingConsent({ analytics: false, marketing: false, preferences: true, sale_of_data: false });
    });
    expect((await historyUntil(page, (h) => h.length >= 1)).map((e) => e.id)).toEqual(['p1']);
    await page.evaluate(() => (window as unknown as { Shopify: { customerPrivacy: { setTrackingConsent(c: unknown): void } } }).Shopify.customerPrivacy.setTrackingConsent({ preferences: false }));
    await historyUntil(page, (h) => h.length === 0);
    expect(pageErrors).toEqual([]);
  });
});
