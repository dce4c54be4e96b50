// What the console's end-to-end tests share: Debian's Chromium, the platform they drive, and the real cluster.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: these tests drive a running platform (see system-tests' PlatformIT)`);
  return value;
};

export const LOLIGO_URL = env('LOLIGO_URL').replace(/\/$/, '');
export const CEPH_CONF = env('CEPH_CONF');
const SCREENSHOTS = env('SCREENSHOTS');
mkdirSync(SCREENSHOTS, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // without these, Chromium keeps calling home, which this network refuses
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A page at 1280 px, logged in through the form. */
export async function loggedIn(browser, username, password) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${LOLIGO_URL}/`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The real cluster, through its own CLI, to check what the console did and shows. */
export function ceph(...args) {
  return execFileSync('ceph', ['--conf', CEPH_CONF, '--connect-timeout', '10', ...args], { encoding: 'utf8' }).trim();
}

export function cephJson(...args) {
  return JSON.parse(ceph(...args, '-f', 'json'));
}

/** Stops an OSD's process as a crash or an operator would, by its pid file. */
export function stopOsdProcess(id) {
  const pidFile = join(dirname(CEPH_CONF), 'run', `ceph-osd.${id}.pid`);
  process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
}

export function startOsdProcess(id) {
  execFileSync('ceph-osd', ['--conf', CEPH_CONF, '-i', String(id)], { stdio: 'ignore' });
}

export async function until(what, check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export const healthOk = () => cephJson('health').status === 'HEALTH_OK';

/** Calls the API inside a logged-in page, as the console does, with the XSRF header. */
export function callApi(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const xsrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
    const response = await fetch(`/api/v2${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  }, { method, path, body });
}
