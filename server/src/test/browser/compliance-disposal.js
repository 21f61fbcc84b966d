// Issue 15's legal hold and four-eyes deletion in the compliance console, in headless Chromium:
//   BASE_URL=http://127.0.0.1:8080 RECORDING=<id> SECOND_PASSWORD=... node server/src/test/browser/compliance-disposal.js
// connie opens the recording, puts it on legal hold (badge), lifts it and requests its deletion; she is not offered
// Approve. dora (a second HK officer, console in Traditional Chinese) sees the pending request and approves it: the
// player closes with the "deleted" message. Prints "DISPOSAL OK" and exits 0, or the failing step and exits 1.
const path = require('path');
const { PASSWORD, SHOTS, bundle, openPage, signInOn, finish } = require('./harness.js');

const SECOND_PASSWORD = process.env.SECOND_PASSWORD;
const RECORDING = process.env.RECORDING;
const zhHant = bundle('zh-Hant');

let step = 'start';
const browsers = [];

async function signIn(user, password) {
  return signInOn(await openPage(browsers, user), user, '/compliance', { password });
}

async function openRecording(page, purpose) {
  await page.fill('#purpose', purpose);
  await page.fill('input[name="customer"]', 'chan');
  await page.click('#search-form button[type=submit]');
  await page.click(`#results tr[data-recording="${RECORDING}"] button.replay`);
  await page.waitForSelector('#player:not([hidden])');
  await page.waitForSelector('#hold-state[data-held]');
}

async function press(page, button, reason) {
  await page.fill('#disposal-reason', reason);
  await page.click(`#${button}`);
}

async function main() {
  step = 'connie opens the recording';
  const connie = await signIn('connie', PASSWORD);
  await openRecording(connie, 'erasure request E-1');
  if (await connie.isVisible('#approve-deletion')) throw new Error('Approve is offered with no deletion requested');

  step = 'connie puts it on legal hold';
  await press(connie, 'hold', 'litigation L-9 (bank v. Chan)');
  await connie.waitForSelector('#hold-state[data-held="true"]');
  await connie.waitForSelector('#audit tbody tr[data-action="LEGAL_HOLD"]');
  if (await connie.isVisible('#request-deletion')) throw new Error('deletion is offered for a held recording');
  await connie.screenshot({ path: path.join(SHOTS, 'compliance-legal-hold.png'), fullPage: true });

  step = 'connie lifts the hold and requests the deletion';
  await press(connie, 'release', 'litigation L-9 closed');
  await connie.waitForSelector('#hold-state[data-held="false"]');
  await press(connie, 'request-deletion', 'customer erasure request E-1');
  await connie.waitForSelector('#withdraw-deletion:not([hidden])');
  const pending = (await connie.textContent('#deletion-state')).trim();
  if (!pending.includes('connie') || !pending.includes('E-1')) throw new Error(`pending request reads "${pending}"`);
  if (await connie.isVisible('#approve-deletion')) throw new Error('the requester is offered Approve');

  step = 'dora, in Traditional Chinese, approves the deletion';
  const dora = await signIn('dora', SECOND_PASSWORD);
  await dora.click('#langs button[lang="zh-Hant"]');
  await dora.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  await openRecording(dora, 'erasure request E-1');
  await dora.waitForSelector('#approve-deletion:not([hidden])');
  const label = (await dora.textContent('#approve-deletion')).trim();
  if (label !== zhHant['compliance.approveDeletion']) throw new Error(`Approve reads "${label}"`);
  await dora.screenshot({ path: path.join(SHOTS, 'compliance-approve-deletion.png'), fullPage: true });
  await press(dora, 'approve-deletion', '已核對刪除要求 E-1');
  await dora.waitForSelector('#player', { state: 'hidden' });
  const said = (await dora.textContent('#message')).trim();
  if (said !== zhHant['compliance.deleted']) throw new Error(`after approval the console says "${said}"`);
  if (await dora.$(`#results tr[data-recording="${RECORDING}"]`)) throw new Error('the deleted recording is still listed');
}

finish(main, { ok: 'DISPOSAL OK', failed: 'DISPOSAL FAILED', shots: 'compliance-disposal-failed', browsers, step: () => step });
