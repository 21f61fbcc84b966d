// A customer in the browser asks for a voice call; the advisor answers on a G.711-only SIP desk phone.
//   BASE_URL=http://127.0.0.1:8080 NODE_PATH=<repo>/tools/browser/node_modules node server/src/test/browser/voice-to-desk-phone.js
// The caller (server/BrowserCustomerToDeskPhoneTest) runs the desk phone with SIPp. The customer chats with the
// assistant, presses "Voice call", hears the phone's speech (inbound audio energy) and hangs up after HOLD_SECONDS.
// Prints "VOICE OK {...}" and exits 0, or the failing step and exits 1.
const path = require('path');
const { SHOTS, openPage, signInOn, finish } = require('./harness.js');

const USER = process.env.CUSTOMER_USER || 'smith';
const QUESTION = process.env.QUESTION || 'My card was declined at a shop, why?';
const HOLD_SECONDS = Number(process.env.HOLD_SECONDS || 6);

let step = 'start';
const browsers = [];
const result = {};

async function main() {
  step = 'customer signs in';
  const page = await signInOn(await openPage(browsers, 'customer'), USER, '/customer');

  step = 'customer asks the assistant in English';
  await page.click('button[data-language="en"]');
  await page.waitForSelector('#transcript li[data-speaker="BOT"]');
  await page.fill('#chat-input', QUESTION);
  await page.press('#chat-input', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#transcript li[data-speaker="BOT"]').length >= 2);

  step = 'customer presses Voice call and the desk phone answers';
  await page.click('#ask-voice');
  await page.waitForFunction(() => document.body.dataset.status === 'CONNECTED');
  console.log('CONNECTED');

  step = 'customer hears the desk phone';
  await page.waitForFunction(() => window.mvtmCallStats && window.mvtmCallStats.audioPacketsReceived > 100
    && window.mvtmCallStats.audioEnergy > 0);
  await page.waitForTimeout(HOLD_SECONDS * 1000);
  Object.assign(result, await page.evaluate(() => ({ ...window.mvtmCallStats })));
  await page.screenshot({ path: path.join(SHOTS, 'voice-to-desk-phone.png'), fullPage: true });

  step = 'customer hangs up';
  await page.click('#hangup');
  await page.waitForFunction(() => document.body.dataset.status === 'ENDED');
}

finish(main, { ok: () => `VOICE OK ${JSON.stringify(result)}`, failed: 'VOICE FAILED', shots: 'voice-to-desk-phone-failed',
  browsers, step: () => step });
