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

/** The rbd tool's JSON, the reference for what the console shows of images. */
export function rbdJson(...args) {
  return JSON.parse(execFileSync('rbd', ['--conf', CEPH_CONF, ...args, '--format', 'json'], { encoding: 'utf8' }));
}

export function radosgwAdminJson(...args) {
  return JSON.parse(execFileSync('radosgw-admin', ['--conf', CEPH_CONF, ...args, '--format', 'json'], { encoding: 'utf8' }));
}

/** s3cmd against the cluster's RGW, where its configuration says it listens, as the user whose keys are given. */
export function s3(accessKey, secretKey, ...args) {
  const endpoint = /rgw_frontends = beast endpoint=(\S+)/.exec(readFileSync(CEPH_CONF, 'utf8'))[1];
  return execFileSync('s3cmd', ['--config=/dev/null', '--no-ssl', `--access_key=${accessKey}`, `--secret_key=${secretKey}`,
    `--host=${endpoint}`, `--host-bucket=${endpoint}`, ...args], { encoding: 'utf8' });
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
    const response = await fetch(`/api/v3${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  }, { method, path, body });
}

/** Text shown below WCAG AA's 4.5:1 against the first opaque background behind it, as "tag \"text\": ratio". */
export function lowContrastText(page) {
  return page.evaluate(() => {
    const luminance = (rgb) => {
      const [r, g, b] = rgb.map((c) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const channels = (color) => color.match(/[\d.]+/g).slice(0, 4).map(Number);
    const background = (element) => {
      for (let node = element; node; node = node.parentElement) {
        const [r, g, b, a = 1] = channels(getComputedStyle(node).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const found = [];
    for (const element of document.querySelectorAll('body *')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
      if (!ownText || element.closest('[aria-hidden="true"], svg') || element.getClientRects().length === 0) continue;
      // disabled controls are exempt from the contrast rule
      if (getComputedStyle(element).visibility === 'hidden' || element.matches(':disabled, :disabled *')) continue;
      const [lighter, darker] = [luminance(channels(getComputedStyle(element).color).slice(0, 3)), luminance(background(element))]
        .sort((a, b) => b - a);
      const ratio = (lighter + 0.05) / (darker + 0.05);
      if (ratio < 4.5) found.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
    }
    return found;
  });
}
