// A questionnaire answered on a phone and counted in the results, through the real UI: the office
// (admin, desktop) opens the demo residents' questionnaire, reads its response count and takes the
// answering link from the distribution tab (with its QR code) → a resident on a 375 px screen opens
// the link, says who they are and picks a community, submits too early (the page names the first
// unanswered question), answers everything and gets the thank-you with a receipt → the office's
// results count one more response.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openBrowser, type Browser } from './browser.js';
import { noHorizontalScroll, signIn } from './helpers.js';

const artifacts = inject('artifactsDir');
const TITLE = '文明城市创建市民知晓率满意度调查';

let phone: Browser;
let desk: Browser;
let surveyUrl = '';
let link = '';
let before = 0;

async function responses(): Promise<number> {
  const page = desk.page;
  await page.goto(`${surveyUrl}/results`);
  const text = await page.getByTestId('results-responses').locator('.ant-statistic-content').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

beforeAll(async () => {
  phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  phone.page.setDefaultTimeout(20_000);
  desk = await openBrowser();
  desk.page.setDefaultTimeout(20_000);
  await signIn(desk.page, 'admin', 'header-user');
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
});

describe('a questionnaire answered on a phone', () => {
  it('the office finds the link and QR code of the open questionnaire', async () => {
    const page = desk.page;
    await page.goto(`${inject('baseUrl')}/surveys`);
    await page.getByTestId('survey-link').filter({ hasText: TITLE }).click();
    await page.getByTestId('design-tab').waitFor();
    surveyUrl = page.url().replace(/\/(design|settings|distribute|results)$/, '');
    before = await responses();
    expect(before).toBeGreaterThan(1000);
    await page.getByTestId('tab-distribute').click();
    await page.getByTestId('survey-qr').waitFor();
    link = (await page.getByTestId('survey-link').locator('a').getAttribute('href')) ?? '';
    expect(link).toMatch(/\/public\/survey\/[A-Za-z0-9_-]{16,}$/);
  });

  it('a resident answers on a phone and gets a receipt', async () => {
    const page = phone.page;
    await page.goto(link);
    await page.getByTestId('survey-who').locator('label').first().click();
    await page.getByTestId('survey-where').click();
    for (let level = 0; level < 3; level++) {
      await page.locator('.ant-cascader-menu').nth(level).locator('.ant-cascader-menu-item').first().click();
    }
    await page.getByTestId('survey-start').click();
    await page.getByTestId('survey-question').first().waitFor();
    await noHorizontalScroll(page);

    await page.getByTestId('survey-submit').click();
    await expect.poll(() => page.getByTestId('question-error').first().innerText()).toContain('1');

    const questions = page.getByTestId('survey-question');
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      const q = questions.nth(i);
      const groups = q.locator('.ant-radio-group');
      for (let j = 0; j < (await groups.count()); j++) await groups.nth(j).locator('label').nth(1).click();
      const boxes = q.locator('.ant-checkbox-wrapper');
      if ((await boxes.count()) > 0) await boxes.first().click();
      const text = q.locator('textarea');
      if ((await text.count()) > 0) await text.fill('<b>建议</b>多设几个垃圾分类点');
    }
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-thanks').waitFor();
    expect(await page.getByTestId('survey-thanks').innerText()).toMatch(/W\d{7}/);
    await page.screenshot({ path: path.join(artifacts, 'survey-phone-thanks.png') });
  });

  it('the office’s results count it', async () => {
    expect(await responses()).toBe(before + 1);
  });
});
