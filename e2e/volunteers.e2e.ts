// Community service through the real UI, on a phone-sized screen for the member: the member
// registers with the community (单位下班，社区报到) → the community's office confirms → the member
// opens an activity's QR link, checks in and later out with the phone's GPS inside the geofence →
// the organiser confirms the hours → the member's hours and this week's 五个一 show the item done.
// At the desk: rankings and a commendation list; a party organisation's members opened from the
// compliance table and reminded; an activity's sign-ups; the city office's activity types.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser.js';
import { noHorizontalScroll, signIn } from './helpers.js';

const baseUrl = inject('baseUrl');
const artifacts = inject('artifactsDir');
const stamp = Date.now().toString(36).slice(-6);
const TITLE = `社区“五个一”活动（${stamp}）`;

let phone: Browser;
let desk: Browser;
let activityId = 0;
let token = '';
let place = { latitude: 0, longitude: 0 };
/** A 五个一 item the member has not done yet this week; the activity is of that type. */
let item = 'sanitation';

/** A JSON call as the page's signed-in user (with its CSRF token). */
async function call(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const me = await page.request.get(`${baseUrl}/api/auth/me`);
  const body = (await me.json()) as { csrfToken?: string; me?: { csrfToken: string } };
  const csrf = body.csrfToken ?? body.me?.csrfToken;
  const res = await page.request.fetch(`${baseUrl}${url}`, {
    method,
    headers: { 'x-csrf-token': csrf ?? '', 'content-type': 'application/json' },
    ...(method === 'GET' ? {} : { data: JSON.stringify(data ?? {}) }),
  });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  phone = await openBrowser({ viewport: { width: 375, height: 740 } });
  phone.page.setDefaultTimeout(20_000);
  desk = await openBrowser();
  desk.page.setDefaultTimeout(20_000);
  await signIn(desk.page, 'admin', 'header-user');
  await signIn(phone.page, 'member', 'mobile-greeting');
  await phone.context.grantPermissions(['geolocation'], { origin: baseUrl });
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
});

describe('a member serves the community and the week shows it', () => {
  it('the member registers with the community on the phone', async () => {
    const page = phone.page;
    // The demo member is registered already: start afresh by withdrawing that registration.
    const mine = await call(page, 'GET', '/api/volunteer/registrations/mine');
    const current = mine.body.current as { id: number } | null;
    if (current)
      expect((await call(page, 'POST', `/api/volunteer/registrations/${current.id}/withdraw`)).status).toBe(200);

    await page.getByTestId('home-volunteer').click();
    await page.getByTestId('page-mobile-volunteer').waitFor();
    await page.getByTestId('registration-register').click();
    await page.getByTestId('page-mobile-register').waitFor();
    const select = page.getByTestId('register-community');
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('register-party-org').fill('市城市管理局机关党支部');
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'volunteer-register.png'), fullPage: true });
    await page.getByTestId('register-submit').click();
    await page.getByTestId('page-mobile-volunteer').waitFor();
    await expect
      .poll(async () => (await call(page, 'GET', '/api/volunteer/registrations/mine')).body.current)
      .toMatchObject({
        status: 'pending',
      });
  });

  it('the community office confirms the registration', async () => {
    const page = desk.page;
    const mine = await call(phone.page, 'GET', '/api/volunteer/registrations/mine');
    const id = (mine.body.current as { id: number }).id;
    await page.goto(`${baseUrl}/volunteer/registrations?status=pending`);
    const row = page.locator(`[data-row-key="${id}"]`);
    await row.waitFor();
    await row.getByTestId('registration-confirm').click();
    await expect
      .poll(
        async () =>
          ((await call(phone.page, 'GET', '/api/volunteer/registrations/mine')).body.current as { status: string })
            .status,
      )
      .toBe('confirmed');
    await page.screenshot({ path: path.join(artifacts, 'volunteer-registrations.png') });
  });

  it('the member checks in and out of an activity with the phone’s GPS', async () => {
    const mine = await call(phone.page, 'GET', '/api/volunteer/registrations/mine');
    const community = (mine.body.current as { community: { id: number } }).community.id;
    const week = await call(phone.page, 'GET', '/api/volunteer/five-one/me');
    const open = (week.body.items as { item: string; done: boolean }[]).find((i) => !i.done);
    expect(open, 'the demo member has a 五个一 item still to do this week').toBeTruthy();
    item = open!.item;
    // An activity happening now in the member's community, organised by the office.
    place = { latitude: 35.21, longitude: 113.24 };
    const now = Date.now();
    const created = await call(desk.page, 'POST', '/api/volunteer/activities', {
      typeCode: item,
      title: TITLE,
      communityId: community,
      place: '幸福小区3号楼',
      lng: place.longitude,
      lat: place.latitude,
      radiusM: 150,
      startsAt: new Date(now - 30 * 60_000).toISOString(),
      endsAt: new Date(now + 60 * 60_000).toISOString(),
    });
    expect(created.status).toBe(201);
    activityId = created.body.id as number;
    const qr = await call(desk.page, 'GET', `/api/volunteer/activities/${activityId}/qr`);
    token = qr.body.token as string;

    const page = phone.page;
    // Too far away first: refused with the distance.
    await phone.context.setGeolocation({ latitude: place.latitude + 0.01, longitude: place.longitude, accuracy: 10 });
    await page.goto(`${baseUrl}/m/volunteer/scan?t=${encodeURIComponent(token)}`);
    await page.getByTestId('scan-activity-title').filter({ hasText: stamp }).waitFor();
    await page.getByTestId('scan-check-in').click();
    await expect(page.getByTestId('scan-error').textContent()).resolves.toMatch(/米/);
    // On the spot (a fresh page, so no earlier position is reused).
    await phone.context.setGeolocation({ latitude: place.latitude + 0.0003, longitude: place.longitude, accuracy: 10 });
    await page.reload();
    await page.getByTestId('scan-activity-title').filter({ hasText: stamp }).waitFor();
    await page.getByTestId('scan-check-in').click();
    await page.locator('[data-testid="scan-checked-in"], [data-testid="scan-error"]').first().waitFor();
    if (await page.getByTestId('scan-error').isVisible()) {
      throw new Error(`check-in refused: ${await page.getByTestId('scan-error').textContent()}`);
    }
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(artifacts, 'volunteer-checked-in.png'), fullPage: true });
    // A minute of service, then check out.
    await page.waitForTimeout(61_000);
    await page.goto(`${baseUrl}/m/volunteer/scan`);
    await page.getByTestId('scan-check-out').click();
    await page.getByTestId('scan-checked-out').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'volunteer-checked-out.png'), fullPage: true });
  }, 120_000);

  it('the organiser confirms the hours, and the member sees them and the week’s item', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/volunteer/activities/${activityId}/attendance`);
    await page.getByTestId('attendance-table').waitFor();
    await page.getByTestId('attendance-confirm').first().click();
    await page.getByTestId('attendance-confirm-minutes').waitFor();
    await page.locator('.ant-modal:visible .ant-btn-primary').last().click();
    await expect
      .poll(async () => {
        const list = await call(page, 'GET', `/api/volunteer/activities/${activityId}/attendance`);
        return (list.body.items as { status: string }[])[0]?.status;
      })
      .toBe('confirmed');
    await page.screenshot({ path: path.join(artifacts, 'volunteer-attendance.png') });

    const member = phone.page;
    const hours = await call(member, 'GET', '/api/volunteer/my-hours');
    const entry = (hours.body.items as { activity: { id: number }; confirmedMinutes: number | null }[]).find(
      (i) => i.activity.id === activityId,
    );
    expect(entry?.confirmedMinutes).toBeGreaterThanOrEqual(1);
    await member.goto(`${baseUrl}/m/volunteer/hours`);
    await member.getByTestId('hours-item').filter({ hasText: stamp }).waitFor();
    // The printable hours record of this year so far.
    const download = member.waitForEvent('download');
    await member.getByTestId('certificate-open').click();
    await member.locator('.ant-modal:visible .ant-btn-primary').last().click();
    expect((await download).suggestedFilename()).toMatch(/^志愿记录〔\d{4}〕\d+号\.docx$/);
    await member.goto(`${baseUrl}/m/volunteer/five-one`);
    await member.getByTestId('page-mobile-five-one').waitFor();
    const done = member.locator(`[data-testid="five-one-item"][data-item="${item}"]`);
    await done.waitFor();
    await expect(done.getAttribute('data-done')).resolves.toBe('true');
    await noHorizontalScroll(member);
    await member.screenshot({ path: path.join(artifacts, 'volunteer-five-one.png'), fullPage: true });
  });
});

describe('the office recognises the most active', () => {
  it('ranks the members and publishes a commendation list drawn from the ranking', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/volunteer/rankings`);
    await page.getByTestId('page-volunteer-rankings').waitFor();
    await page.getByTestId('ranking-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('ranking-chart').locator('canvas').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'volunteer-rankings.png') });
    await page.getByTestId('ranking-draw').click();
    await page.getByTestId('draw-title').fill(`服务时长先进个人（${stamp}）`);
    await page.locator('.ant-modal:visible .ant-btn-primary').last().click();
    await page.getByTestId('page-volunteer-commendation').waitFor();
    await page.getByTestId('commendation-entries').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('commendation-publish').click();
    await page.locator('.ant-popover:visible .ant-btn-primary').last().click();
    await expect
      .poll(async () => {
        const lists = await call(page, 'GET', '/api/volunteer/commendations?status=published');
        return (lists.body.items as { title: string }[]).some((l) => l.title.includes(stamp));
      })
      .toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'volunteer-commendation.png') });
  });
});

describe('the office follows a party organisation and sets the activity types', () => {
  it('opens a party organisation’s members from the compliance table, keeps it in the URL and reminds the idle', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/volunteer/five-one/compliance?by=party_org`);
    const rows = page.getByTestId('compliance-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // An organisation with members who did nothing this week (the last column).
    const index = await rows.evaluateAll((trs) =>
      trs.findIndex((tr) => tr.lastElementChild?.textContent?.trim() !== '0'),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    await rows.nth(index).getByTestId('compliance-drill').click();
    await page.getByTestId('compliance-party-org').waitFor();
    expect(new URL(page.url()).searchParams.get('by')).toBe('member');
    const partyOrg = new URL(page.url()).searchParams.get('partyOrg');
    expect(partyOrg).toBeTruthy();
    await page.reload();
    await page.getByTestId('compliance-party-org').waitFor();
    await page.getByTestId('compliance-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('compliance-chart').locator('canvas').first().waitFor();
    // The idle list is the organisation's too: the API agrees with it.
    const idle = await call(
      page,
      'GET',
      `/api/volunteer/five-one/idle?partyOrg=${encodeURIComponent(partyOrg ?? '')}&pageSize=1`,
    );
    expect(idle.status).toBe(200);
    expect(idle.body.total).toBeGreaterThan(0);
    await page.getByTestId('compliance-idle').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('idle-remind').click();
    await page.locator('.ant-popover:visible .ant-btn-primary').last().click();
    await page
      .locator('.ant-message')
      .getByText(/已提醒/)
      .waitFor();
    await page.screenshot({ path: path.join(artifacts, 'volunteer-party-org.png') });
  });

  it('lists an activity’s sign-ups for its organiser', async () => {
    const page = desk.page;
    await page.goto(`${baseUrl}/volunteer/activities/${activityId}/signups`);
    await page.getByTestId('signups-summary').waitFor();
    const list = await call(page, 'GET', `/api/volunteer/activities/${activityId}/signups`);
    expect(list.status).toBe(200);
    await expect(page.getByTestId('signup-row').count()).resolves.toBe((list.body.items as unknown[]).length);
  });

  it('the city office adds an activity type and retires it', async () => {
    const page = desk.page;
    const code = `e2e_${stamp}`;
    await page.goto(`${baseUrl}/volunteer/activity-types`);
    await page.getByTestId('type-row').first().waitFor();
    await page.getByTestId('type-new').click();
    await page.getByTestId('type-code').fill(code);
    await page.getByTestId('type-name').fill(`护河志愿巡查（${stamp}）`);
    await page.getByTestId('type-five-one').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
    await page.locator('.ant-modal:visible .ant-btn-primary').last().click();
    const row = page.locator(`[data-testid="type-row"][data-code="${code}"]`);
    await row.waitFor();
    await row.getByTestId('type-active').click();
    await expect
      .poll(async () => {
        const types = await call(page, 'GET', '/api/volunteer/activity-types');
        return (types.body.items as { code: string; active: boolean; fiveOne: string | null }[]).find(
          (x) => x.code === code,
        );
      })
      .toMatchObject({ active: false, fiveOne: 'sanitation' });
  });
});
