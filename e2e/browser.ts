// Launches Debian's chromium through playwright-core with the flags this environment needs and a
// fresh profile directory; never downloads a browser.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`chromium not found at ${CHROMIUM}: install the Debian package "chromium"`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? 'zh-CN',
    viewport: options.viewport ?? { width: 1366, height: 850 },
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
