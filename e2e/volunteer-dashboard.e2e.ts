// The community dashboard (社区看板) through the real UI: the demo office opens it from the side
// menu, sees the week's figures from the demo city (registered members, the 五个一 rate), the
// 8-week trend chart and the week's activities linking to their pages; the community filter and
// the week live in the URL; and the page reads in English too.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openBrowser, type Browser } from './browser.js';
import { signIn } from './helpers.js';

const baseUrl = inject('baseUrl');
const artifacts = inject('artifactsDir');

let desk: Browser;

const figure = async (testId: string) =>
  Number(await desk.page.getByTestId(testId).getAttribute('data-value', { timeout: 20_000 }));

beforeAll(async () => {
  desk = await openBrowser();
  desk.page.setDefaultTimeout(20_000);
  await signIn(desk.page, 'admin', 'header-user');
});
afterAll(async () => desk?.close());

describe('the community dashboard', () => {
  it('opens from the menu with the week’s figures, the trend and the activities', async () => {
    const page = desk.page;
    await page.getByTestId('menu-volunteer-dashboard').click();
    await page.getByTestId('page-volunteer-dashboard').waitFor();
    expect(new URL(page.url()).pathname).toBe('/volunteer/dashboard');
    await page.getByTestId('dashboard-registered').waitFor();
    // The demo city registers ~85 % of its ~20,000 members, most of them confirmed.
    expect(await figure('dashboard-registered')).toBeGreaterThan(1000);
    expect(await figure('dashboard-unregistered')).toBeGreaterThan(0);
    expect(await figure('dashboard-activities')).toBeGreaterThan(0);
    const rate = Number(await page.getByTestId('dashboard-rate').getAttribute('data-value'));
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(rate).toBeLessThanOrEqual(100);
    for (const item of ['sanitation', 'volunteer', 'convention', 'sorting', 'dissuasion']) {
      await page.getByTestId(`dashboard-item-${item}`).waitFor();
    }
    // The lazy ECharts line draws on a canvas.
    await page.getByTestId('dashboard-trend-chart').locator('canvas').first().waitFor();
    const rows = page.getByTestId('dashboard-activities-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('dashboard-pending-link').getAttribute('href')).toBe(
      '/volunteer/registrations?status=pending',
    );
    await page.screenshot({ path: path.join(artifacts, 'volunteer-dashboard.png'), fullPage: true });

    // An activity row leads to the activity.
    const link = rows.first().getByTestId('activity-link');
    const id = await link.getAttribute('data-activity-id');
    await link.click();
    await page.waitForURL((u) => u.pathname === `/volunteer/activities/${id}`);
    await page.goBack();
    await page.getByTestId('page-volunteer-dashboard').waitFor();
  });

  it('keeps the community and the week in the URL', async () => {
    const page = desk.page;
    const all = await figure('dashboard-registered');
    const select = page.getByTestId('filter-community');
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.waitForURL((u) => u.searchParams.has('communityId'));
    await expect.poll(() => figure('dashboard-registered')).toBeLessThan(all);
    const communityId = new URL(page.url()).searchParams.get('communityId');
    expect(await page.getByTestId('dashboard-unregistered-link').getAttribute('href')).toBe(
      `/volunteer/registrations?tab=unregistered&communityId=${communityId}`,
    );

    // Last week, by the URL: the range moves back seven days.
    const range = await page.getByTestId('dashboard-range').textContent();
    const monday = range!.match(/\d{4}-\d{2}-\d{2}/)![0];
    const lastMonday = new Date(Date.parse(`${monday}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/volunteer/dashboard?communityId=${communityId}&day=${lastMonday}`);
    await expect.poll(() => page.getByTestId('dashboard-range').textContent()).toContain(lastMonday);
    await page.getByTestId('dashboard-trend-chart').locator('canvas').first().waitFor();
  });

  it('reads in English', async () => {
    const page = desk.page;
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en-US').click();
    try {
      await expect
        .poll(() => page.getByTestId('page-volunteer-dashboard').textContent())
        .toContain('Five-one rate over the last 8 weeks');
      await expect(page.getByTestId('menu-volunteer-dashboard').textContent()).resolves.toContain(
        'Community dashboard',
      );
    } finally {
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('lang-zh-CN').click();
    }
    await expect.poll(() => page.getByTestId('page-volunteer-dashboard').textContent()).toContain('社区看板');
  });
});
