// The console in Debian's Chromium against the running platform and the real local cluster:
//   LOLIGO_URL=... LOLIGO_PASSWORD=... CEPH_CONF=... SCREENSHOTS=dir node --test e2e/
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import {
  callApi, ceph, CEPH_CONF, cephJson, env, healthOk, launch, loggedIn, LOLIGO_URL, lowContrastText, radosgwAdminJson, rbdJson, s3, screenshot,
  startOsdProcess, stopOsdProcess, until,
} from './browser.mjs';

const PASSWORD = env('LOLIGO_PASSWORD');
const fsid = ceph('fsid');
const pool = `console-e2e-${Date.now()}`;
// this host, where the platform's agent runs
const fqdn = execFileSync('hostname', ['-f'], { encoding: 'utf8' }).trim();
let browser;
let page;

const osdRow = (id) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `osd.${id}`, exact: true }) });
const osdIsIn = (id) => cephJson('osd', 'dump').osds.find((osd) => osd.osd === id).in === 1;

describe('the console', { concurrency: 1 }, () => {
  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    // the tests that follow expect the cluster as they left it
    await until('HEALTH_OK after the console tests', healthOk, 180_000);
  });

  test('a wrong password is refused with the API\'s message, and the right one leads where the link asked', async () => {
    const login = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/osd`);
    await login.waitForURL(/\/ui\/login\?next=/);
    await login.getByLabel('User name').fill('admin');
    await login.getByLabel('Password').fill('not-the-password');
    await login.getByRole('button', { name: 'Log in' }).click();
    await login.getByRole('alert').filter({ hasText: 'wrong password' }).waitFor();
    await screenshot(login, 'login');
    await login.getByLabel('Password').fill(PASSWORD);
    await login.getByRole('button', { name: 'Log in' }).click();
    await login.getByRole('heading', { name: 'OSDs' }).waitFor();
    assert.match(login.url(), new RegExp(`/ui/cluster/${fsid}/osd$`));
    await login.close();
    page = await loggedIn(browser, 'admin', PASSWORD);
  });

  test('the console works from the keyboard, and fits a tablet', async () => {
    const tablet = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    try {
      await tablet.goto(`${LOLIGO_URL}/`);
      await tablet.getByLabel('User name').waitFor();
      // the user name has the focus; Tab, type and Enter are all a login takes
      await tablet.keyboard.type('admin');
      await tablet.keyboard.press('Tab');
      await tablet.keyboard.type(PASSWORD);
      await tablet.keyboard.press('Enter');
      await tablet.getByTestId('fsid').waitFor();
      for (const [name, path, shown] of [['dashboard-tablet', '', 'figure.chart'], ['osds-tablet', '/osd', 'table']]) {
        await tablet.goto(`${LOLIGO_URL}/ui/cluster/${fsid}${path}`);
        await tablet.locator(shown).first().waitFor();
        const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the screen`);
        await screenshot(tablet, name);
      }
    } finally {
      await tablet.close();
    }
  });

  test('text reads against its background at WCAG AA contrast, and a confirmation answers to the keyboard', async () => {
    for (const path of [`/ui/cluster/${fsid}/osd`, `/ui/cluster/${fsid}`, `/ui/cluster/${fsid}/pool`, '/ui/events']) {
      await page.goto(`${LOLIGO_URL}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await until(`${path} loaded`, async () => (await page.locator('.loading').count()) === 0, 30_000);
      assert.deepEqual(await lowContrastText(page), [], path);
    }

    await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/osd`);
    await osdRow(0).waitFor();
    await osdRow(0).getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await page.getByRole('toolbar').getByRole('button', { name: 'Mark down' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Mark osd.0 down?' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(cephJson('osd', 'dump').osds.find((osd) => osd.osd === 0).up, 1, 'cancelled: osd.0 stays up');
  });

  test('the dashboard shows the real fsid, health and capacity, and graphs with real points', async () => {
    await page.goto(`${LOLIGO_URL}/ui/`);
    await page.waitForURL(new RegExp(`/ui/cluster/${fsid}$`));
    assert.equal(await page.getByTestId('fsid').textContent(), fsid);
    const status = cephJson('health').status;
    await page.getByTestId('health-status').filter({ hasText: status }).waitFor();
    const capacity = page.getByTestId('capacity').getByRole('meter');
    assert.equal(Number(await capacity.getAttribute('max')), cephJson('df').stats.total_bytes);
    await page.getByTestId('counter-OSDs').getByText(String(cephJson('osd', 'stat').num_osds), { exact: true }).waitFor();
    const iops = page.locator('figure.chart', { hasText: 'IOPS' });
    await until('IOPS points', async () => Number(await iops.getAttribute('data-points')) > 0, 60_000);
    await page.getByRole('button', { name: 'Last day' }).click();
    await page.waitForURL(/range=1d/);
    await until('a day of IOPS points', async () => Number(await iops.getAttribute('data-points')) > 0, 30_000);
    await screenshot(page, 'dashboard');
  });

  test('an OSD is marked out after confirmation, and back in, as Ceph shows', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'OSDs' }).click();
    await osdRow(1).waitFor();
    await screenshot(page, 'osds');

    await osdRow(1).getByRole('checkbox').click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Mark out' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Mark osd.1 out?' }).waitFor();
    // what it will move, by osdmaptool, before the operator confirms
    await dialog.getByText(/osd\.1: [1-9]\d* of \d+ PGs move, .* to copy\./).waitFor();
    await screenshot(page, 'osds-confirm-out');
    await dialog.getByRole('button', { name: 'Mark out' }).click();
    await page.getByRole('complementary', { name: 'Requests you started' }).getByText('Request complete').waitFor({ timeout: 60_000 });
    await osdRow(1).getByText('out', { exact: true }).waitFor();
    assert.equal(osdIsIn(1), false);

    await osdRow(1).getByRole('checkbox').click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Mark in' }).click();
    await osdRow(1).getByText('in', { exact: true }).waitFor({ timeout: 60_000 });
    assert.equal(osdIsIn(1), true);
  });

  test('an OSD process that stops shows as a live event and on the OSD page, without a reload', async () => {
    await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/osd/2`);
    await page.getByTestId('osd-up').filter({ hasText: 'up' }).waitFor();
    stopOsdProcess(2);
    try {
      await page.getByTestId('osd-up').filter({ hasText: 'down' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('unseen-events').waitFor();
      await page.getByRole('button', { name: /^Events/ }).click();
      await page.getByRole('region', { name: 'Live events' }).getByText('OSD osd.2 went down').waitFor();
      await screenshot(page, 'osd-down-event');
      await page.getByRole('button', { name: /^Events/ }).click();
      // its alert fires once the rule's duration has passed, and the header says so on every page
      await page.getByTestId('firing-alerts').click({ timeout: 60_000 });
      await page.getByRole('table', { name: 'Alerts' }).getByText('osd.2 on').first().waitFor();
      await screenshot(page, 'alerts-firing');
    } finally {
      startOsdProcess(2);
    }
    await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/osd/2`);
    await page.getByTestId('osd-up').filter({ hasText: 'up' }).waitFor({ timeout: 90_000 });
    await screenshot(page, 'osd');
  });

  test('a receiver is refused a bad URL, added, sent a test it takes, and removed; a silence is made and expired, from the alerts page', async () => {
    const received = [];
    const hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end();
      });
    });
    await new Promise((listening) => hook.listen(0, '127.0.0.1', listening));
    const name = `e2e-hook-${Date.now()}`;
    try {
      await page.goto(`${LOLIGO_URL}/ui/alerts`);
      const form = page.getByRole('form', { name: 'New receiver' });
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('URL').fill('ftp://127.0.0.1/hook');
      await form.getByRole('button', { name: 'Add receiver' }).click();
      await form.getByText('an http or https URL with a host').waitFor();
      await form.getByLabel('URL').fill(`http://127.0.0.1:${hook.address().port}/hook`);
      await form.getByRole('button', { name: 'Add receiver' }).click();
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByRole('button', { name: 'Send test' }).click();
      await page.getByTestId(`receiver-test-${name}`).filter({ hasText: 'delivered' }).waitFor();
      assert.deepEqual(received.map((payload) => payload.alerts[0].status), ['firing', 'resolved']);
      assert.equal(received[0].alerts[0].labels.alertname, 'LoligoTestAlert');

      await page.getByLabel('Matchers, one per line').fill('alertname=E2eNothingFires');
      await page.getByLabel('Why').fill('the console test');
      await page.getByRole('button', { name: 'Silence', exact: true }).click();
      const silence = page.getByRole('table', { name: 'Silences' }).getByRole('row').filter({ hasText: 'E2eNothingFires' });
      await silence.getByText('active').waitFor();
      await screenshot(page, 'alerts');
      await silence.getByRole('button', { name: 'Expire' }).click();
      await silence.getByText('expired').waitFor();

      await row.getByRole('button', { name: 'Remove' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
      await row.waitFor({ state: 'detached' });
    } finally {
      hook.close();
    }
  });

  test('a rule on a metric is refused a window too short, beside its field, then added and removed from the alerts page', async () => {
    const name = `E2eRule${Date.now()}`;
    await page.goto(`${LOLIGO_URL}/ui/alerts`);
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Metric').selectOption('osd');
    await form.getByLabel('Field').selectOption('apply_latency_ms');
    await form.getByLabel('Over').fill('1s');
    await form.getByLabel('Threshold').fill('500');
    await form.getByLabel('What to do when it fires').fill('Look at the disks of the OSD.');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await form.locator('.field', { has: page.getByLabel('Over', { exact: true }) }).getByText('from 30s to 1d').waitFor();
    await form.getByLabel('Over').fill('5m');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const row = page.getByRole('table', { name: 'Rules' }).getByRole('row').filter({ hasText: name });
    await row.getByText('mean over 300 s > 500').waitFor();
    await screenshot(page, 'alert-rules');
    await row.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });
  });

  test('a pool made through the form, with its field errors shown first, appears in the console and in Ceph', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('table', { name: 'Pools' }).waitFor();
    await screenshot(page, 'pools');
    await page.getByRole('link', { name: 'Create pool' }).click();
    const form = page.getByRole('form', { name: 'New pool' });
    await form.getByLabel('Name').fill(pool);
    await form.getByLabel('Placement groups').fill('0');
    await form.getByLabel('Application').fill('rbd');
    await form.getByRole('button', { name: 'Create pool' }).click();
    // the API's message for the field, beside the field, and nothing typed is lost
    await form.locator('.field', { has: page.getByLabel('Placement groups') }).getByText('must be between 1 and 65536').waitFor();
    assert.equal(await form.getByLabel('Name').inputValue(), pool);
    await screenshot(page, 'pool-form-errors');

    await form.getByLabel('Placement groups').fill('8');
    await form.getByRole('button', { name: 'Create pool' }).click();
    await page.getByRole('table', { name: 'Pools' }).getByRole('link', { name: pool, exact: true }).waitFor({ timeout: 60_000 });
    assert.ok(ceph('osd', 'pool', 'ls').split('\n').includes(pool));
  });

  test('the block and file pages show the images of the rbd pool and the file system, as Ceph does', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block' }).click();
    await page.getByRole('search').getByRole('combobox').selectOption({ label: 'rbd' });
    const table = page.getByRole('table', { name: 'RBD images' });
    const names = rbdJson('ls', 'rbd');
    await until('every image of the pool in the table', async () => (await table.locator('tbody tr').count()) === names.length, 30_000);
    assert.equal(rbdJson('info', 'rbd/lab-disk').size, 2 ** 30);
    await table.getByRole('row').filter({ hasText: 'lab-disk' }).getByText('1.0 GiB').first().waitFor();
    await screenshot(page, 'block');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'File' }).click();
    const mdsMap = cephJson('fs', 'dump').filesystems[0].mdsmap;
    const ranks = page.getByRole('table', { name: `Ranks of ${mdsMap.fs_name}` });
    await ranks.getByRole('row').filter({ hasText: 'mds.a' }).getByText('active').waitFor();
    await screenshot(page, 'file');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('table', { name: 'Pools' }).waitFor();
  });

  test('an image is created, snapshotted, cloned, flattened and deleted from the block pages, each step as the rbd tool then shows it', async () => {
    const image = `console-e2e-${Date.now()}`;
    const clone = `${image}-clone`;
    const tray = page.getByRole('complementary', { name: 'Requests you started' });
    const completes = (label) => tray.locator('.tracked', { hasText: label }).getByText('Request complete').waitFor({ timeout: 120_000 });
    const dialog = page.getByRole('dialog');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block' }).click();
    await page.getByRole('search').getByRole('combobox').selectOption({ label: 'rbd' });
    await page.getByRole('link', { name: 'Create image' }).click();
    const form = page.getByRole('form', { name: 'New image in rbd' });
    await form.getByLabel('Name').fill(image);
    await form.getByLabel('Size', { exact: true }).fill('-1');
    await form.getByRole('button', { name: 'Create image' }).click();
    await form.locator('.field', { has: page.getByLabel('Size', { exact: true }) }).getByText('must be a positive number of bytes').waitFor();
    await screenshot(page, 'image-form-errors');
    await form.getByLabel('Size', { exact: true }).fill('64');
    await form.getByLabel('Size unit').selectOption('MiB');
    await form.getByRole('button', { name: 'Create image' }).click();
    await page.getByRole('table', { name: 'RBD images' }).getByRole('link', { name: image, exact: true }).click();
    assert.equal(rbdJson('info', `rbd/${image}`).size, 64 * 2 ** 20);

    await page.getByRole('heading', { name: `Image rbd/${image}` }).waitFor();
    await page.getByRole('textbox', { name: 'New snapshot' }).fill('s1');
    await page.getByLabel('protected, for clones').check();
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    await completes(`Snapshot ${image}@s1`);
    await page.getByRole('table', { name: `Snapshots of ${image}` }).getByRole('row').filter({ hasText: 's1' }).getByText('yes').waitFor();
    assert.equal(rbdJson('snap', 'ls', `rbd/${image}`)[0].protected, 'true');

    const copy = page.getByRole('form', { name: `Copy or clone ${image}` });
    await copy.getByLabel('From').selectOption({ label: 'Snapshot s1 (clone)' });
    await copy.getByLabel('New image\'s name').fill(clone);
    await copy.getByRole('button', { name: 'Clone' }).click();
    await completes(`Clone ${image}@s1 to rbd/${clone}`);
    assert.equal(rbdJson('info', `rbd/${clone}`).parent.snapshot, 's1');
    await screenshot(page, 'image');

    await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/block/${cephJson('osd', 'pool', 'ls', 'detail').find((p) => p.pool_name === 'rbd').pool_id}/image/${clone}`);
    await page.getByRole('button', { name: 'Flatten (copy the parent\'s data)' }).click();
    await completes(`Flatten rbd/${clone}`);
    assert.equal(rbdJson('info', `rbd/${clone}`).parent, undefined);
    await page.getByRole('button', { name: 'Delete image', exact: true }).click();
    await dialog.getByLabel('Confirmation').fill(clone);
    await dialog.getByRole('button', { name: 'Delete image' }).click();
    await page.getByRole('table', { name: 'RBD images' }).waitFor();
    assert.ok(!rbdJson('ls', 'rbd').includes(clone));

    await page.getByRole('table', { name: 'RBD images' }).getByRole('link', { name: image, exact: true }).click();
    await page.getByRole('button', { name: `Unprotect ${image}@s1` }).click();
    await completes(`Unprotect ${image}@s1`);
    await page.getByRole('button', { name: `Delete ${image}@s1` }).click();
    await dialog.getByRole('button', { name: 'Delete snapshot' }).click();
    await completes(`Delete snapshot ${image}@s1`);
    assert.deepEqual(rbdJson('snap', 'ls', `rbd/${image}`), []);
    await page.getByRole('button', { name: 'Delete image', exact: true }).click();
    await dialog.getByLabel('Confirmation').fill(image);
    await dialog.getByRole('button', { name: 'Delete image' }).click();
    await page.getByRole('table', { name: 'RBD images' }).waitFor();
    assert.ok(!rbdJson('ls', 'rbd').includes(image));
    // where the tests that follow begin
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('table', { name: 'Pools' }).waitFor();
  });

  test('a subvolume is created with a quota, given another, snapshotted, cloned and deleted from its page, as the ceph tool then shows it', async () => {
    const name = `console-e2e-${Date.now()}`;
    const label = `cephfs/${name}`;
    const clone = `${name}-clone`;
    const tray = page.getByRole('complementary', { name: 'Requests you started' });
    const completes = (what) => tray.locator('.tracked', { hasText: what }).getByText('Request complete').waitFor({ timeout: 120_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'File' }).click();
    const form = page.getByRole('form', { name: 'New subvolume of cephfs' });
    await form.getByLabel('New subvolume').fill(name);
    await form.getByLabel('Quota, GiB').fill('-1');
    await form.getByRole('button', { name: 'Create subvolume' }).click();
    await form.locator('.field', { has: page.getByLabel('Quota, GiB') }).getByText('must be a positive number of bytes').waitFor();
    await form.getByLabel('Quota, GiB').fill('1');
    await form.getByRole('button', { name: 'Create subvolume' }).click();
    await completes(`Create subvolume ${label}`);
    const row = page.getByRole('table', { name: 'Subvolumes of cephfs' }).getByRole('row').filter({ hasText: name });
    await row.getByText('1.0 GiB').waitFor();
    assert.equal(cephJson('fs', 'subvolume', 'info', 'cephfs', name).bytes_quota, 2 ** 30);
    await screenshot(page, 'subvolumes');
    try {
      await row.getByRole('link', { name }).click();
      const quota = page.getByRole('form', { name: `Quota of ${label}` });
      await quota.getByLabel('Quota, GiB').fill('2');
      await quota.getByRole('button', { name: 'Set quota' }).click();
      await completes(`Set the quota of ${label}`);
      assert.equal(cephJson('fs', 'subvolume', 'info', 'cephfs', name).bytes_quota, 2 * 2 ** 30);

      const snapshot = page.getByRole('form', { name: `New snapshot of ${label}` });
      await snapshot.getByLabel('New snapshot').fill('first');
      await snapshot.getByRole('button', { name: 'Take snapshot' }).click();
      await completes(`Snapshot ${label}@first`);
      assert.ok(cephJson('fs', 'subvolume', 'snapshot', 'ls', 'cephfs', name).some((taken) => taken.name === 'first'));

      await page.getByRole('button', { name: `Clone ${label}@first` }).click();
      const cloneForm = page.getByRole('form', { name: 'Clone of first' });
      await cloneForm.getByLabel('Clone name').fill(clone);
      await cloneForm.getByRole('button', { name: 'Clone' }).click();
      await completes(`Clone ${label}@first to ${clone}`);
      assert.equal(cephJson('fs', 'clone', 'status', 'cephfs', clone).status.state, 'complete');
      await screenshot(page, 'subvolume');

      await page.getByRole('button', { name: 'Delete subvolume' }).click();
      await page.getByRole('dialog').getByLabel('Confirmation').fill(name);
      await page.getByRole('dialog').getByRole('button', { name: 'Delete subvolume' }).click();
      await completes(`Delete subvolume ${label}`);
      assert.ok(!cephJson('fs', 'subvolume', 'ls', 'cephfs').some((subvolume) => subvolume.name === name));
      await page.getByRole('table', { name: 'Subvolumes of cephfs' }).waitFor();
    } finally {
      for (const left of [clone, name]) {
        if (cephJson('fs', 'subvolume', 'ls', 'cephfs').some((subvolume) => subvolume.name === left)) {
          ceph('fs', 'subvolume', 'rm', 'cephfs', left, '--force', '--retain-snapshots');
        }
      }
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('table', { name: 'Pools' }).waitFor();
  });

  test('an RGW user is created with a key, suspended, given a quota, and deleted with the bucket it filled, from the object pages', async () => {
    const uid = `console-e2e-${Date.now()}`;
    const bucket = `${uid}-bucket`;
    const dialog = page.getByRole('dialog');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Object' }).click();
    await page.getByRole('table', { name: 'RGW users' }).getByRole('link', { name: 'loligo-admin' }).waitFor();
    await page.getByRole('img', { name: /^RGW requests per daemon: \d+ points/ }).or(page.getByText('Nothing recorded for RGW requests')).waitFor();
    await page.getByRole('button', { name: 'Create user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('User id').fill('a/b');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.locator('.field', { has: page.getByLabel('User id') }).getByText('must be 1 to 64 letters').waitFor();
    await form.locator('.field', { has: page.getByLabel('Display name') }).getByText('is required').waitFor();
    await form.getByLabel('User id').fill(uid);
    await form.getByLabel('Display name').fill('Console user');
    await form.getByRole('button', { name: 'Create user' }).click();
    const key = page.getByRole('status', { name: 'New key' });
    const accessKey = (await key.locator('dd').nth(0).textContent()).trim();
    const secretKey = (await key.locator('dd').nth(1).textContent()).trim();
    assert.equal(radosgwAdminJson('user', 'info', '--uid', uid).keys[0].secret_key, secretKey);
    await screenshot(page, 'object');

    s3(accessKey, secretKey, 'mb', `s3://${bucket}`);
    s3(accessKey, secretKey, 'put', '/etc/hostname', `s3://${bucket}/hostname`);
    await page.getByRole('table', { name: 'RGW users' }).getByRole('link', { name: uid, exact: true }).click();
    await page.getByRole('heading', { name: `User ${uid}` }).waitFor();
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.getByRole('heading', { name: `User ${uid} suspended` }).waitFor();
    assert.equal(radosgwAdminJson('user', 'info', '--uid', uid).suspended, 1);
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('button', { name: 'Suspend' }).waitFor();
    assert.equal(radosgwAdminJson('user', 'info', '--uid', uid).suspended, 0);

    const quota = page.getByRole('form', { name: 'User quota' });
    await quota.getByLabel('Enforced').check();
    await quota.getByLabel('Max objects').fill('-3');
    await quota.getByRole('button', { name: 'Save user quota' }).click();
    await quota.locator('.field', { has: page.getByLabel('Max objects') }).getByText('must be 0 or more').waitFor();
    await quota.getByLabel('Max objects').fill('100');
    await quota.getByRole('button', { name: 'Save user quota' }).click();
    await until('the user quota as radosgw-admin shows it', () => radosgwAdminJson('user', 'info', '--uid', uid).user_quota.max_objects === 100, 10_000);

    // the bucket was made beside Loligo: the kept listing shows it within seconds
    await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/object?tab=buckets&owner=${uid}`);
    await page.getByRole('table', { name: 'RGW buckets' }).getByRole('link', { name: bucket }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: `Bucket ${bucket}` }).waitFor();
    await screenshot(page, 'bucket');
    await page.getByRole('button', { name: 'Delete bucket' }).click();
    await dialog.getByLabel('Confirmation').fill(bucket);
    await dialog.getByRole('button', { name: 'Delete bucket' }).click();
    await page.getByRole('table', { name: 'RGW buckets' }).or(page.getByText('No bucket matches.')).waitFor();
    assert.ok(!radosgwAdminJson('bucket', 'list').includes(bucket));

    await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/object/user/${uid}`);
    await page.getByRole('button', { name: 'Delete user' }).click();
    await dialog.getByLabel('Confirmation').fill(uid);
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await page.getByRole('table', { name: 'RGW users' }).waitFor();
    assert.ok(!radosgwAdminJson('user', 'list').includes(uid));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('table', { name: 'Pools' }).waitFor();
  });

  test('a file system is created and deleted from the file page, its pools with it, as the ceph tool then shows', async () => {
    const name = `console-e2e-fs-${Date.now()}`;
    const tray = page.getByRole('complementary', { name: 'Requests you started' });
    const completes = (what) => tray.locator('.tracked', { hasText: what }).getByText('Request complete').waitFor({ timeout: 120_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'File' }).click();
    const form = page.getByRole('form', { name: 'New file system' });
    await form.getByLabel('New file system').fill('a/b');
    await form.getByRole('button', { name: 'Create file system' }).click();
    await form.locator('.field').getByText('must be 1 to 100 letters').waitFor();
    await form.getByLabel('New file system').fill(name);
    await form.getByRole('button', { name: 'Create file system' }).click();
    await completes(`Create file system ${name}`);
    assert.ok(cephJson('fs', 'ls').some((fs) => fs.name === name));
    const panel = page.getByRole('region', { name }).or(page.locator('section.panel', { has: page.getByRole('heading', { name, exact: true }) }));
    await panel.getByRole('button', { name: 'Delete file system' }).click();
    await page.getByRole('dialog').getByLabel('Confirmation').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: 'Delete file system' }).click();
    await completes(`Delete file system ${name}`);
    assert.ok(!cephJson('fs', 'ls').some((fs) => fs.name === name));
    assert.ok(!ceph('osd', 'pool', 'ls').includes(`cephfs.${name}.meta`));
    await page.getByRole('heading', { name, exact: true }).waitFor({ state: 'detached' });
    // the volume had no MDS while it lived
    await until('HEALTH_OK after the file system went', healthOk, 60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('table', { name: 'Pools' }).waitFor();
  });

  test('a client of the file system is evicted from the file page, as the MDS then shows', async () => {
    const sessions = () => JSON.parse(ceph('daemon', 'mds.a', 'session', 'ls'));
    // a libcephfs client, held mounted while the test runs
    const client = spawn('/usr/bin/python3', ['-c', [
      'import cephfs, sys, time',
      'fs = cephfs.LibCephFS(conffile=sys.argv[1])',
      "fs.mount(filesystem_name=b'cephfs')",
      "print('mounted', flush=True)",
      'time.sleep(300)'].join('\n'), CEPH_CONF]);
    try {
      await new Promise((resolve) => client.stdout.once('data', resolve));
      // the mgr's volumes module holds sessions of its own: ours is the one of the Python process
      const session = sessions().find((candidate) => Number(candidate.client_metadata?.pid) === client.pid);
      assert.ok(session, `the MDS's session of process ${client.pid}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'File' }).click();
      await page.getByRole('button', { name: `Evict client.${session.id}` }).click({ timeout: 30_000 });
      await page.getByRole('dialog').getByRole('button', { name: 'Evict' }).click();
      await page.getByRole('button', { name: `Evict client.${session.id}` }).waitFor({ state: 'detached' });
      assert.ok(!sessions().some((candidate) => candidate.id === session.id));
    } finally {
      client.kill('SIGKILL');
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('table', { name: 'Pools' }).waitFor();
  });

  test('a PG is deep-scrubbed from the PG table, its request followed until complete', async () => {
    await page.getByRole('link', { name: pool, exact: true }).click();
    await page.getByRole('tab', { name: 'Placement groups' }).click();
    const table = page.getByRole('table', { name: `Placement groups of ${pool}` });
    const firstPg = (await table.locator('tbody tr').first().locator('td').first().textContent()).trim();
    await until(`PG ${firstPg} active`, async () => table.getByRole('button', { name: `Deep-scrub PG ${firstPg}` }).isEnabled(), 60_000);
    const before = cephJson('pg', firstPg, 'query').info.stats.last_deep_scrub_stamp;
    await table.getByRole('button', { name: `Deep-scrub PG ${firstPg}` }).click();
    const tracked = page.getByRole('complementary', { name: 'Requests you started' }).locator('.tracked', { hasText: `Deep-scrub: PG ${firstPg}` });
    await tracked.getByRole('progressbar').waitFor();
    await screenshot(page, 'pool-pgs');
    await tracked.getByText('Request complete').waitFor({ timeout: 120_000 });
    await until(`a new deep-scrub stamp on PG ${firstPg}`,
      () => cephJson('pg', firstPg, 'query').info.stats.last_deep_scrub_stamp !== before, 60_000);
  });

  test('a pool\'s quota is changed in its settings after confirmation, as Ceph shows', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: `Settings of pool ${pool}` });
    // what another replica count would move is previewed in the confirmation, then not made
    const replicas = await form.getByLabel('Replicas', { exact: true }).inputValue();
    await form.getByLabel('Replicas', { exact: true }).fill(replicas === '2' ? '3' : '2');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('dialog').getByText(/of the pool's \d+ PGs move/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await form.getByLabel('Replicas', { exact: true }).fill(replicas);
    await form.getByLabel('Quota, objects').fill('5000');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('quota max objects to 5000').waitFor();
    await dialog.getByRole('button', { name: 'Change pool' }).click();
    await until('the quota in Ceph', () => cephJson('osd', 'pool', 'get-quota', pool).quota_max_objects === 5000, 60_000);
    await screenshot(page, 'pool-settings');
  });

  test('a pool is deleted only once its name is typed', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Delete pool' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete pool' });
    assert.equal(await confirm.isDisabled(), true);
    await dialog.getByLabel('Confirmation').fill(pool.slice(0, -1));
    assert.equal(await confirm.isDisabled(), true);
    await dialog.getByLabel('Confirmation').fill(pool);
    await screenshot(page, 'pool-delete-confirm');
    await confirm.click();
    await page.waitForURL(new RegExp(`/ui/cluster/${fsid}/pool$`), { timeout: 60_000 });
    await until(`${pool} gone from the console`, async () => (await page.getByRole('link', { name: pool, exact: true }).count()) === 0, 30_000);
    assert.ok(!ceph('osd', 'pool', 'ls').split('\n').includes(pool));
  });

  test('the monitors page names the quorum leader Ceph names', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
    await page.getByTestId('mon-leader').filter({ hasText: cephJson('quorum_status').quorum_leader_name }).waitFor();
    await screenshot(page, 'monitors');
  });

  test('a CRUSH rule made in the rule editor is in Ceph, its new steps previewed, and deleted after confirmation', async () => {
    const rule = `console_rule_${Date.now()}`;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CRUSH' }).click();
    const tree = page.getByRole('list', { name: 'CRUSH hierarchy' });
    for (const id of cephJson('osd', 'ls')) await tree.getByRole('link', { name: `osd.${id}`, exact: true }).waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New replicated rule' });
    await form.getByLabel('Name').fill(rule);
    await form.getByLabel('Failure domain').selectOption('osd');
    await screenshot(page, 'crush');
    await form.getByRole('button', { name: 'Create rule' }).click();
    const listed = page.locator('ul.rules li', { hasText: rule });
    await listed.waitFor({ timeout: 60_000 });
    assert.ok(cephJson('osd', 'crush', 'rule', 'ls').includes(rule));

    // new steps are previewed in the confirmation, by crushtool on the map: a rule no pool uses moves nothing
    await listed.getByRole('button', { name: 'Edit steps' }).click();
    const steps = listed.getByRole('textbox', { name: /^Steps/ });
    await steps.fill((await steps.inputValue()).replace('"osd"', '"host"'));
    await listed.getByRole('button', { name: 'Save steps' }).click();
    await page.getByRole('dialog').getByText(/ 0 of \d+ PGs move, 0 B to copy\./).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await listed.getByRole('button', { name: 'Close' }).click();

    await listed.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete rule' }).click();
    await until(`${rule} gone from the page`, async () => (await listed.count()) === 0, 60_000);
    assert.ok(!cephJson('osd', 'crush', 'rule', 'ls').includes(rule));
  });

  test('the config viewer filters the options the cluster runs with', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Config' }).click();
    await page.getByRole('table', { name: 'Configuration' }).waitFor();
    await page.getByRole('searchbox', { name: 'Filter' }).fill('mon_allow_pool_delete');
    const row = page.getByRole('row').filter({ hasText: 'mon_allow_pool_delete' });
    await row.getByText('true', { exact: true }).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Configuration' }).locator('tbody tr').count(), 1);
    await screenshot(page, 'config');
  });

  test('the requests page shows each request\'s progress and its log', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    const deleted = page.getByRole('row').filter({ hasText: `Deleting pool '${pool}'` });
    await deleted.getByText('complete: Complete').waitFor();
    assert.equal(await deleted.getByRole('progressbar').getAttribute('value'), '100');
    await deleted.getByText(`Deleting pool '${pool}'`).click();
    await deleted.getByText('Ceph answered').waitFor();
    await screenshot(page, 'requests');
  });

  test('the events page filters by severity and tails the cluster log', async () => {
    // a line of our own in the cluster log: the mons keep only their last 50 lines of any level, a quiet minute of debug
    const marker = `console-e2e marker ${Date.now()}`;
    ceph('log', marker);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
    await page.getByLabel('Severity, at least').selectOption('WARNING');
    await page.waitForURL(/severity=WARNING/);
    const events = page.getByRole('table', { name: 'Events' });
    await events.getByText('OSD osd.2 went down').first().waitFor();
    // the unfiltered rows stay until the filtered page has loaded
    await until('only warnings and worse', async () => (await events.getByText(/^INFO$/).count()) === 0);
    // the tail is the cluster log's newest lines: the one written before the page opened is there
    await page.getByLabel('Cluster log').getByText(marker).waitFor();
    await screenshot(page, 'events');
  });

  test('the hosts page lists this server with its Ceph services', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts' }).click();
    const row = page.getByRole('table', { name: 'Hosts' }).getByRole('row').filter({ hasText: fqdn });
    await row.getByText('Reporting').waitFor();
    for (const service of ['mon.a', 'mgr.x', ...cephJson('osd', 'ls').map((id) => `osd.${id}`)]) {
      await row.getByText(service, { exact: true }).waitFor();
    }
    await screenshot(page, 'hosts');
    await row.getByRole('link').first().click();
    const cpu = page.locator('figure.chart', { hasText: 'CPU' });
    await until('CPU points of this host', async () => Number(await cpu.getAttribute('data-points')) > 0, 60_000);
    await page.locator('figure.chart', { hasText: 'Network' }).waitFor();
    await screenshot(page, 'host');
  });

  test('a host shows its devices with the OSDs on them, and restarts a daemon once Ceph allows', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts' }).click();
    await page.getByRole('table', { name: 'Hosts' }).getByRole('row').filter({ hasText: fqdn }).getByRole('link').first().click();
    const devices = page.getByRole('table', { name: `Devices of ${fqdn}` });
    const osds = cephJson('osd', 'metadata').filter((osd) => osd.hostname === fqdn.split('.')[0]);
    const used = devices.getByRole('row').filter({ hasText: `/dev/${osds[0].devices}` });
    await used.getByText(osds.map((osd) => `osd.${osd.id}`).join(', ')).waitFor();

    const upFrom = () => cephJson('osd', 'dump').osds.find((osd) => osd.osd === 1).up_from;
    const before = upFrom();
    const tray = page.getByRole('complementary', { name: 'Requests you started' });
    await page.getByRole('button', { name: 'Restart osd.1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restart' }).click();
    await tray.locator('.tracked', { hasText: 'Restart osd.1' }).getByText('Request complete').waitFor({ timeout: 120_000 });
    assert.ok(upFrom() > before, 'osd.1 up again from a later epoch');

    // the lab's one mon: Ceph refuses, and the console says why before anything stops
    await page.getByRole('button', { name: 'Stop mon.a' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('dialog').getByText('not enough monitors').waitFor();
    await screenshot(page, 'host-daemons');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    assert.ok(cephJson('quorum_status').quorum_names.includes('a'));

    // maintenance of the lab's one host would stop every OSD: Ceph refuses, the console says why and stops nothing
    await page.getByRole('button', { name: 'Enter maintenance' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enter maintenance' }).click();
    await page.getByRole('dialog').getByText('PGs are or would become offline').waitFor();
    assert.equal(await page.getByRole('dialog').getByRole('button', { name: 'Enter anyway' }).isDisabled(), true);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    assert.equal(cephJson('osd', 'stat').num_up_osds, cephJson('osd', 'stat').num_osds);
    assert.deepEqual(cephJson('osd', 'dump').crush_node_flags, {});
  });

  test('an OSD is made on a new device from the host page, then drained and purged from its own page, as the OSD tree shows', async () => {
    // a spare disk plugged into the lab's host, as an operator would
    const lab = (verb, ...args) => execFileSync(new URL('../../dev/loligo', import.meta.url).pathname,
      [verb, CEPH_CONF.includes('ceph-tests') ? 'tests' : 'platform', ...args], { encoding: 'utf8' }).trim();
    const disk = lab('ceph-device', 'add', `e2e-${Date.now()}`);
    const before = cephJson('osd', 'ls');
    const tray = page.getByRole('complementary', { name: 'Requests you started' });
    let made;
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts' }).click();
      await page.getByRole('table', { name: 'Hosts' }).getByRole('row').filter({ hasText: fqdn }).getByRole('link').first().click();
      const form = page.getByRole('form', { name: `New OSD on ${fqdn}` });
      await form.getByLabel('Device', { exact: true }).selectOption(disk);
      await form.getByLabel('Device class').fill('ssd');
      await screenshot(page, 'host-new-osd');
      await form.getByRole('button', { name: 'Create OSD' }).click();
      await tray.locator('.tracked', { hasText: `Create an OSD on ${disk}` }).getByText('Request complete').waitFor({ timeout: 180_000 });
      made = cephJson('osd', 'ls').find((id) => !before.includes(id));
      const node = cephJson('osd', 'tree').nodes.find((entry) => entry.id === made);
      assert.equal(node.status, 'up');
      assert.equal(node.device_class, 'ssd');
      await page.getByRole('table', { name: `Devices of ${fqdn}` }).getByRole('row').filter({ hasText: disk })
        .getByRole('cell', { name: `osd.${made}`, exact: true }).waitFor();

      await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/osd/${made}`);
      await page.getByRole('toolbar', { name: `Actions on osd.${made}` }).getByRole('button', { name: 'Drain' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Drain' }).click();
      await tray.locator('.tracked', { hasText: `Drain: osd.${made}` }).getByText('Request complete').waitFor({ timeout: 180_000 });
      assert.equal(cephJson('osd', 'dump').osds.find((osd) => osd.osd === made).in, 0);

      await page.getByRole('toolbar', { name: `Actions on osd.${made}` }).getByRole('button', { name: 'Purge' }).click();
      const dialog = page.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: 'Purge' });
      assert.equal(await confirm.isDisabled(), true);
      await dialog.getByLabel('Confirmation').fill(`osd.${made}`);
      await confirm.click();
      await tray.locator('.tracked', { hasText: `Purge osd.${made}` }).getByText('Request complete').waitFor({ timeout: 180_000 });
      assert.ok(!cephJson('osd', 'ls').includes(made), `osd.${made} gone from the OSD map`);
      made = undefined;
    } finally {
      if (made !== undefined) {
        lab('ceph-daemon', 'stop', `osd.${made}`);
        ceph('osd', 'purge-actual', String(made), '--yes-i-really-mean-it');
        lab('ceph-osd', 'zap', String(made));
      }
      lab('ceph-device', 'remove', disk.split('/').pop());
    }
  });

  test('a read-only user sees no action controls', async () => {
    const username = `viewer-${Date.now()}`;
    const password = `viewer-password-${Date.now()}`;
    const created = await callApi(page, 'POST', '/user', { username, password, email: `${username}@example.com`, role: 'read-only' });
    assert.equal(created.status, 201, created.body);
    const viewer = await loggedIn(browser, username, password);
    try {
      await viewer.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/osd`);
      await viewer.getByRole('link', { name: 'osd.0', exact: true }).waitFor();
      assert.equal(await viewer.getByRole('toolbar').count(), 0);
      assert.equal(await viewer.getByRole('checkbox').count(), 0);
      await screenshot(viewer, 'osds-read-only');
      await viewer.getByRole('link', { name: 'osd.0', exact: true }).click();
      await viewer.getByRole('heading', { name: 'Metadata' }).waitFor();
      assert.equal(await viewer.getByRole('button', { name: /Mark|scrub|Repair/i }).count(), 0);
      await viewer.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/pool`);
      await viewer.getByRole('table', { name: 'Pools' }).waitFor();
      assert.equal(await viewer.getByRole('link', { name: 'Create pool' }).count(), 0);
      await viewer.getByRole('table', { name: 'Pools' }).getByRole('link').first().click();
      await viewer.getByRole('tab', { name: 'Placement groups' }).click();
      await viewer.getByRole('table', { name: /^Placement groups of/ }).waitFor();
      assert.equal(await viewer.getByRole('button', { name: /Delete|scrub|Repair|Save/i }).count(), 0);
      await screenshot(viewer, 'pool-pgs-read-only');
    } finally {
      await viewer.close();
    }
  });

  test('an administrator sees users, agents and the audit log of what the tests did', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('table', { name: 'Users' }).getByText(/^viewer-/).first().waitFor();
    await screenshot(page, 'admin-users');
    await page.getByRole('tab', { name: 'Agents' }).click();
    await page.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: fqdn }).getByText('accepted').waitFor();
    await screenshot(page, 'admin-agents');
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('table', { name: 'Audit log' }).getByText(`DELETE /api/v3/cluster/${fsid}/pool/`).first().waitFor();
    await screenshot(page, 'admin-audit');
  });

  test('an API token is shown once, works, and is revoked after confirmation', async () => {
    await page.getByLabel('User menu').click();
    await page.getByRole('link', { name: 'Password and API tokens' }).click();
    const form = page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Name').fill('console-e2e');
    await form.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').textContent()).trim();
    const answer = await fetch(`${LOLIGO_URL}/api/v3/cluster`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(answer.status, 200);
    await screenshot(page, 'account');
    await page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: 'console-e2e' })
      .getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('You have no API token.').waitFor();
    const refused = await fetch(`${LOLIGO_URL}/api/v3/cluster`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(refused.status, 401);
  });

  test('logging out leads back to the login form', async () => {
    await page.getByLabel('User menu').click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/ui\/login/);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });
});
