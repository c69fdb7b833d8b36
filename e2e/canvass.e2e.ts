// Door-to-door canvassing from the doorstep to the resident, through the real UI: a canvasser on a
// phone-sized screen opens 入户征询, records one household (building, door, consent and name,
// phone, materials) with two opinions → the office, in the opinion workbench, routes one opinion to
// 市城市管理局 as a case (with a case category) and the other as a direct reply → the unit's staff
// answer the reply in their inbox and record that it reached the resident → the drive's progress
// counts one more visited household.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser.js';
import { noHorizontalScroll, signIn } from './helpers.js';

const baseUrl = inject('baseUrl');
const artifacts = inject('artifactsDir');
const stamp = Date.now().toString(36).slice(-6);
const UNIT = '市城市管理局';
const DOOR = `e2e-${stamp}`;
const CASE_TEXT = `小区门口的井盖松动，车辆经过响声很大，存在安全隐患（${stamp}）`;
const REPLY_TEXT = `希望社区多组织一些文明创建的宣传活动（${stamp}）`;

let phone: Browser;
let desk: Browser;
let assignmentId = 0;
let driveId = 0;
let visitedBefore = 0;
let visitId = 0;

interface OpinionItem {
  id: number;
  text: string;
  status: string;
  routeKind: string | null;
  routedUnit: { name: string } | null;
  caseId: number | null;
  reply: { kind: string; text: string } | null;
  delivery: { via: string } | null;
}

/**
 * Picks an option of an AntD select by typing its name. The search answers asynchronously and
 * may replace the list under the click, so check what got selected and pick again if needed.
 */
async function choose(page: Page, select: Locator, text: string, field: Locator) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await page.keyboard.type(text);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text })
      .first()
      .click();
    await page.waitForTimeout(300);
    if ((await field.locator('.ant-select').textContent())?.includes(text)) return;
  }
}

/** Routes the opinion of `row` to the unit, as a case (with the category) or a reply. */
async function route(page: Page, id: number, kind: 'case' | 'reply', category?: string) {
  await row(page, id).getByTestId('opinion-route').click();
  const modal = page.locator('.ant-modal:visible').filter({ has: page.getByTestId('route-submit') });
  await modal.waitFor();
  const unit = modal.locator('.ant-form-item').filter({ has: page.locator('#route_unitId') });
  await choose(page, unit.locator('#route_unitId'), UNIT, unit);
  await expect.poll(() => unit.locator('.ant-select').textContent()).toContain(UNIT);
  await modal.getByTestId(`route-kind-${kind}`).click();
  if (category) {
    await modal.getByTestId('route-category').click();
    await page.keyboard.type(category);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper')
      .filter({ hasText: category })
      .first()
      .click();
    await page.screenshot({ path: path.join(artifacts, 'canvass-route-case.png') });
  }
  await modal.getByTestId('route-submit').click();
  await page.locator(`[data-testid="opinion-row"][data-opinion-id="${id}"][data-status="routed"]`).waitFor();
  await modal.waitFor({ state: 'hidden' });
}

async function visitedHouseholds(page: Page): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/canvass-drives/${driveId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { progress: { visitedHouseholds: number } }).progress.visitedHouseholds;
}

async function opinionsOf(page: Page): Promise<OpinionItem[]> {
  const res = await page.request.get(`${baseUrl}/api/canvass-opinions`, { params: { q: stamp, pageSize: 20 } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: OpinionItem[] }).items;
}

const row = (page: Page, id: number) => page.locator(`[data-testid="opinion-row"][data-opinion-id="${id}"]`);

beforeAll(async () => {
  phone = await openBrowser({ viewport: { width: 375, height: 740 } });
  phone.page.setDefaultTimeout(20_000);
  desk = await openBrowser();
  desk.page.setDefaultTimeout(20_000);
  await signIn(desk.page, 'admin', 'header-user');
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
});

describe('a canvass opinion from the doorstep to the resident', () => {
  it('the canvasser records a household with two opinions on the phone', async () => {
    const page = phone.page;
    await signIn(page, 'canvasser', 'mobile-greeting');
    await page.getByTestId('home-canvass').click();
    await page.getByTestId('page-mobile-canvass').waitFor();
    const card = page.getByTestId('my-assignment').first();
    await card.waitFor();
    assignmentId = Number(await card.getAttribute('data-assignment-id'));
    expect(assignmentId).toBeGreaterThan(0);
    const mine = await page.request.get(`${baseUrl}/api/canvass/my-assignments`);
    const list = (await mine.json()) as { items: { id: number; drive: { id: number } }[] };
    driveId = list.items.find((a) => a.id === assignmentId)!.drive.id;
    visitedBefore = await visitedHouseholds(desk.page);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'canvass-mobile-list.png') });

    await card.getByTestId('my-assignment-record').click();
    await page.getByTestId('visit-form').waitFor();
    // The assignment the card was for is already chosen.
    await expect(page.getByTestId('visit-assignment').textContent()).resolves.not.toBe('');
    await page.getByTestId('visit-building').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('visit-household').fill(DOOR);
    // No name without consent.
    await expect(page.getByTestId('visit-name').isDisabled()).resolves.toBe(true);
    await page.getByTestId('visit-consent').click();
    await page.getByTestId('visit-name').fill('王大爷');
    await page.getByTestId('visit-phone').fill('1380013');
    await page.getByTestId('visit-phone').blur();
    await page.getByTestId('field-error').filter({ hasText: /./ }).first().waitFor();
    await page.getByTestId('visit-phone').fill('138 0013 8000');
    await page.getByTestId('visit-materials').locator('input[type=checkbox]').first().check();
    await page.getByTestId('visit-opinion-text').first().fill(CASE_TEXT);
    await page.getByTestId('visit-opinion-add').click();
    await page.getByTestId('visit-opinion-text').nth(1).fill(REPLY_TEXT);
    await page.getByTestId('visit-opinion').nth(1).getByText('共性').click();
    // The form survives a reload (kept on the phone with its idempotency key).
    await page.reload();
    await page.getByTestId('visit-restored').waitFor();
    await expect(page.getByTestId('visit-opinion-text').nth(1).inputValue()).resolves.toBe(REPLY_TEXT);
    await expect(page.getByTestId('visit-household').inputValue()).resolves.toBe(DOOR);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'canvass-mobile-form.png'), fullPage: true });

    await page.getByTestId('visit-submit').click();
    const done = page.getByTestId('visit-done');
    await done.waitFor();
    visitId = Number(await done.getAttribute('data-visit-id'));
    expect(visitId).toBeGreaterThan(0);
    await expect(page.getByTestId('visit-done-opinions').textContent()).resolves.toContain('2');
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'canvass-mobile-done.png') });

    // What arrived: the name (with consent), the phone stored but shown masked, both opinions.
    const res = await page.request.get(`${baseUrl}/api/canvass-visits/${visitId}`);
    const visit = (await res.json()) as {
      intervieweeName: string;
      phoneMasked: string;
      household: string;
      opinions: { text: string }[];
      materials: string[];
    };
    expect(visit.intervieweeName).toBe('王大爷');
    expect(visit.phoneMasked).toBe('138****8000');
    expect(visit.household).toBe(DOOR);
    expect(visit.materials).toHaveLength(1);
    expect(visit.opinions.map((o) => o.text)).toEqual([CASE_TEXT, REPLY_TEXT]);
    // "Record next household" gives an empty form for the same assignment.
    await page.getByTestId('visit-next').click();
    await page.getByTestId('visit-form').waitFor();
    await expect(page.getByTestId('visit-household').inputValue()).resolves.toBe('');
  });

  it('the office routes one opinion as a case and the other as a reply to the unit', async () => {
    const page = desk.page;
    const [caseOpinion, replyOpinion] = await opinionsOf(page).then((items) => [
      items.find((o) => o.text === CASE_TEXT)!,
      items.find((o) => o.text === REPLY_TEXT)!,
    ]);
    expect(caseOpinion.status).toBe('new');
    expect(replyOpinion.status).toBe('new');
    const categories = await page.request.get(`${baseUrl}/api/case-categories`);
    const all = (
      (await categories.json()) as { items: { id: number; parentId: number | null; name: string; active: boolean }[] }
    ).items;
    const leaf = all.find((c) => c.active && c.parentId !== null && all.some((p) => p.id === c.parentId && p.active))!;
    expect(leaf).toBeTruthy();

    await page.goto(`${baseUrl}/canvass/opinions?q=${stamp}`);
    await page.getByTestId('page-canvass-opinions').waitFor();
    await row(page, caseOpinion.id).waitFor();
    await row(page, replyOpinion.id).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'canvass-workbench.png') });

    // As a case, with a case category; then as a direct reply.
    await route(page, caseOpinion.id, 'case', leaf.name);
    await route(page, replyOpinion.id, 'reply');

    const after = await opinionsOf(page);
    const routedCase = after.find((o) => o.id === caseOpinion.id)!;
    const routedReply = after.find((o) => o.id === replyOpinion.id)!;
    expect(routedCase).toMatchObject({ status: 'routed', routeKind: 'case', routedUnit: { name: UNIT } });
    expect(routedCase.caseId).toBeGreaterThan(0);
    expect(routedReply).toMatchObject({
      status: 'routed',
      routeKind: 'reply',
      routedUnit: { name: UNIT },
      caseId: null,
    });
    // The case exists for the unit.
    const c = await page.request.get(`${baseUrl}/api/cases/${routedCase.caseId}`);
    expect(c.status()).toBe(200);
    expect(((await c.json()) as { categoryId: number }).categoryId).toBe(leaf.id);
  });

  it('the unit answers the reply in its inbox and records the delivery', async () => {
    const page = desk.page;
    await signIn(page, 'unit', 'header-user');
    const replyOpinion = (await opinionsOf(page)).find((o) => o.text === REPLY_TEXT)!;
    await page.goto(`${baseUrl}/canvass/inbox?q=${stamp}`);
    await page.getByTestId('page-canvass-inbox').waitFor();
    await row(page, replyOpinion.id).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'canvass-inbox.png') });

    await row(page, replyOpinion.id).getByTestId('opinion-reply').click();
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('reply-submit') });
    await modal.waitFor();
    await modal.getByTestId('reply-kind-solved').click();
    await modal.getByTestId('reply-text').fill('已与社区商定，本月起每周六在广场开展文明创建宣传活动。');
    await modal.getByTestId('reply-submit').click();
    await page
      .locator(`[data-testid="opinion-row"][data-opinion-id="${replyOpinion.id}"][data-status="answered"]`)
      .waitFor();
    await modal.waitFor({ state: 'hidden' });

    await row(page, replyOpinion.id).getByTestId('opinion-deliver').click();
    const deliver = page.locator('.ant-modal').filter({ has: page.getByTestId('deliver-submit') });
    await deliver.waitFor();
    // The resident's contact is there, masked (the unit may not see the full number).
    await deliver.getByTestId('visit-phone-masked').filter({ hasText: '138****8000' }).waitFor();
    await deliver
      .locator('label')
      .filter({ has: page.getByTestId('deliver-via-phone') })
      .click();
    await deliver.getByTestId('deliver-note').fill('电话告知王大爷，表示满意');
    await page.screenshot({ path: path.join(artifacts, 'canvass-deliver.png') });
    await deliver.getByTestId('deliver-submit').click();
    await deliver.waitFor({ state: 'hidden' });
    // Delivered opinions leave the inbox.
    await expect.poll(() => row(page, replyOpinion.id).count(), { timeout: 10_000 }).toBe(0);

    const done = (await opinionsOf(page)).find((o) => o.id === replyOpinion.id)!;
    expect(done).toMatchObject({ status: 'delivered', reply: { kind: 'solved' }, delivery: { via: 'phone' } });
  });

  it('the drive counts one more visited household', async () => {
    const page = desk.page;
    await signIn(page, 'admin', 'header-user');
    expect(await visitedHouseholds(page)).toBe(visitedBefore + 1);
    await page.goto(`${baseUrl}/canvass/drives/${driveId}/progress`);
    await page.getByTestId('drive-progress').waitFor();
    await expect
      .poll(() => page.getByTestId('progress-visited').getAttribute('data-value'))
      .toBe(String(visitedBefore + 1));
    await page.screenshot({ path: path.join(artifacts, 'canvass-progress.png') });
    // The office may see the full number (the view is audited).
    await page.goto(`${baseUrl}/canvass/drives/${driveId}/visits`);
    await page.getByTestId('visits-table').waitFor();
    await page.getByTestId('visit-open').first().click();
    await page.getByTestId('visit-drawer').waitFor();
    const drawer = page.getByTestId('visit-drawer');
    // Newest first: the visit just recorded.
    await expect(drawer.getAttribute('data-visit-id')).resolves.toBe(String(visitId));
    await drawer.getByTestId('visit-phone-masked').filter({ hasText: '138****8000' }).waitFor();
    await drawer.getByTestId('visit-phone-show').click();
    await drawer.getByTestId('visit-phone-full').filter({ hasText: '13800138000' }).waitFor();
  });
});
