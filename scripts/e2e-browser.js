'use strict';
/** The frontend e2e's browser: Debian's chromium (browsers cannot be downloaded here), driven by playwright-core. */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { StepError, log } = require('./e2e-lib');

const SHOTS = path.join(__dirname, '..', 'e2e', 'screenshots');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Runs `use(page)` in a fresh headless chromium profile, signed in as a guest:
 * the legacy sign-in page picks the provider stored in localStorage by itself,
 * and the new system's guest sign-in needs no click.
 */
async function withBrowser(use) {
  const { chromium } = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addInitScript(() => window.localStorage.setItem('@backstage/core:SignInPage:provider', 'guest'));
    return await use(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Opens each page, waits for every text it must show, requires none it must not (`absent`), and saves a screenshot (a failed page's too). */
function browse(base, pages) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return withBrowser(async page => {
    for (const { path: urlPath, texts, absent = [], screenshot } of pages) {
      await page.goto(base + urlPath, { waitUntil: 'load', timeout: 60_000 });
      for (const text of texts) {
        try {
          await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
        } catch {
          const shown = await page.evaluate(() => document.body.innerText);
          await page.screenshot({ path: path.join(SHOTS, `failed-${screenshot}`) });
          throw new StepError('browser', `${urlPath}: "${text}" not shown`, shown.slice(0, 3000));
        }
      }
      // Once the page shows what it must, what it must not show is looked for.
      const shown = await page.evaluate(() => document.body.innerText);
      const unwanted = absent.filter(text => shown.includes(text));
      await page.screenshot({ path: path.join(SHOTS, screenshot) });
      if (unwanted.length) throw new StepError('browser', `${urlPath}: shows ${unwanted.map(t => JSON.stringify(t)).join(', ')}`, shown.slice(0, 3000));
      const without = absent.length ? `, not ${absent.map(t => JSON.stringify(t)).join(', ')}` : '';
      log(`  chromium ${urlPath}: shows ${texts.map(t => JSON.stringify(t)).join(', ')}${without} (e2e/screenshots/${screenshot})`);
    }
  });
}

/** The sidebar's link to a path, as the browser renders it on `from`. */
function sidebarLink(base, from, to, label, iconPath) {
  return withBrowser(async page => {
    await page.goto(base + from, { waitUntil: 'load', timeout: 60_000 });
    const link = page.locator(`nav a[href="${to}"]`).first();
    await link.waitFor({ state: 'attached', timeout: 60_000 });
    const text = (await link.innerText()).trim();
    if (!text.includes(label)) throw new StepError('browser', `the sidebar's link to ${to} reads ${JSON.stringify(text)}, expected ${label}`);
    // The icon it shows, where one is expected: the path its SVG draws.
    const drawn = iconPath === undefined ? undefined : await link.locator('svg path').first().getAttribute('d');
    if (iconPath !== undefined && drawn !== iconPath) throw new StepError('browser', `the sidebar's link to ${to} draws ${JSON.stringify(drawn)}, expected the icon ${JSON.stringify(iconPath)}`);
    log(`  chromium ${from}: the sidebar links to ${to} as ${JSON.stringify(text)}${iconPath === undefined ? '' : ', with the expected icon'}`);
  });
}

module.exports = { browse, sidebarLink };
