// A case from the street to closed, through the real UI: an inspector reports on the phone page
// with a photo and GPS → the office checks, registers and dispatches on the desktop → the unit
// accepts and reports the fix with an after-photo → the inspector verifies on the phone → the office
// closes it, and the metrics count one more closed case.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser.js';
import { photo, signIn } from './helpers.js';

const baseUrl = inject('baseUrl');
const artifacts = inject('artifactsDir');

let phone: Browser;
let desk: Browser;
let caseId = 0;
let closedBefore = 0;

/** Inside the demo city's first grid (示范市 lattice origin 113.24, 35.21). */
const SPOT = { latitude: 35.2102, longitude: 113.2403 };

function period() {
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  return `from=${from}&to=${to}`;
}

async function closedCount(page: Page): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/cases/metrics?groupBy=unit&${period()}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: { closed: number } }).total.closed;
}

async function signOut(page: Page) {
  await page.getByTestId('logout-button').click();
  await page.getByTestId('login-username').waitFor();
}

/** Runs one case action from the desktop detail page and waits for the new status. */
async function act(page: Page, action: string, status: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await fill?.();
  await page.getByTestId('form-submit').click();
  await page.locator(`[data-testid="case-status"][data-status="${status}"]`).first().waitFor();
}

beforeAll(async () => {
  phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  phone.page.setDefaultTimeout(20_000);
  await phone.context.grantPermissions(['geolocation'], { origin: baseUrl });
  await phone.context.setGeolocation({ ...SPOT, accuracy: 12 });
  desk = await openBrowser();
  desk.page.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
});

describe('a case from report to closed', () => {
  it('the inspector reports a problem on the phone with a photo and GPS', async () => {
    const page = phone.page;
    await signIn(page, 'inspector', 'mobile-greeting');
    await page.goto(`${baseUrl}/m/report`);
    await page.getByTestId('page-field-report').waitFor();
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'before.jpg', mimeType: 'image/jpeg', buffer: await photo('#8a6d3b') });
    await page.getByTestId('photo-thumb').first().waitFor();
    await page.getByTestId('locate-button').click();
    await page.getByTestId('location-value').waitFor();
    await page.getByRole('button', { name: '公共环境' }).click();
    await page.getByRole('button', { name: '垃圾桶破损、满溢' }).click();
    await page.locator('#report_description').fill('幸福路公交站旁垃圾桶破损，垃圾满溢到人行道上');
    await page.screenshot({ path: path.join(artifacts, 'case-mobile-report.png') });
    await page.getByTestId('report-submit').click();
    const code = (await page.getByTestId('report-code').textContent())!.trim();
    expect(code).toMatch(/^\d{4}-\d{7}$/);
    caseId = Number(code.split('-')[1]);
    // The phone page has no horizontal scroll.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the office checks, registers and dispatches it to the suggested or chosen unit', async () => {
    const page = desk.page;
    await signIn(page, 'admin', 'header-user');
    closedBefore = await closedCount(page);
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await page.getByTestId('page-case-detail').first().waitFor();
    await act(page, 'check', 'checked');
    await act(page, 'register', 'registered');
    // Before dispatch the page shows the suggested unit and why.
    await page.getByTestId('routing-suggestion').waitFor();
    await act(page, 'dispatch', 'dispatched', async () => {
      // Send it to the demo unit account's unit.
      await page.locator('#transition_unitId').click();
      await page.locator('#transition_unitId').fill('市城市管理局');
      await page.locator('.ant-select-item-option[title="市城市管理局"]').click();
    });
    await page.screenshot({ path: path.join(artifacts, 'case-dispatched.png') });
    await signOut(page);
  });

  it('the unit accepts it and reports the fix with an after-photo', async () => {
    const page = desk.page;
    await signIn(page, 'unit', 'header-user');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await page.getByTestId('page-case-detail').first().waitFor();
    await act(page, 'accept', 'accepted');
    await act(page, 'handle', 'handled', async () => {
      await page.locator('#transition_note').fill('已更换新垃圾桶并清理周边');
      await page
        .getByTestId('photo-input')
        .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photo('#2e7d32') });
      await page.getByTestId('photo-thumb').first().waitFor();
    });
    await signOut(page);
  });

  it('the inspector verifies it on the phone', async () => {
    const page = phone.page;
    await page.goto(`${baseUrl}/m/cases/${caseId}`);
    await page.getByTestId('page-field-case').waitFor();
    await page.getByTestId('action-verify').click();
    await page.locator('#transition_note').fill('现场复核已整改');
    await page.getByTestId('form-submit').click();
    await page.getByText('待结案').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'case-mobile-verified.png') });
  });

  it('the office closes it and the metrics count it', async () => {
    const page = desk.page;
    await signIn(page, 'admin', 'header-user');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await act(page, 'close', 'closed');
    const actions = await page
      .getByTestId('timeline-entry')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
    expect(actions).toEqual(
      expect.arrayContaining(['report', 'check', 'register', 'dispatch', 'accept', 'handle', 'verify', 'close']),
    );
    expect(await closedCount(page)).toBe(closedBefore + 1);
    await page.goto(`${baseUrl}/cases/metrics`);
    await page.getByTestId('metrics-total').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'case-metrics.png') });
  });
});
