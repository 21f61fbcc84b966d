// The admin console while the system of record does not answer (BankSetupOnPostgresTest stops and starts its
// PostgreSQL; the lines on stdin say when):
//   BASE_URL=http://127.0.0.1:8080 ADMIN_USER=root ADMIN_PASSWORD=... NODE_PATH=<repo>/tools/browser/node_modules \
//   node server/src/test/browser/admin-database-down.js
// root signs in with the page in Simplified Chinese and prints "SIGNED IN"; after "down" on stdin, opening the console
// again shows it ready, its users section saying in Chinese that the database does not answer (no script error),
// and the reports page opened then is ready and says the same, and the wallboard shows a tile per queue (its live
// numbers do not need the database) and says in Chinese that today's figures cannot be read, and prints "DOWN SHOWN";
// after "up" the users section lists the bank's users again (asked again as a user would, while the first statements
// after the restart may still fail), the reports page shows its rows and the wallboard today's figures. Prints
// "ADMIN DATABASE OK" and exits 0, or the failing step and exits 1.
const path = require('path');
const { BASE, SHOTS, T, bundle, openPage, signInOn, finish, nextLine } = require('./harness.js');

const ADMIN = process.env.ADMIN_USER || 'root';
const PASSWORD = process.env.ADMIN_PASSWORD;
const zh = bundle('zh-Hans');

let step = 'start';
const browsers = [];
const scriptErrors = [];
let tries = 0; // how often the users section was asked for after the restart until it loaded

async function main() {
  step = 'root signs in with the page in Simplified Chinese';
  const page = await openPage(browsers, ADMIN);
  page.on('pageerror', (e) => scriptErrors.push(e.message));
  await signInOn(page, ADMIN, '/admin', { password: PASSWORD, locale: 'zh-Hans' });
  await page.waitForSelector('#user-list tbody tr[data-user]');
  console.log('SIGNED IN');
  if (await nextLine() !== 'down') throw new Error('expected "down" on stdin');

  step = 'with the database down, the console opens and says so in Chinese';
  scriptErrors.length = 0;
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#message:not([hidden])');
  const said = (await page.textContent('#message')).trim();
  if (said !== zh['error.DATABASE_UNAVAILABLE']) {
    throw new Error(`the console says "${said}", not "${zh['error.DATABASE_UNAVAILABLE']}"`);
  }
  if (scriptErrors.length > 0) throw new Error(`the page's script failed: ${scriptErrors.join('; ')}`);
  await page.screenshot({ path: path.join(SHOTS, 'admin-database-down.png') });

  step = 'with the database down, the reports page opens and says so in Chinese';
  const reports = await page.context().newPage();
  reports.setDefaultTimeout(T);
  reports.on('pageerror', (e) => scriptErrors.push(e.message));
  await reports.goto(`${BASE}/reports.html`);
  await reports.waitForSelector('body[data-ready="true"]');
  const reportSays = (await reports.textContent('#message')).trim();
  if (reportSays !== zh['error.DATABASE_UNAVAILABLE']) {
    throw new Error(`the reports page says "${reportSays}", not "${zh['error.DATABASE_UNAVAILABLE']}"`);
  }
  if (scriptErrors.length > 0) throw new Error(`a page's script failed: ${scriptErrors.join('; ')}`);
  await reports.screenshot({ path: path.join(SHOTS, 'reports-database-down.png') });

  step = 'with the database down, the wallboard shows each queue and says why today\'s figures are missing';
  const wall = await page.context().newPage();
  wall.setDefaultTimeout(T);
  wall.on('pageerror', (e) => scriptErrors.push(e.message));
  await wall.goto(`${BASE}/wallboard.html`);
  await wall.waitForSelector('body[data-ready="true"]');
  await wall.waitForSelector('#tiles section[data-queue]');
  const wallSays = (await wall.textContent('#message')).trim();
  if (wallSays !== zh['wallboard.noToday.DATABASE_UNAVAILABLE']) {
    throw new Error(`the wallboard says "${wallSays}", not "${zh['wallboard.noToday.DATABASE_UNAVAILABLE']}"`);
  }
  if (scriptErrors.length > 0) throw new Error(`a page's script failed: ${scriptErrors.join('; ')}`);
  await wall.screenshot({ path: path.join(SHOTS, 'wallboard-database-down.png') });
  console.log('DOWN SHOWN');
  if (await nextLine() !== 'up') throw new Error('expected "up" on stdin');

  step = 'once the database answers again, the users section lists the users';
  for (let attempt = 1; ; attempt++) {
    await page.evaluate(() => { delete document.body.dataset.loaded; });
    await page.click('#sections button[data-section="users"]');
    await page.waitForFunction(() => document.body.dataset.loaded === 'users');
    if (await page.$('#user-list tbody tr[data-user="ava"]') && await page.isHidden('#message')) {
      tries = attempt;
      break;
    }
    if (attempt === 30) throw new Error(`after the restart the console still says "${await page.textContent('#message')}"`);
    await page.waitForTimeout(1000);
  }

  step = 'once the database answers again, the reports page shows its rows';
  for (let attempt = 1; ; attempt++) {
    await reports.evaluate(() => { delete document.body.dataset.shown; document.getElementById('message').hidden = true; });
    await reports.click('#filters button[type=submit]');
    await reports.waitForFunction(() => document.body.dataset.shown !== undefined || !document.getElementById('message').hidden);
    if (await reports.evaluate(() => document.body.dataset.shown !== undefined)) break;
    if (attempt === 30) throw new Error(`after the restart the reports page still says "${await reports.textContent('#message')}"`);
    await reports.waitForTimeout(1000);
  }

  step = 'once the database answers again, the wallboard shows today\'s figures (it asks every 5 seconds)';
  await wall.waitForSelector('#message', { state: 'hidden', timeout: 60000 });
  await wall.waitForSelector('#tiles section[data-queue]');
}

finish(main, { ok: () => `ADMIN DATABASE OK {"triesAfterRestart":${tries}}`, failed: 'ADMIN DATABASE FAILED', shots: 'admin-database-down', browsers,
  step: () => step });
