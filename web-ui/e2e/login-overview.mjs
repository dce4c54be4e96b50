// Logs in through the real UI in headless Chromium and checks that the overview shows what the API knows.
// Run by system-tests against a running platform:
//   LOLIGO_URL=... LOLIGO_PASSWORD=... EXPECT_FSID=... EXPECT_FQDN=... EXPECT_SERVICES=mon.a,osd.0 node e2e/login-overview.mjs
import { chromium } from 'playwright-core';

const { LOLIGO_URL, LOLIGO_PASSWORD, EXPECT_FSID, EXPECT_FQDN, EXPECT_SERVICES, SCREENSHOT } = process.env;
for (const [name, value] of Object.entries({ LOLIGO_URL, LOLIGO_PASSWORD, EXPECT_FSID, EXPECT_FQDN, EXPECT_SERVICES })) {
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // without these, Chromium keeps calling home, which this network refuses
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(LOLIGO_URL);
  // not logged in: the overview sends us to the login form
  await page.waitForURL(/#\/login$/, { timeout: 15000 });

  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').filter({ hasText: 'wrong password' }).waitFor({ timeout: 10000 });

  await page.getByLabel('Password').fill(LOLIGO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Servers' }).waitFor({ timeout: 15000 });

  const clusters = page.locator('section', { has: page.getByRole('heading', { name: 'Clusters' }) });
  await clusters.getByText(EXPECT_FSID, { exact: true }).waitFor({ timeout: 10000 });
  const row = page.locator('tr', { hasText: EXPECT_FQDN });
  await row.getByText('Reporting').waitFor({ timeout: 10000 });
  for (const service of EXPECT_SERVICES.split(',')) {
    await row.getByText(service, { exact: true }).waitFor({ timeout: 10000 });
  }
  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/#\/login$/, { timeout: 10000 });
  console.log('login, overview and logout work in Chromium');
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
