// What every browser script shares: where the repository, the server and the screenshots are, a browser context per
// user (its own cookie jar: a shared one would make a second sign-in replace the first one's session; the contexts
// share one Chromium process, tools/browser/launch.js), the sign-in, and the end of a
// run: the OK line and exit 0, or the failing step (or the soft problems), screenshots of every page and exit 1.
// Run by NodeScript (MVTM_REPO, NODE_PATH, BASE_URL set); see first-hour.js + FirstHourConsolesTest for the pattern.
const path = require('path');
const fs = require('fs');

const repo = process.env.MVTM_REPO || path.resolve(__dirname, '../../../..');
const { launch, launchFirefox } = require(path.join(repo, 'tools/browser/launch.js'));
const BASE = process.env.BASE_URL;
const PASSWORD = process.env.PASSWORD || 'demo1234';
const SHOTS = process.env.SCREENSHOTS || path.join(repo, 'server/target/screenshots');
const T = 45000;
fs.mkdirSync(SHOTS, { recursive: true });

/** An interface bundle of agent-web (en, zh-Hans, zh-Hant): key -> text. */
const bundle = (locale) => JSON.parse(fs.readFileSync(
  path.join(repo, `agent-web/src/main/resources/static/i18n/${locale}.json`), 'utf8'));

/** A new browser context (kept in `browsers` to be closed and photographed at the end) and its first page. */
async function openPage(browsers, user, { args = [], launcher = launch } = {}) {
  const browser = await launcher(args);
  browsers.push(browser);
  const page = browser.context.pages()[0] || await browser.context.newPage();
  page.setDefaultTimeout(T);
  page.on('pageerror', (e) => console.log(`[${user} pageerror] ${e.message}`));
  return page;
}

/**
 * Signs in on the login page of `base` (BASE_URL unless given), in `locale` first if given, and waits until `home` is
 * loaded and ready.
 */
async function signInOn(page, user, home, { password = PASSWORD, locale, base = BASE } = {}) {
  await page.goto(`${base}/login`);
  if (locale) {
    await page.click(`#langs button[lang="${locale}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  }
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`**${home}`), page.click('#login-form button[type=submit]')]);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Signs a user in on a new browser that plays a call's audio without a click (a function of `browsers`). */
const inCallSignIn = (browsers) => async (user, home) =>
  signInOn(await openPage(browsers, user, { args: ['--autoplay-policy=no-user-gesture-required'] }), user, home);

/** A soft check: a failed one is printed and kept in `problems`, and the run goes on. */
const expectation = (problems, step) => (ok, what) => {
  if (!ok) {
    problems.push(`${step()}: ${what}`);
    console.log(`PROBLEM: ${step()}: ${what}`);
  }
};

/**
 * Runs `main`, prints `${ok}` (or what `ok()` returns) or `${failed}: n problem(s)` / `${failed} at "<step>": <error>`, and exits; after a
 * failure every page is saved as `${shots}-<browser>-<page>.png`.
 */
function finish(main, { ok, failed, shots, browsers, step, problems = [] }) {
  const closeAll = () => Promise.all(browsers.map((b) => b.close().catch(() => {})));
  main().then(async () => {
    await closeAll();
    console.log(problems.length === 0 ? (typeof ok === 'function' ? ok() : ok) : `${failed}: ${problems.length} problem(s)`);
    process.exit(problems.length === 0 ? 0 : 1);
  }).catch(async (e) => {
    console.log(`${failed} at "${step()}": ${e.message}`);
    for (const [i, b] of browsers.entries()) {
      for (const [j, p] of b.context.pages().entries()) {
        await p.screenshot({ path: path.join(SHOTS, `${shots}-${i}-${j}.png`) }).catch(() => {});
      }
    }
    await closeAll();
    process.exit(1);
  });
}

// what the test tells a script on its stdin, one line at a time (e.g. that it stopped a peer): nextLine() resolves
// to the next line, waiting for it when none is there yet
const stdinLines = [];
const stdinWaiters = [];
let listening = false;
function nextLine() {
  if (!listening) {
    listening = true;
    process.stdin.on('data', (d) => d.toString().split('\n').filter(Boolean).forEach((l) => {
      const w = stdinWaiters.shift();
      if (w) w(l); else stdinLines.push(l);
    }));
  }
  return stdinLines.length ? Promise.resolve(stdinLines.shift()) : new Promise((resolve) => stdinWaiters.push(resolve));
}

module.exports = { repo, launch, launchFirefox, BASE, PASSWORD, SHOTS, T, bundle, openPage, signInOn, inCallSignIn, expectation, finish, nextLine };
