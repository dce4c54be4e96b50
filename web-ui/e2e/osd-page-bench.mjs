// How long the OSD page takes to show its first screen, in Chromium: from asking for the URL until its 50 rows are
// on screen, which takes the app's start, the session check and the first page of OSDs from the API. Prints figures;
// asserts nothing. Run by system-tests' ScaleBench against a platform holding a large synthetic cluster:
//   LOLIGO_URL=... LOLIGO_PASSWORD=... FSID=... [RUNS=10] node e2e/osd-page-bench.mjs
import { env, launch, loggedIn, LOLIGO_URL } from './browser.mjs';

const fsid = env('FSID');
const runs = Number(process.env.RUNS ?? 10);
const PAGE_ROWS = 50;
const views = [
  ['the first page', ''],
  ['a middle page, sorted by reweight, descending', '?ordering=-reweight&page=100'],
  ['the OSDs of one host, searched for', '?search=ceph-17.scale.test'],
];

const browser = await launch();
try {
  const page = await loggedIn(browser, 'admin', env('LOLIGO_PASSWORD'));
  const rows = page.getByRole('table', { name: 'OSDs' }).locator('tbody tr');
  for (const [name, search] of views) {
    const times = [];
    for (let run = 0; run < runs + 1; run++) {
      const start = performance.now();
      await page.goto(`${LOLIGO_URL}/ui/cluster/${fsid}/osd${search}`);
      await page.getByRole('table', { name: 'OSDs' }).or(page.getByText('No OSD matches these filters.')).waitFor({ timeout: 30_000 });
      const shown = await rows.count();
      if (shown > 0 && search === '') await rows.nth(PAGE_ROWS - 1).waitFor();
      // the first load also compiles the app's code: a user's second visit is the common case
      if (run > 0) times.push(performance.now() - start);
      if (run === runs) console.log(`${name}: ${shown} rows`);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
    console.log(`osd page first screen, ${name}: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms over ${runs} loads`);
  }
} finally {
  await browser.close();
}
