// The README's "Try it" journey as a newcomer follows it, in headless Chromium, with the words the README uses:
//   BASE_URL=http://127.0.0.1:8080 ADVISOR=alice CUSTOMER=chan PASSWORD=demo1234 LANGUAGE=廣東話 QUESTION=我張信用卡唔見咗 \
//   VIDEO_CALL=視像通話 READY=Ready APPLY=Apply ACCEPT=Accept NODE_PATH=<repo>/tools/browser/node_modules \
//   node server/src/test/browser/readme-journey.js
// (ReadmeJourneyTest reads these from README.md.) The advisor chooses Ready and Apply; the customer picks the
// language, asks the assistant, presses the video call button; the advisor sees the offer with the bot transcript,
// accepts, both see and hear each other and chat beside the call; the advisor hangs up and wraps up. Then the
// advisor is Ready again and prints "READY FOR SIP": the caller dials with the README's baresip line, and the advisor
// accepts the SIP call as the README says it arrives. Prints "README JOURNEY OK {...}" and exits 0, or the failing
// step and exits 1.
const path = require('path');
const { SHOTS, openPage, finish } = require('./harness.js');

const env = (name) => { if (!process.env[name]) throw new Error(`${name} is not set`); return process.env[name]; };
const BASE = env('BASE_URL');

let step = 'start';
const browsers = [];
const result = {};

// each user in their own browser, as the README says (sessions are per browser)
async function signIn(user, home) {
  const page = await openPage(browsers, user, { args: ['--autoplay-policy=no-user-gesture-required'] });
  await page.goto(`${BASE}${home}`); // the console sends a stranger to sign in first
  await page.waitForURL('**/login');
  await page.fill('#username', user);
  await page.fill('#password', env('PASSWORD'));
  await Promise.all([page.waitForURL(new RegExp(`${home}(\\?.*)?$`)), page.click('#login-form button[type=submit]')]);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function ready(advisor) {
  await advisor.waitForSelector('#link[data-state="online"]');
  await advisor.selectOption('#presence', { label: env('READY') });
  await advisor.getByRole('button', { name: env('APPLY'), exact: true }).click();
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state === 'READY');
}

async function accept(advisor) {
  await advisor.waitForSelector('#offer:not([hidden])', { timeout: 120000 });
  const offer = {
    context: await advisor.textContent('#offer-context'),
    transcript: await advisor.$$eval('#offer-transcript li .text', (l) => l.map((e) => e.textContent)),
  };
  await advisor.getByRole('button', { name: env('ACCEPT'), exact: true }).click();
  await advisor.waitForSelector('#call:not([hidden])');
  return offer;
}

async function hangUpAndWrapUp(advisor) {
  await advisor.click('#hangup');
  await advisor.waitForSelector('#wrapup:not([hidden])');
  await advisor.selectOption('#wrapup-code', 'RESOLVED');
  await advisor.click('#wrapup-form button[type=submit]');
  await advisor.waitForFunction(() => !['BUSY', 'WRAP_UP'].includes(document.querySelector('#presence-state').dataset.state));
}

async function main() {
  step = `${env('ADVISOR')} signs in at /agent and chooses ${env('READY')} and ${env('APPLY')}`;
  const advisor = await signIn(env('ADVISOR'), '/agent');
  await ready(advisor);

  step = `${env('CUSTOMER')} signs in at /customer, picks ${env('LANGUAGE')} and asks the assistant`;
  const customer = await signIn(env('CUSTOMER'), '/customer');
  await customer.getByRole('button', { name: env('LANGUAGE'), exact: true }).click();
  await customer.waitForSelector('#transcript li[data-speaker="BOT"]');
  await customer.fill('#chat-input', env('QUESTION'));
  await customer.press('#chat-input', 'Enter');
  await customer.waitForFunction(() => document.querySelectorAll('#transcript li[data-speaker="BOT"]').length >= 2);
  result.botAnswer = await customer.$$eval('#transcript li[data-speaker="BOT"] .text', (l) => l[l.length - 1].textContent);

  step = `${env('CUSTOMER')} presses ${env('VIDEO_CALL')}`;
  await customer.getByRole('button', { name: env('VIDEO_CALL'), exact: true }).click();

  step = `${env('ADVISOR')} sees the offer with the bot transcript and accepts`;
  const offer = await accept(advisor);
  if (!offer.transcript.some((l) => l.includes(env('QUESTION')))) throw new Error(`the offer's transcript lacks the question: ${JSON.stringify(offer.transcript)}`);
  result.webOffer = offer.context;

  step = 'the video call connects and the chat continues beside it';
  const mediaFlows = () => window.mvtmCallStats && window.mvtmCallStats.framesDecoded > 0 && window.mvtmCallStats.audioPacketsReceived > 0;
  await Promise.all([customer.waitForFunction(mediaFlows), advisor.waitForFunction(mediaFlows)]);
  await advisor.fill('#chat-input', '你好，我幫你凍結張卡。');
  await advisor.press('#chat-input', 'Enter');
  await customer.waitForFunction(() => [...document.querySelectorAll('#transcript li[data-speaker="ADVISOR"]')].some((li) => li.textContent.includes('凍結')));
  await Promise.all([customer.screenshot({ path: path.join(SHOTS, 'readme-journey-customer.png') }),
    advisor.screenshot({ path: path.join(SHOTS, 'readme-journey-agent.png') })]);

  step = `${env('ADVISOR')} hangs up, wraps up and is ${env('READY')} for the SIP call`;
  await hangUpAndWrapUp(advisor);
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
  if (await advisor.$eval('#presence-state', (p) => p.dataset.state) !== 'READY') await ready(advisor);
  console.log('READY FOR SIP');

  step = 'the README\'s baresip line reaches the advisor, who accepts';
  const sip = await accept(advisor);
  result.sipOffer = sip.context;
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state === 'BUSY');
  await advisor.waitForFunction(() => window.mvtmCallStats && window.mvtmCallStats.audioPacketsReceived > 0, null, { timeout: 60000 })
    .catch(() => {});
  result.sipAudioPacketsReceived = await advisor.evaluate(() => (window.mvtmCallStats ? window.mvtmCallStats.audioPacketsReceived : 0));
  await advisor.screenshot({ path: path.join(SHOTS, 'readme-journey-sip.png') });
  console.log('SIP CALL ANSWERED');

  step = `${env('ADVISOR')} hangs up the SIP call and wraps up`;
  await hangUpAndWrapUp(advisor);
  result.today = await advisor.$$eval('#today tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

finish(main, { ok: () => `README JOURNEY OK ${JSON.stringify(result)}`, failed: 'README JOURNEY FAILED',
  shots: 'readme-journey-failed', browsers, step: () => step });
