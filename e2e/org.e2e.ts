// End to end through the real UI: sign in, add a unit, import an Excel file with one bad row and
// read the rejection report, fix it and import, find the audit entries, switch the language.

import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser.js';

const baseUrl = inject('baseUrl');
const artifacts = inject('artifactsDir');
const stamp = Date.now().toString(36).slice(-5);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(username: string, password = 'Demo@2026') {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
}

async function signOut() {
  await page.getByTestId('logout-button').click();
  await page.getByTestId('login-username').waitFor();
}

async function unitsWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入数据');
  ws.addRow(['单位名称*', '单位类型*', '负责人', '负责人电话']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(file: Buffer, name: string) {
  await page.getByTestId('import-file-input').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
}

describe('organisation, as the campaign office', () => {
  it('signs in in Chinese and shows the side menu for the role', async () => {
    await signIn('admin');
    await expect(page.getByTestId('menu-units').textContent()).resolves.toContain('单位');
    expect(await page.getByTestId('menu-audit').count()).toBe(0); // 三员分立: not for the city admin
    await page.screenshot({ path: path.join(artifacts, 'home.png') });
  });

  it('adds a unit through the form', async () => {
    await page.getByTestId('menu-units').click();
    await page.getByTestId('page-units').waitFor();
    await page.getByTestId('create-button').click();
    await page.locator('#unit_name').fill(`市体育局${stamp}`);
    await page.locator('#unit_headName').fill('韩立');
    await page.locator('#unit_headPhone').fill('13912345678');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('list-search').fill(`市体育局${stamp}`);
    await page.getByText(`市体育局${stamp}`).first().waitFor();
    // The list masks the phone.
    await page.getByText('139****5678').first().waitFor();
  });

  it('rejects an Excel file with one bad row, saving nothing, then imports the fixed file', async () => {
    await page.getByTestId('import-button').click();
    const bad = await unitsWorkbook([
      [`第一导入单位${stamp}`, '委办局', '甲', '13800000001'],
      [`第二导入单位${stamp}`, '委办局', '乙', '1380000'],
      [`第三导入单位${stamp}`, '学校', '丙', '13800000003'],
    ]);
    await importFile(bad, 'units-bad.xlsx');
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const text = await report.textContent();
    expect(text).toContain('3'); // Excel row 3 holds the bad phone
    expect(text).toContain('负责人电话');
    await page.screenshot({ path: path.join(artifacts, 'import-rejected.png') });

    const good = await unitsWorkbook([
      [`第一导入单位${stamp}`, '委办局', '甲', '13800000001'],
      [`第二导入单位${stamp}`, '委办局', '乙', '13800000002'],
      [`第三导入单位${stamp}`, '学校', '丙', '13800000003'],
    ]);
    await importFile(good, 'units-good.xlsx');
    const success = page.getByTestId('import-success');
    await success.waitFor();
    expect(await success.textContent()).toContain('3');
    await page.keyboard.press('Escape');
    await page.getByTestId('list-search').fill(`第二导入单位${stamp}`);
    await page.getByText(`第二导入单位${stamp}`).first().waitFor();
    await signOut();
  });

  it('shows the changes in the audit log to the audit admin', async () => {
    await signIn('auditor');
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('page-audit').waitFor();
    await page.getByText('unit.create').first().waitFor();
    await page.getByText('import.units').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'audit.png') });
  });

  it('switches the interface to English and back', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en-US').click();
    await expect(page.getByTestId('menu-audit').textContent()).resolves.toMatch(/Audit/i);
    await page.reload();
    await page.getByTestId('menu-audit').waitFor();
    await expect(page.getByTestId('menu-audit').textContent()).resolves.toMatch(/Audit/i);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await expect(page.getByTestId('menu-audit').textContent()).resolves.toContain('审计');
    await signOut();
  });
});

describe('mobile shell', () => {
  it('works on a phone-sized screen', async () => {
    const phone = await openBrowser({ viewport: { width: 375, height: 740 } });
    try {
      const p = phone.page;
      await p.goto(`${baseUrl}/login`);
      await p.getByTestId('login-username').fill('member');
      await p.getByTestId('login-password').fill('Demo@2026');
      await p.getByTestId('login-submit').click();
      // A member's only page is the profile, so sign-in lands on the mobile shell by itself.
      await p.waitForURL((u) => !u.pathname.startsWith('/login'));
      await p.goto(`${baseUrl}/m`);
      await p.getByTestId('mobile-greeting').waitFor();
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await p.screenshot({ path: path.join(artifacts, 'mobile.png') });
    } finally {
      await phone.close();
    }
  });
});
