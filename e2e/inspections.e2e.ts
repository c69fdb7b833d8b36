// A field inspection from plan to case, through the real UI: the office (admin, desktop) plans a
// small round of one site type with a random draw, assigns the demo inspector and opens it → the
// inspector, on a phone-sized screen standing at the drawn site, opens the list (nearest first),
// opens the site and fills the checklist with exactly one failing item, taking the photos it asks
// for → submits and sees the score and the failed item → the case it became exists for the
// site's responsible unit (source 'inspection'), and the office sees the scored inspection.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser.js';
import { noHorizontalScroll, photo, signIn } from './helpers.js';

const baseUrl = inject('baseUrl');
const artifacts = inject('artifactsDir');
const stamp = Date.now().toString(36).slice(-5);
const ROUND = `公共广场专项测评${stamp}`;
const SITE_TYPE = '公共广场';

let phone: Browser;
let desk: Browser;
let roundId = 0;
let inspection: {
  id: number;
  unitId: number | null;
  unitName: string | null;
  site: { id: number; lng: number; lat: number };
};
let caseId = 0;
let siteName = '';

/** Picks an option of an AntD select by typing its name. */
async function choose(page: Page, select: Locator, text: string) {
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  await page.keyboard.press('Escape');
}

/** Confirms the open Popconfirm. */
async function confirm(page: Page) {
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
}

beforeAll(async () => {
  phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  phone.page.setDefaultTimeout(20_000);
  await phone.context.grantPermissions(['geolocation'], { origin: baseUrl });
  desk = await openBrowser();
  desk.page.setDefaultTimeout(20_000);
  await signIn(desk.page, 'admin', 'header-user');
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
});

describe('a field inspection from plan to case', () => {
  it('the office plans a round of one site type, assigns the inspector and opens it', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/inspection-rounds`);
    await page.getByTestId('page-rounds').waitFor();
    await page.getByTestId('create-button').click();
    await page.locator('#round_name').fill(ROUND);
    await choose(page, page.getByTestId('round-types'), SITE_TYPE);
    await page.locator('#round_perType').fill('1');
    await page.screenshot({ path: path.join(artifacts, 'inspections-round-plan.png') });
    await page.getByTestId('form-submit').click();
    await page.getByTestId('round-name').filter({ hasText: ROUND }).waitFor();
    roundId = Number(await page.getByTestId('page-round').getAttribute('data-round-id'));
    expect(roundId).toBeGreaterThan(0);
    await expect(page.getByTestId('page-round').getAttribute('data-status')).resolves.toBe('draft');
    // The draw: one site of the type, and the seed that reproduces it.
    await expect(page.getByTestId('round-by-type').textContent()).resolves.toContain(SITE_TYPE);
    await expect(page.getByTestId('round-seed-value').textContent()).resolves.toMatch(/^\d+$/);

    await choose(page, page.getByTestId('assign-inspectors'), '陈队员');
    await page.getByTestId('assign-submit').click();
    await page.getByTestId('round-inspector').filter({ hasText: '陈队员' }).waitFor();
    await expect.poll(() => page.getByTestId('round-unassigned').count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('round-open').click();
    await confirm(page);
    await page.locator('[data-testid="page-round"][data-status="open"]').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'inspections-round-open.png'), fullPage: true });

    const res = await page.request.get(`${baseUrl}/api/inspection-rounds/${roundId}/inspections`);
    expect(res.status()).toBe(200);
    const list = (await res.json()) as { items: (typeof inspection & { inspector: { name: string } | null })[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0].inspector?.name).toContain('陈队员');
    inspection = list.items[0];
    expect(inspection.unitId).not.toBeNull();
  });

  it('the inspector, standing at the site, finds it first on the phone list', async () => {
    const page = phone.page;
    // A few metres from the drawn site.
    await phone.context.setGeolocation({
      latitude: inspection.site.lat + 0.00003,
      longitude: inspection.site.lng,
      accuracy: 10,
    });
    await signIn(page, 'inspector', 'mobile-greeting');
    await page.getByTestId('home-inspections').click();
    await page.getByTestId('page-mobile-inspections').waitFor();
    await page.locator('[data-testid="sort-note"][data-located="true"]').waitFor();
    const ours = page.locator(`[data-testid="inspection-card"][data-inspection-id="${inspection.id}"]`);
    await ours.waitFor();
    // Sorted by distance from the phone: ours is as near as the nearest (the first card).
    const distances = await page
      .getByTestId('inspection-card')
      .evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-distance') || Infinity)));
    expect(distances.length).toBeGreaterThan(1);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const mine = Number(await ours.getAttribute('data-distance'));
    expect(mine).toBeLessThan(30);
    expect(mine).toBe(distances[0]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'inspections-mobile-list.png') });
    siteName = (await ours.getByTestId('card-site').textContent()) ?? '';
    await ours.click();
    await page.getByTestId('checklist-form').waitFor();
  });

  it('fills the checklist with exactly one failing item and a photo, and submits', async () => {
    const page = phone.page;
    const cards = page.getByTestId('item-card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(1);
    let failing: string | null = null;
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const id = (await card.getAttribute('data-item-id'))!;
      const kind = await card.getAttribute('data-kind');
      const input = (name: string) => page.getByTestId(`item-${id}-input-${name}`);
      // The first item that takes a number fails (too few seen); every other item passes.
      const fail = failing === null && kind !== 'presence';
      if (kind === 'presence') {
        // Whether the rule wants it present or absent: the verdict tells.
        await input('present').click();
        await expect.poll(() => card.getAttribute('data-outcome')).not.toBe('');
        if ((await card.getAttribute('data-outcome')) === 'fail') await input('absent').click();
      } else if (kind === 'count') {
        await input('count').fill(fail ? '1' : '999');
      } else if (kind === 'ratio') {
        await input('percent').fill(fail ? '1' : '100');
      } else if (kind === 'rate') {
        await input('count').fill(fail ? '0' : '999');
        await input('observed').fill('1');
      } else if (kind === 'density') {
        await input('count').fill(fail ? '0' : '999');
        await input('distance').fill('1');
      }
      if (fail) failing = id;
      await expect.poll(() => card.getAttribute('data-outcome')).toBe(fail ? 'fail' : 'pass');
      if ((await card.getAttribute('data-photo-required')) === 'true' || fail) {
        await page.getByTestId(`item-${id}-photos-input`).setInputFiles({
          name: `item-${id}.jpg`,
          mimeType: 'image/jpeg',
          buffer: await photo(fail ? '#c0392b' : '#2e7d32'),
        });
        await card.getByTestId('photo-thumb').first().waitFor();
      }
    }
    expect(failing).not.toBeNull();
    await expect(page.getByTestId('checklist-progress').textContent()).resolves.toContain(`${count}/${count}`);
    // The draft went to the server too.
    await page.locator('[data-testid="sync-state"][data-state="saved"]').waitFor();
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'inspections-mobile-checklist.png'), fullPage: true });

    await page.getByTestId('inspection-submit').click();
    await page.locator('[data-testid="page-mobile-inspection"][data-status="submitted"]').waitFor();
    await page.getByTestId('inspection-score').waitFor();
    const score = Number(await page.getByTestId('inspection-score').locator('[data-score]').getAttribute('data-score'));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);
    await expect.poll(() => page.getByTestId('failed-item').count()).toBe(1);
    const link = page.getByTestId('failed-case-link');
    caseId = Number(await link.getAttribute('data-case-id'));
    expect(caseId).toBeGreaterThan(0);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'inspections-mobile-result.png'), fullPage: true });
    // The case link opens the case on the phone, where the inspector can start its re-inspection.
    await link.click();
    await page.getByTestId('page-field-case').waitFor();
    await page.getByTestId('case-code').waitFor();
    await page.getByTestId('case-recheck').click();
    await page.getByTestId('checklist-form').waitFor();
    const recheckId = Number(/\/m\/inspections\/(\d+)/.exec(page.url())?.[1]);
    expect(recheckId).toBeGreaterThan(0);
    expect(recheckId).not.toBe(inspection.id);
    await expect(page.getByTestId('site-name').textContent()).resolves.toBe(siteName);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'inspections-mobile-recheck.png') });
  });

  it('the failed item is a case for the site’s responsible unit, and the office sees the score', async () => {
    const page = desk.page;
    const res = await page.request.get(`${baseUrl}/api/cases/${caseId}`);
    expect(res.status()).toBe(200);
    const detail = (await res.json()) as {
      source: string;
      unitId: number | null;
      routing: { unitId: number | null };
      siteName: string | null;
    };
    expect(detail.source).toBe('inspection');
    expect(detail.unitId ?? detail.routing.unitId).toBe(inspection.unitId);

    await page.goto(`${baseUrl}/inspections/${inspection.id}`);
    await page.locator('[data-testid="page-inspection"][data-status="submitted"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="item-result"][data-outcome="fail"]').count()).toBe(1);
    await expect(page.getByTestId('item-case-link').getAttribute('data-case-id')).resolves.toBe(String(caseId));
    await page.getByTestId('inspection-photo').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'inspections-desk-detail.png'), fullPage: true });

    await page.goto(`${baseUrl}/inspection-rounds/${roundId}/results`);
    await page.getByTestId('round-results').waitFor();
    await page.getByTestId('rollup-name').filter({ hasText: SITE_TYPE }).waitFor();
    await page.getByTestId('rollup-chart').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'inspections-round-results.png'), fullPage: true });
  });
});
