// A customer in Firefox ESR and an advisor in Chromium in a video call through the embedded relay (issue 14 item 2).
//   BASE_URL=http://127.0.0.1:8080 NODE_PATH=<repo>/tools/browser/node_modules node server/src/test/browser/firefox-customer-video.js
// Firefox offers max-bundle (m=video 0 ... a=bundle-only) and checks only its network addresses; the relay must
// answer the bundle-only video and be reachable on a network address. Both pages must decode video (frames
// advancing, bytes growing) and receive audio with energy; then the advisor hangs up and wraps up, and the
// advisor shares her screen (issue 22) and the Firefox page decodes it on its own track; the compliance officer's API
// lists a recording whose customer and advisor legs and the advisor's screen leg all carry video.
// With MODE=failure the server advertises only 127.0.0.1, which Firefox never checks: both pages must show that the
// media connection failed (not "Waiting for media…") and keep saying so while their statistics are slow, the
// advisor's Retry must make both pages offer again, and Hang up must end the call on both sides.
// Prints "FIREFOX VIDEO OK {...}" and exits 0, or the failing step and exits 1.
const path = require('path');
const { launch, launchFirefox, SHOTS, T, signInOn, finish } = require('./harness.js');

const CUSTOMER = process.env.CUSTOMER_USER || 'li';
const ADVISOR = process.env.ADVISOR_USER || 'alice';
const OFFICER = process.env.COMPLIANCE_USER || 'shen';
const MODE = process.env.MODE || 'video';

let step = 'start';
const browsers = [];
const result = {};

async function signIn(browser, user, home) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(T);
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[${user} console] ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${user} pageerror] ${e.message}`));
  return signInOn(page, user, home);
}

const stats = (page) => page.evaluate(() => ({ ...window.mvtmCallStats }));

async function main() {
  step = 'customer signs in with Firefox and asks for a person on video';
  const firefox = await launchFirefox();
  browsers.push(firefox);
  const customer = await signIn(firefox, CUSTOMER, '/customer');
  result.customerBrowser = await customer.evaluate(() => navigator.userAgent);
  if (!/Firefox/.test(result.customerBrowser)) throw new Error(`customer page is not Firefox: ${result.customerBrowser}`);
  await customer.click('button[data-language="yue"]');
  await customer.waitForSelector('#transcript li[data-speaker="BOT"]');
  await customer.fill('#chat-input', '我張信用卡唔見咗 card');
  await customer.press('#chat-input', 'Enter');
  await customer.waitForFunction(() => document.querySelectorAll('#transcript li[data-speaker="BOT"]').length >= 2);
  await customer.click('#ask-video');
  await customer.waitForFunction(() => document.body.dataset.status === 'QUEUED');

  step = 'advisor signs in with Chromium, goes ready and accepts';
  const chromium = await launch();
  browsers.push(chromium);
  const advisor = await signIn(chromium, ADVISOR, '/agent');
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state);
  await advisor.selectOption('#presence', 'READY');
  await advisor.click('#presence-form button[type=submit]');
  await advisor.waitForSelector('#offer:not([hidden])');
  await advisor.click('#accept');
  await advisor.waitForSelector('#call:not([hidden])');

  if (MODE === 'failure') return failure(customer, advisor);

  step = 'both pages decode video and receive audio';
  const flowing = () => window.mvtmCallStats && window.mvtmCallStats.framesDecoded > 0
    && window.mvtmCallStats.audioPacketsReceived > 0 && window.mvtmCallStats.audioEnergy > 0;
  await Promise.all([customer.waitForFunction(flowing), advisor.waitForFunction(flowing)]);
  const first = { customer: await stats(customer), advisor: await stats(advisor) };

  step = 'video frames keep advancing and bytes keep growing on both sides';
  // the stats are sampled once a second: wait until both pages report a later sample that moved on
  const movedOn = (before) => window.mvtmCallStats.framesDecoded > before.framesDecoded
    && window.mvtmCallStats.videoBytesReceived > before.videoBytesReceived
    && window.mvtmCallStats.audioPacketsReceived > before.audioPacketsReceived
    && window.mvtmCallStats.audioBytesReceived > before.audioBytesReceived;
  await Promise.all([customer.waitForFunction(movedOn, first.customer), advisor.waitForFunction(movedOn, first.advisor)]);
  result.first = first;
  result.later = { customer: await stats(customer), advisor: await stats(advisor) };
  result.customerQuality = await customer.textContent('#quality');
  await Promise.all([customer.screenshot({ path: path.join(SHOTS, 'firefox-customer-video.png') }),
    advisor.screenshot({ path: path.join(SHOTS, 'firefox-customer-video-advisor.png') })]);

  step = 'the advisor shares her screen and the Firefox customer decodes it on a track of its own';
  await advisor.click('#screen-share');
  await advisor.waitForSelector('#screen-share[aria-pressed="true"]');
  await customer.waitForFunction(() => document.body.dataset.screenShare === 'on' && window.mvtmScreenStats.framesDecoded > 10);
  result.screenFramesDecoded = await customer.evaluate(() => window.mvtmScreenStats.framesDecoded);

  step = 'advisor hangs up and wraps up';
  await advisor.click('#hangup');
  await advisor.waitForSelector('#wrapup:not([hidden])');
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
  await advisor.selectOption('#wrapup-code', 'CARD_BLOCKED');
  await advisor.click('#wrapup-form button[type=submit]');
  await advisor.waitForSelector('#today tbody tr[data-code="CARD_BLOCKED"]');

  step = 'the recording has the video of both legs';
  const officer = await signIn(chromium, OFFICER, '/compliance');
  const purpose = { 'X-Purpose': 'quality check of a Firefox video call' };
  let legs = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    legs = await officer.evaluate(async ({ customer, headers }) => {
      const get = async (url) => {
        const r = await fetch(url, { headers: { Accept: 'application/json', ...headers } });
        if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
        return r.json();
      };
      const rows = await get(`/api/compliance/recordings?customer=${encodeURIComponent(customer)}`);
      const video = rows.filter((r) => r.metadata.channel === 'VIDEO');
      if (video.length === 0 || video[0].state === 'RECORDING') return [];
      return get(`/api/compliance/recordings/${video[0].id.value}/legs`);
    }, { customer: CUSTOMER, headers: purpose });
    if (legs.length >= 3) break;
    await officer.waitForTimeout(1000);
  }
  result.legs = legs.map((l) => ({ party: l.party, kind: l.kind, mediaType: l.mediaType, packets: l.packets,
    kinds: [...new Set(l.payloadTypes.map((p) => p.kind))] }));
  for (const party of ['customer', 'advisor']) {
    const leg = result.legs.find((l) => l.party === party);
    if (!leg || leg.mediaType !== 'video/webm' || !leg.kinds.includes('VIDEO') || leg.packets <= 0) {
      throw new Error(`recording has no video for the ${party} leg: ${JSON.stringify(result.legs)}`);
    }
  }
}

// Each page's statistics take 1.5 s from now on, as on a loaded machine: a sample that is still gathering when the
// failure comes must not write its quality line over it (CI run 45: one page went on waiting for the second failure).
const slowStats = (page) => page.evaluate(() => {
  const getStats = RTCPeerConnection.prototype.getStats;
  RTCPeerConnection.prototype.getStats = function slow(...args) {
    return new Promise((resolve) => { setTimeout(resolve, 1500); }).then(() => getStats.apply(this, args));
  };
});

// the failure is shown, and still shown after the samples that were under way when it came have finished
async function bothSayFailed(customer, advisor) {
  const failed = () => document.querySelector('#quality').dataset.level === 'failed';
  await Promise.all([customer.waitForFunction(failed), advisor.waitForFunction(failed)]);
  await new Promise((resolve) => { setTimeout(resolve, 2500); });
  for (const [who, page] of [['customer', customer], ['advisor', advisor]]) {
    const level = await page.evaluate(() => document.querySelector('#quality').dataset.level);
    if (level !== 'failed') throw new Error(`the ${who}'s page showed the failure, then "${level}" 2.5 s later`);
  }
}

async function failure(customer, advisor) {
  step = 'both pages say the media connection failed, and go on saying so';
  await Promise.all([slowStats(customer), slowStats(advisor)]);
  await bothSayFailed(customer, advisor);
  await advisor.waitForSelector('#media-retry:not([hidden])');
  result.customerSays = await customer.textContent('#quality');
  result.advisorSays = await advisor.textContent('#quality');
  await Promise.all([customer.screenshot({ path: path.join(SHOTS, 'firefox-media-failed-customer.png') }),
    advisor.screenshot({ path: path.join(SHOTS, 'firefox-media-failed-advisor.png') })]);

  step = 'the advisor retries: both pages offer again';
  await customer.evaluate(() => { window.mvtmFirstCall = window.mvtmCallStats; });
  await advisor.evaluate(() => { window.mvtmFirstCall = window.mvtmCallStats; });
  await advisor.click('#media-retry');
  const restarted = () => window.mvtmCallStats !== window.mvtmFirstCall;
  await Promise.all([customer.waitForFunction(restarted), advisor.waitForFunction(restarted)]);
  await advisor.waitForSelector('#media-retry', { state: 'hidden' });
  for (const [who, page] of [['customer', customer], ['advisor', advisor]]) {
    const level = await page.evaluate(() => document.querySelector('#quality').dataset.level);
    if (level !== 'none') throw new Error(`after the Retry the ${who}'s page says "${level}", not that it waits for media`);
  }
  step = 'the retried call fails again (the relay is still unreachable) and says so';
  await bothSayFailed(customer, advisor);
  result.retriedCustomerSays = await customer.textContent('#quality');

  step = 'the advisor hangs up instead';
  await advisor.click('#hangup');
  await advisor.waitForSelector('#wrapup:not([hidden])');
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
  console.log(`FIREFOX VIDEO OK ${JSON.stringify(result)}`);
}

finish(main, { ok: () => `FIREFOX VIDEO OK ${JSON.stringify(result)}`, failed: 'FIREFOX VIDEO FAILED',
  shots: 'firefox-video-failed', browsers, step: () => step });
