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

// another page of root's, in the same browser, opened and ready
async function alongside(page, at) {
  const other = await page.context().newPage();
  other.setDefaultTimeout(T);
  other.on('pageerror', (e) => scriptErrors.push(e.message));
  await other.goto(`${BASE}${at}`);
  await other.waitForSelector('body[data-ready="true"]');
  return other;
}

// the page's message line says the bundle's `key` in Simplified Chinese, and no script of root's pages failed
async function saysInChinese(page, what, key, shot) {
  const said = (await page.textContent('#message')).trim();
  if (said !== zh[key]) throw new Error(`${what} says "${said}", not "${zh[key]}"`);
  if (scriptErrors.length > 0) throw new Error(`a page's script failed: ${scriptErrors.join('; ')}`);
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
}

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
  await saysInChinese(page, 'the console', 'error.DATABASE_UNAVAILABLE', 'admin-database-down');

  step = 'with the database down, the reports page opens and says so in Chinese';
  const reports = await alongside(page, '/reports.html');
  await saysInChinese(reports, 'the reports page', 'error.DATABASE_UNAVAILABLE', 'reports-database-down');

  step = 'with the database down, the wallboard shows each queue and says why today\'s figures are missing';
  const wall = await alongside(page, '/wallboard.html');
  await wall.waitForSelector('#tiles section[data-queue]');
  await saysInChinese(wall, 'the wallboard', 'wallboard.noToday.DATABASE_UNAVAILABLE', 'wallboard-database-down');
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
