// Issue 14 items 3, 10 and 11 as an advisor sees them, in headless Chromium:
//   BASE_URL=http://127.0.0.1:8080 NODE_PATH=<repo>/tools/browser/node_modules node server/src/test/browser/console-presence.js
// alice (console in Traditional Chinese) goes Ready and prints "ADVISOR READY"; the caller (ConsolePresenceInBrowserTest)
// then queues a customer. alice accepts, presses Apply with Ready while busy (the refusal is shown in her language,
// with no internal text), hangs up, finishes wrap-up with notes (her badge and the supervisor board show plain
// Ready, never the notes) and signs out (the supervisor board shows her Logged out). Then a shared desk: alice's
// console is open when sam signs in in another tab of the same browser; the server closes her console's socket and the
// tab goes to sam's console without asking the server anything first. Sam then opens /agent, which is not for his
// role: the product's page says who is signed in and leads back to his console. Last, sam signs out in the other tab:
// the server closes his console's socket in this tab, which goes to the sign-in page.
// Prints "PRESENCE OK" and exits 0, or the failing step and exits 1.
const path = require('path');
const { T, SHOTS, bundle, openPage, signInOn, finish } = require('./harness.js');

const NOTES = 'Lost credit card reported; new card ordered';
const zhHant = bundle('zh-Hant');

let step = 'start';
const browsers = [];

async function signIn(user, home) {
  return signInOn(await openPage(browsers, user), user, home);
}

async function boardState(supervisor, agent) {
  return (await supervisor.textContent(`#advisors tr[data-agent="${agent}"] td.state`)).trim();
}

async function main() {
  step = 'alice signs in, reads Traditional Chinese and goes Ready';
  const alice = await signIn('alice', '/agent');
  await alice.click('#langs button[lang="zh-Hant"]');
  await alice.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  await alice.waitForSelector('#link[data-state="online"]'); // the console's socket drops what is sent before it opens
  await alice.waitForSelector('#presence-state[data-state="NOT_READY"]');
  await alice.selectOption('#presence', 'READY');
  await alice.click('#presence-form button[type=submit]');
  await alice.waitForSelector('#presence-state[data-state="READY"]');
  const supervisor = await signIn('sam', '/supervisor');
  console.log('ADVISOR READY');

  step = 'alice accepts the customer';
  await alice.waitForSelector('#offer:not([hidden])');
  await alice.click('#accept');
  await alice.waitForSelector('#presence-state[data-state="BUSY"]');

  step = 'Ready while busy is refused in her language, without internal text';
  await alice.selectOption('#presence', 'READY');
  await alice.click('#presence-form button[type=submit]');
  await alice.waitForSelector('#message:not([hidden])');
  const refusal = (await alice.textContent('#message')).trim();
  const expected = zhHant['error.advisor.transition'].replace('{from}', zhHant['presence.BUSY']).replace('{to}', zhHant['presence.READY']);
  if (refusal !== expected) throw new Error(`refusal reads "${refusal}", expected "${expected}"`);
  console.log(`REFUSAL ${refusal}`);

  step = 'alice hangs up and finishes wrap-up with notes';
  await alice.click('#hangup');
  await alice.waitForSelector('#wrapup:not([hidden])');
  await alice.waitForSelector('#presence-state[data-state="WRAP_UP"]');
  await alice.selectOption('#wrapup-code', 'CARD_BLOCKED');
  await alice.fill('#wrapup-notes', NOTES);
  await alice.click('#wrapup-form button[type=submit]');
  await alice.waitForSelector('#presence-state[data-state="READY"]');
  const badge = (await alice.textContent('#presence-state')).trim();
  if (badge !== zhHant['presence.READY']) throw new Error(`badge reads "${badge}"`);
  await supervisor.waitForFunction(() => document.querySelector('#advisors tr[data-agent="alice"] td.state.READY'));
  const row = await boardState(supervisor, 'alice');
  if (row.includes('Lost credit card') || row.includes('disposition')) throw new Error(`supervisor board reads "${row}"`);
  await alice.waitForSelector('#today tr[data-code="CARD_BLOCKED"]');
  await alice.screenshot({ path: path.join(SHOTS, 'console-presence-after-wrapup.png'), fullPage: true });

  step = 'alice signs out and the supervisor sees her logged out';
  // the console's socket also sends the page to /login when the session ends, so two navigations race:
  // wait for where the page ends up rather than for one navigation
  await alice.click('form.logout button');
  for (let i = 0; i < T / 100 && !/\/login/.test(alice.url()); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/\/login/.test(alice.url())) throw new Error(`alice is still at ${alice.url()} after signing out`);
  await supervisor.waitForFunction(() => document.querySelector('#advisors tr[data-agent="alice"] td.state.LOGGED_OUT'));
  await supervisor.screenshot({ path: path.join(SHOTS, 'console-presence-supervisor.png'), fullPage: true });

  step = 'a shared desk: sam signs in in another tab of the browser where alice\'s console is open';
  const desk = await signIn('alice', '/agent');
  await desk.waitForSelector('#link[data-state="online"]');
  // from here alice's page gets no answer from the server's API (a 409 would also move it): only the server closing
  // her console's socket can send the tab on
  const heldBack = await holdBackApiRequestsUntilTheTabLeaves(desk);
  const tab = await desk.context().newPage();
  tab.setDefaultTimeout(T);
  await signInOn(tab, 'sam', '/supervisor');
  // the server closes alice's console socket as sam signs in, and the tab goes to sam's own console at once instead
  // of showing alice's while it could still act as her over the socket
  await desk.waitForURL('**/supervisor');
  await desk.waitForFunction(() => /Sam/.test(document.querySelector('#who')?.textContent ?? ''));
  console.log(`SHARED DESK moved to sam's console when the server closed alice's socket (${heldBack.length} request(s)`
    + ' of her page held back)');

  step = 'sam opens the advisor console, which is not for a supervisor, and finds the way back to his own';
  await desk.goto(`${process.env.BASE_URL}/agent`);
  await desk.waitForSelector('body.error-page[data-ready="true"]');
  const said = (await desk.textContent('#signed-in')).replace(/\s+/g, ' ').trim();
  if (!said.includes('Sam')) throw new Error(`the page not for his role reads "${said}"`);
  await Promise.all([desk.waitForURL('**/supervisor'), desk.click('form[action="/"] button')]);
  await desk.waitForSelector('#link[data-state="online"]');

  step = 'sam signs out in the other tab: the server closes the socket of his console in this tab, which goes to sign in';
  await holdBackApiRequestsUntilTheTabLeaves(desk);
  await tab.bringToFront();
  await Promise.all([tab.waitForURL(/\/login\?logout$/), tab.click('form.logout button')]);
  await desk.waitForURL('**/login');
  console.log('SIGNED OUT desk tab went to sign in when the server closed its socket');
}

/**
 * From now until the page goes to / the page's requests to /api/ are aborted (kept in the returned list): what
 * moves the page then is not an answer to one of its requests.
 */
async function holdBackApiRequestsUntilTheTabLeaves(page) {
  const heldBack = [];
  let left = false;
  const leaving = (request) => {
    if (request.isNavigationRequest() && new URL(request.url()).pathname === '/') left = true;
  };
  page.on('request', leaving);
  await page.route('**/api/**', (route) => {
    if (left) return route.continue();
    heldBack.push(route.request().url());
    return route.abort();
  });
  page.once('load', () => { page.off('request', leaving); page.unroute('**/api/**').catch(() => {}); });
  return heldBack;
}

finish(main, { ok: 'PRESENCE OK', failed: 'PRESENCE FAILED', shots: 'console-presence-failed', browsers, step: () => step });
