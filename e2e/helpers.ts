// Steps the browser flows share: a camera-sized test photo, signing in as a demo account (the
// password every demo account has) and waiting for the landing page, and the check that a phone
// page does not scroll sideways.

import sharp from 'sharp';
import { expect, inject } from 'vitest';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo@2026';

/** A small solid JPEG, as a phone camera would hand one over. */
export function photo(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/** Signs in afresh (cookies cleared) and waits for a test id of the page the account lands on. */
export async function signIn(page: Page, username: string, landing: string) {
  await page.context().clearCookies();
  await page.goto(`${inject('baseUrl')}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(landing).first().waitFor();
}

export async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
