// A ledger task from assignment to accepted, through the real UI: the office creates a campaign
// and assigns one task in bulk to three units → the unit (市城市管理局) opens its instance on the
// phone and submits a report with a photo → the office returns it with a reason → the unit sees
// the reason and submits again → the office accepts it → the office exports the ledger with the
// screen's filters and the Excel file shows the unit's row as accepted.

import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser.js';
import { noHorizontalScroll, photo, signIn } from './helpers.js';

const baseUrl = inject('baseUrl');
const artifacts = inject('artifactsDir');
const stamp = Date.now().toString(36).slice(-5);
const CAMPAIGN = `文明交通创建活动${stamp}`;
const TASK = `在主次干道公交站亭设置公益广告${stamp}`;
const UNITS = ['市城市管理局', '市教育局', '市交通运输局'];
const RETURN_REASON = '照片看不清广告内容，请补拍近景';

let phone: Browser;
let desk: Browser;
let campaignId = 0;
let instanceId = 0;

async function instanceStatus(page: Page, status: string) {
  await page.locator(`[data-testid="page-instance"][data-status="${status}"]`).waitFor();
}

beforeAll(async () => {
  phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  phone.page.setDefaultTimeout(20_000);
  desk = await openBrowser();
  desk.page.setDefaultTimeout(20_000);
  await signIn(desk.page, 'admin', 'header-user');
  await signIn(phone.page, 'unit', 'mobile-greeting');
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
});

describe('a ledger task from assignment to accepted', () => {
  it('the office creates a campaign and assigns one task to three units', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/campaigns`);
    await page.getByTestId('page-campaigns').waitFor();
    await page.getByTestId('create-button').click();
    await page.locator('#campaign_name').fill(CAMPAIGN);
    await page.getByTestId('form-submit').click();
    await page.getByTestId('campaign-name').filter({ hasText: CAMPAIGN }).waitFor();
    campaignId = Number(await page.getByTestId('page-campaign').getAttribute('data-campaign-id'));
    expect(campaignId).toBeGreaterThan(0);

    await page.getByTestId('tab-ledger').click();
    await page.getByTestId('campaign-ledger').waitFor();
    await page.getByTestId('bulk-assign-button').click();
    await page.locator('#tasks_content').fill(TASK);
    await page.locator('#tasks_standard').fill('公益广告占围挡面积不低于 30%');
    for (const unit of UNITS) {
      await page.getByTestId('picker-search').fill(unit);
      await page.locator(`[data-testid="picker-row"][data-unit-name="${unit}"]`).waitFor();
      await page.getByTestId('picker-select-shown').click();
    }
    await expect(page.getByTestId('picker-selected').textContent()).resolves.toContain('已选 3 个单位');
    await page.screenshot({ path: path.join(artifacts, 'campaign-bulk-assign.png') });
    await page.getByTestId('form-submit').click();
    // The ledger shows the new batch: one task per unit.
    await page.getByTestId('filter-batch').waitFor();
    await expect.poll(() => page.getByTestId('task-link').filter({ hasText: TASK }).count()).toBe(3);
    const units = await page.getByTestId('task-unit').allTextContents();
    expect([...units].sort()).toEqual([...UNITS].sort());
    await page.screenshot({ path: path.join(artifacts, 'campaign-ledger.png') });
  });

  it('the unit opens its task on the phone and submits a report with a photo', async () => {
    const page = phone.page;
    await page.getByTestId('home-tasks').click();
    await page.getByTestId('page-mobile-tasks').waitFor();
    await page.getByTestId('task-card').first().waitFor();
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'campaign-mobile-tasks.png') });
    // Find the instance of this task among the unit's many (the server answers only the unit's own).
    const res = await page.request.get(
      `${baseUrl}/api/task-instances?campaignId=${campaignId}&q=${encodeURIComponent(TASK)}`,
    );
    expect(res.status()).toBe(200);
    const found = (await res.json()) as { items: { id: number; unit: { name: string } }[] };
    expect(found.items.map((i) => i.unit.name)).toEqual(['市城市管理局']);
    instanceId = found.items[0].id;

    await page.goto(`${baseUrl}/m/tasks/${instanceId}`);
    await page.getByTestId('instance-content').filter({ hasText: TASK }).waitFor();
    // Submitting without the required photo is stopped on the phone, with the reason.
    await page.locator('#mreport_body').fill('已在人民路、建设路 12 个公交站亭设置公益广告');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('report-missing').waitFor();
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'ads.jpg', mimeType: 'image/jpeg', buffer: await photo('#1f6feb') });
    await page.getByTestId('photo-thumb').first().waitFor();
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'campaign-mobile-report.png'), fullPage: true });
    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid="page-mobile-task"][data-status="submitted"]').waitFor();
    await page.getByTestId('report-card').first().waitFor();
  });

  it('the office returns it with a reason', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/task-instances/${instanceId}`);
    await instanceStatus(page, 'submitted');
    await page.getByTestId('report-card').locator('img').first().waitFor();
    await page.getByTestId('action-return').click();
    await page.locator('#review_note').fill(RETURN_REASON);
    await page.getByTestId('review-submit').click();
    await instanceStatus(page, 'returned');
  });

  it('the unit sees the reason on the phone and submits again', async () => {
    const page = phone.page;
    await page.goto(`${baseUrl}/m/tasks/${instanceId}`);
    await page.locator('[data-testid="page-mobile-task"][data-status="returned"]').waitFor();
    await expect(page.getByTestId('return-reason').textContent()).resolves.toContain(RETURN_REASON);
    // The returned report is the starting point: text and photo are back in the form.
    await expect(page.locator('#mreport_body').inputValue()).resolves.toContain('公交站亭');
    await page.getByTestId('photo-thumb').first().waitFor();
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'close-up.jpg', mimeType: 'image/jpeg', buffer: await photo('#2e7d32') });
    await expect.poll(() => page.getByTestId('photo-thumb').count()).toBe(2);
    await page.locator('#mreport_body').fill('已在 12 个公交站亭设置公益广告，补拍近景照片');
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'campaign-mobile-returned.png'), fullPage: true });
    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid="page-mobile-task"][data-status="submitted"]').waitFor();
  });

  it('the office accepts it', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/task-instances/${instanceId}`);
    await instanceStatus(page, 'submitted');
    await expect.poll(() => page.getByTestId('report-card').count()).toBe(2);
    await page.getByTestId('action-accept').click();
    await page.getByTestId('review-submit').click();
    await instanceStatus(page, 'accepted');
    const actions = await page
      .getByTestId('log-entry')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['create', 'submit', 'return', 'accept']));
    await page.screenshot({ path: path.join(artifacts, 'campaign-instance-accepted.png'), fullPage: true });
  });

  it('the office exports the ledger with the screen filters and the row reads accepted', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/campaigns/${campaignId}/ledger`);
    await page.getByTestId('campaign-ledger').waitFor();
    await page.getByTestId('list-search').fill(TASK);
    await page.getByTestId('list-search').press('Enter');
    await expect.poll(() => page.url()).toContain('q=');
    await expect.poll(() => page.getByTestId('task-link').count()).toBe(3);
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('campaign-overview').waitFor();
    await page.getByTestId('month-chart').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'campaign-overview.png'), fullPage: true });
    await page.goBack();
    await expect.poll(() => page.getByTestId('task-link').count()).toBe(3);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    const file = path.join(artifacts, 'campaign-ledger.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const header: string[] = [];
    sheet.getRow(1).eachCell((cell, n) => {
      header[n] = cell.text;
    });
    for (const name of ['序号', '工作任务', '责任单位', '责任人', '完成时限', '完成情况', '备注']) {
      expect(header.indexOf(name), name).toBeGreaterThan(0);
    }
    const rows: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells: Record<string, string> = {};
      header.forEach((name, i) => {
        if (name) cells[name] = row.getCell(i).text;
      });
      rows.push(cells);
    });
    // Only the filtered task's three rows were exported.
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r['工作任务'].includes(TASK))).toBe(true);
    const mine = rows.find((r) => r['责任单位'].includes('市城市管理局'));
    expect(mine?.['完成情况']).toContain('审核通过');
    expect(rows.filter((r) => r['完成情况'].includes('审核通过'))).toHaveLength(1);
  });
});
