// Issue 18 item 4 as a supervisor sees it, in headless Chromium:
//   BASE_URL=http://127.0.0.1:8080 QUEUE=general FROM=2026-03-01 TO=2026-03-02 \
//     NODE_PATH=<repo>/tools/browser/node_modules node server/src/test/browser/reports-page.js
// sam opens the reports page from the supervisor dashboard, filters by QUEUE and the days FROM..TO, sees both charts
// drawn by Chart.js (the library served by the app) on their canvases, and downloads the CSV: its rows must be the
// rows the API returns for the same filters, figure by figure. Then the wallboard shows the queue's tile.
// Prints "REPORTS OK" and exits 0, or the failing step and exits 1.
const path = require('path');
const fs = require('fs');
const { SHOTS, openPage, signInOn, finish } = require('./harness.js');

const QUEUE = process.env.QUEUE;
const FROM = process.env.FROM;
const TO = process.env.TO;

let step = 'start';
const browsers = [];

// the CSV's cells as the API's values: numbers compared as numbers, an empty cell is null
const COLUMNS = [['start', 'start'], ['key', 'key'], ['offered', 'offered'], ['answered', 'answered'],
  ['answered_within_sla', 'answeredWithinSla'], ['service_level', 'serviceLevel'], ['asa_seconds', 'asaSeconds'],
  ['abandoned', 'abandoned'], ['average_abandon_seconds', 'averageAbandonSeconds'], ['handled', 'handled'],
  ['aht_seconds', 'ahtSeconds'], ['talk_seconds', 'talkSeconds'], ['hold_seconds', 'holdSeconds'],
  ['wrap_seconds', 'wrapSeconds'], ['occupancy', 'occupancy'], ['transfers', 'transfers'], ['callbacks', 'callbacks']];

function sameValue(cell, value) {
  if (value === null || value === undefined) return cell === '';
  if (typeof value === 'number') return cell !== '' && Math.abs(Number(cell) - value) < 1e-9;
  return cell === String(value);
}

async function main() {
  step = 'sam signs in and opens the reports page from the supervisor dashboard';
  const page = await signInOn(await openPage(browsers, 'sam'), 'sam', '/supervisor');
  await Promise.all([page.waitForURL('**/reports.html'), page.click('#reports-link')]);
  await page.waitForSelector('body[data-ready="true"]');

  step = `filters: queue ${QUEUE}, ${FROM} to ${TO}`;
  await page.fill('#from', FROM);
  await page.fill('#to', TO);
  await page.selectOption('#queue', QUEUE);
  await page.click('#filters button[type=submit]');
  const shown = `from=${FROM}&to=${TO}&by=queue&queue=${encodeURIComponent(QUEUE)}`;
  await page.waitForFunction((s) => document.body.dataset.shown === s, shown);

  step = 'both charts are drawn by the library';
  const charts = await page.evaluate(() => ['volume-chart', 'service-chart'].map((id) => {
    const canvas = document.getElementById(id);
    const chart = window.Chart && window.Chart.getChart(canvas);
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
    return { id, type: chart && chart.config.type, version: window.Chart && window.Chart.version,
      points: chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0) : 0, painted };
  }));
  for (const c of charts) {
    if (!c.type) throw new Error(`${c.id} has no Chart.js chart`);
    if (c.points === 0) throw new Error(`${c.id} plots nothing`);
    if (c.painted < 500) throw new Error(`${c.id}'s canvas is blank (${c.painted} pixels painted)`);
  }
  console.log(`CHARTS ${JSON.stringify(charts)}`);

  step = 'the CSV downloaded from the page holds the rows the API returns';
  const api = await page.evaluate(async (s) => (await (await fetch(`/api/reports/intervals?${s}`)).json()), shown);
  if (api.rows.length === 0) throw new Error('the API returns no rows');
  if (api.rows.some((r) => r.key !== QUEUE)) throw new Error(`rows of other queues: ${JSON.stringify(api.rows)}`);
  const tableRows = await page.locator('#rows tbody tr').count();
  if (tableRows !== api.rows.length) throw new Error(`the table shows ${tableRows} rows, the API ${api.rows.length}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r\n/);
  const header = csv.shift().split(',');
  if (header.join(',') !== COLUMNS.map(([c]) => c).join(',')) throw new Error(`CSV header ${header}`);
  if (csv.length !== api.rows.length) throw new Error(`the CSV has ${csv.length} rows, the API ${api.rows.length}`);
  csv.forEach((line, i) => {
    const cells = line.split(',');
    COLUMNS.forEach(([column, field], j) => {
      if (!sameValue(cells[j], api.rows[i][field])) {
        throw new Error(`CSV row ${i} ${column} is "${cells[j]}" but the API says ${JSON.stringify(api.rows[i][field])}`);
      }
    });
  });
  console.log(`CSV ${download.suggestedFilename()} ${csv.length} rows match`);
  await page.screenshot({ path: path.join(SHOTS, 'reports-page.png'), fullPage: true });

  step = 'the wallboard shows the queue';
  await page.click('a[href="/wallboard.html"]');
  await page.waitForSelector(`body[data-ready="true"] section.tile[data-queue="${QUEUE}"]`);
  await page.screenshot({ path: path.join(SHOTS, 'wallboard.png'), fullPage: true });
}

finish(main, { ok: 'REPORTS OK', failed: 'REPORTS FAILED', shots: 'reports-failed', browsers, step: () => step });
