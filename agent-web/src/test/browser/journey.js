// The whole contact journey in headless Chromium against a running mVTM web tier.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOTS=target/screenshots NODE_PATH=<repo>/tools/browser/node_modules \
//   node agent-web/src/test/browser/journey.js
// Users (override with env): customer chan, Cantonese advisor ada, supervisor sam, HK compliance officer hkcomp,
// all with PASSWORD. Prints "JOURNEY OK {...}" and exits 0, or prints the failing step and exits 1.
const path = require('path');
const fs = require('fs');
const repo = process.env.MVTM_REPO || path.resolve(__dirname, '../../..');
const { launch } = require(path.join(repo, 'tools/browser/launch.js'));

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080';
const SHOTS = process.env.SCREENSHOTS || path.join(repo, 'agent-web/target/screenshots');
const PASSWORD = process.env.PASSWORD || 'correct-horse-42';
const USERS = {
  customer: process.env.CUSTOMER_USER || 'chan',
  advisor: process.env.ADVISOR_USER || 'ada',
  supervisor: process.env.SUPERVISOR_USER || 'sam',
  compliance: process.env.COMPLIANCE_USER || 'hkcomp',
};
const ADVISOR_ID = process.env.ADVISOR_ID || 'agent-'; // the advisor's routing id, or a prefix of it
// a step's limit: on two busy cores (a clean-clone CI run) this journey took about three times as long as alone
const T = 60000;
fs.mkdirSync(SHOTS, { recursive: true });

let step = 'start';
const browsers = [];
const result = {};

async function signIn(user, home) {
  const browser = await launch();
  browsers.push(browser);
  const page = browser.context.pages()[0] || await browser.context.newPage();
  page.setDefaultTimeout(T);
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[${user} console] ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${user} pageerror] ${e.message}`));
  await page.goto(`${BASE}/login`);
  if (user === USERS.customer) {
    // the Cantonese customer reads Traditional Chinese; the choice is remembered for the customer page
    await page.click('#langs button[lang="zh-Hant"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await shot(page, 'login-zh-Hant');
  }
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`**${home}`), page.click('#login-form button[type=submit]')]);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

// every screenshot is also a check that no page shows an unformatted value
async function shot(page, name) {
  const text = await page.evaluate(() => document.body.innerText);
  if (/\[object Object\]|undefined|NaN/.test(text)) throw new Error(`${name} shows a raw value: ${text.slice(0, 400)}`);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
const lines = (page, speaker) => page.$$eval(`#transcript li[data-speaker="${speaker}"] .text`, (els) => els.map((e) => e.textContent));

async function main() {
  step = 'customer signs in and chats in Cantonese';
  const customer = await signIn(USERS.customer, '/customer');
  await customer.click('button[data-language="yue"]');
  await customer.waitForSelector('#transcript li[data-speaker="BOT"]');
  await customer.fill('#chat-input', '我張信用卡唔見咗，點算好？ card');
  await customer.press('#chat-input', 'Enter');
  await customer.waitForFunction(() => document.querySelectorAll('#transcript li[data-speaker="BOT"]').length >= 2);
  result.botLines = await lines(customer, 'BOT');

  step = 'customer asks for a person on video';
  await customer.click('#ask-video');
  await customer.waitForFunction(() => document.body.dataset.status === 'QUEUED');
  await shot(customer, 'customer-queued');

  step = 'Cantonese advisor signs in and goes ready';
  const advisor = await signIn(USERS.advisor, '/agent');
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state);
  await advisor.selectOption('#presence', 'READY');
  await advisor.click('#presence-form button[type=submit]');

  step = 'advisor gets the offer with the customer context';
  await advisor.waitForSelector('#offer:not([hidden])');
  const context = await advisor.textContent('#offer-context');
  if (!/PREMIER/.test(context)) throw new Error(`offer context lacks the tier: ${context}`);
  await shot(advisor, 'agent-offer');
  await advisor.click('#accept');
  await advisor.waitForSelector('#call:not([hidden])');

  step = 'customer and advisor see and hear each other';
  const mediaFlows = () => window.mvtmCallStats && window.mvtmCallStats.framesDecoded > 0 && window.mvtmCallStats.audioPacketsReceived > 0;
  await Promise.all([customer.waitForFunction(mediaFlows), advisor.waitForFunction(mediaFlows)]);
  result.customerStats = await customer.evaluate(() => ({ ...window.mvtmCallStats }));
  result.advisorStats = await advisor.evaluate(() => ({ ...window.mvtmCallStats }));

  step = 'they exchange chat messages';
  await advisor.fill('#chat-input', '你好，我係Ada，而家幫你凍結張信用卡。');
  await advisor.press('#chat-input', 'Enter');
  await customer.waitForFunction(() => [...document.querySelectorAll('#transcript li[data-speaker="ADVISOR"]')].some((li) => li.textContent.includes('Ada')));
  await customer.fill('#chat-input', '唔該晒，麻煩你');
  await customer.press('#chat-input', 'Enter');
  await advisor.waitForFunction(() => [...document.querySelectorAll('#transcript li[data-speaker="CUSTOMER"]')].some((li) => li.textContent.includes('唔該晒')));

  step = 'the advisor console survives a dropped connection';
  await advisor.evaluate(() => window.mvtmSocket.ws.close());
  await advisor.waitForFunction(() => document.querySelector('#link').dataset.state === 'offline' || document.querySelector('#link').dataset.state === 'connecting');
  await advisor.waitForFunction(() => document.querySelector('#link').dataset.state === 'online');
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state === 'BUSY');
  await advisor.waitForSelector('#call:not([hidden])');
  await Promise.all([shot(customer, 'customer-call'), shot(advisor, 'agent-call')]);

  step = 'advisor hangs up and wraps up';
  await advisor.click('#hangup');
  await advisor.waitForSelector('#wrapup:not([hidden])');
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
  await advisor.selectOption('#wrapup-code', 'CARD_BLOCKED');
  await advisor.fill('#wrapup-notes', 'Card blocked, replacement ordered');
  await advisor.click('#wrapup-form button[type=submit]');
  await advisor.waitForSelector('#today tbody tr[data-code="CARD_BLOCKED"]');
  result.interactionId = await advisor.getAttribute('#today tbody tr[data-code="CARD_BLOCKED"]', 'data-interaction');
  await shot(advisor, 'agent-wrapup');

  step = 'supervisor sees the floor and the routing explanation';
  const supervisor = await signIn(USERS.supervisor, '/supervisor');
  await supervisor.waitForSelector('#advisors tbody tr');
  await supervisor.fill('#explain-id', result.interactionId);
  await supervisor.click('#explain-form button[type=submit]');
  await supervisor.waitForSelector('#explanation article');
  const explanation = await supervisor.textContent('#explanation');
  if (!explanation.includes(ADVISOR_ID)) throw new Error(`explanation does not name the advisor: ${explanation}`);
  await shot(supervisor, 'supervisor');

  step = 'compliance officer finds the session by customer';
  const officer = await signIn(USERS.compliance, '/compliance');
  await officer.fill('#purpose', 'complaint HK-2026-114');
  await officer.fill('input[name="customer"]', USERS.customer);
  await searchUntilFound(officer);
  step = 'compliance officer finds the session by a word of the chat';
  await officer.fill('input[name="customer"]', '');
  await officer.fill('input[name="text"]', '信用卡');
  await searchUntilFound(officer);

  step = 'compliance officer replays it and the replay is audited';
  await officer.click('#results tbody tr button.replay');
  await officer.waitForSelector('#player:not([hidden])');
  await officer.waitForFunction(() => {
    const videos = [...document.querySelectorAll('#legs video')];
    return videos.length >= 2 && videos.every((v) => v.readyState >= 1);
  });
  await officer.click('#play');
  await officer.click('#verify');
  await officer.waitForSelector('#integrity[data-ok="true"]');
  await officer.waitForSelector('#audit tbody tr[data-action="REPLAY"]');
  result.timeline = await officer.$$eval('#timeline li .text', (els) => els.map((e) => e.textContent));
  await shot(officer, 'compliance');
  console.log(`JOURNEY OK ${JSON.stringify(result)}`);
}

// searches again until the recording is sealed and indexed, for up to 90 s
async function searchUntilFound(page) {
  for (const deadline = Date.now() + 90000; Date.now() < deadline;) {
    await page.click('#search-form button[type=submit]');
    try {
      await page.waitForSelector('#results tbody tr', { timeout: 1000 });
      return;
    } catch { /* recording not sealed and indexed yet */ }
  }
  throw new Error('no recording found in 90 s');
}

main().then(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  process.exit(0);
}).catch(async (e) => {
  console.log(`JOURNEY FAILED at "${step}": ${e.message}`);
  await Promise.all(browsers.map((b) => b.context.pages()[0]?.screenshot({ path: path.join(SHOTS, `failed-${browsers.indexOf(b)}.png`) }).catch(() => {})));
  await Promise.all(browsers.map((b) => b.close().catch(() => {})));
  process.exit(1);
});
