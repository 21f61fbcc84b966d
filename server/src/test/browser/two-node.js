// Two mVTM nodes sharing Redis: the advisor works on node A, the customer arrives on node B.
//   NODE_A=http://127.0.0.1:8080 NODE_B=http://127.0.0.1:8081 NODE_PATH=<repo>/tools/browser/node_modules \
//   node server/src/test/browser/two-node.js
// Phase "call" (default): the customer on B is offered to the advisor on A, they see and hear each other through one
// relay and chat across the nodes. Phase "failover" (PHASE=failover): the customer waits on B with nobody ready; the
// caller stops node A; the advisor signs in on B and gets the customer who waited.
// Prints "TWO-NODE OK {...}" and exits 0, or the failing step and exits 1.
const path = require('path');
const fs = require('fs');
const repo = process.env.MVTM_REPO || path.resolve(__dirname, '../../..');
const { launch } = require(path.join(repo, 'tools/browser/launch.js'));

const A = process.env.NODE_A;
const B = process.env.NODE_B;
const PHASE = process.env.PHASE || 'call';
const PASSWORD = process.env.PASSWORD || 'demo1234';
const SHOTS = process.env.SCREENSHOTS || path.join(repo, 'server/target/screenshots');
const T = 45000;
fs.mkdirSync(SHOTS, { recursive: true });

let step = 'start';
const browsers = [];
const result = { phase: PHASE };

async function signIn(base, user, home) {
  const browser = await launch();
  browsers.push(browser);
  const page = browser.context.pages()[0] || await browser.context.newPage();
  page.setDefaultTimeout(T);
  page.on('pageerror', (e) => console.log(`[${user} pageerror] ${e.message}`));
  await page.goto(`${base}/login`);
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`**${home}`), page.click('#login-form button[type=submit]')]);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function ready(advisor) {
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state);
  await advisor.selectOption('#presence', 'READY');
  await advisor.click('#presence-form button[type=submit]');
}

async function customerAsksForVideo(base) {
  const customer = await signIn(base, 'li', '/customer');
  await customer.click('button[data-language="yue"]');
  await customer.waitForSelector('#transcript li[data-speaker="BOT"]');
  await customer.click('#ask-video');
  await customer.waitForFunction(() => document.body.dataset.status === 'QUEUED');
  return customer;
}

const mediaFlows = () => window.mvtmCallStats && window.mvtmCallStats.framesDecoded > 0 && window.mvtmCallStats.audioPacketsReceived > 0;

async function call() {
  step = 'advisor signs in on node A and goes ready';
  const advisor = await signIn(A, 'alice', '/agent');
  await ready(advisor);

  step = 'customer on node B asks for a person on video';
  const customer = await customerAsksForVideo(B);

  step = 'the advisor on node A gets the offer for the customer on node B';
  await advisor.waitForSelector('#offer:not([hidden])');
  await advisor.click('#accept');
  await advisor.waitForSelector('#call:not([hidden])');

  step = 'customer and advisor see and hear each other across the nodes';
  await Promise.all([customer.waitForFunction(mediaFlows), advisor.waitForFunction(mediaFlows)]);
  result.customerStats = await customer.evaluate(() => ({ ...window.mvtmCallStats }));
  result.advisorStats = await advisor.evaluate(() => ({ ...window.mvtmCallStats }));

  step = 'chat crosses the nodes both ways';
  await advisor.fill('#chat-input', 'Hello from node A');
  await advisor.press('#chat-input', 'Enter');
  await customer.waitForFunction(() => [...document.querySelectorAll('#transcript li[data-speaker="ADVISOR"]')].some((li) => li.textContent.includes('node A')));
  await customer.fill('#chat-input', 'Hello from node B');
  await customer.press('#chat-input', 'Enter');
  await advisor.waitForFunction(() => [...document.querySelectorAll('#transcript li[data-speaker="CUSTOMER"]')].some((li) => li.textContent.includes('node B')));
  await Promise.all([customer.screenshot({ path: path.join(SHOTS, 'two-node-customer-B.png') }),
    advisor.screenshot({ path: path.join(SHOTS, 'two-node-advisor-A.png') })]);

  step = 'advisor hangs up and the customer on node B sees the end';
  await advisor.click('#hangup');
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
}

async function failover() {
  step = 'customer on node B waits with nobody ready';
  const customer = await customerAsksForVideo(B);
  console.log('WAITING');  // the test stops node A now
  step = 'node A is stopped; the advisor signs in on node B';
  await new Promise((resolve) => {
    process.stdin.once('data', resolve);
  });
  const advisor = await signIn(B, 'alice', '/agent');
  await ready(advisor);
  step = 'the customer who waited is offered and connects';
  await advisor.waitForSelector('#offer:not([hidden])');
  await advisor.click('#accept');
  await Promise.all([customer.waitForFunction(mediaFlows), advisor.waitForFunction(mediaFlows)]);
  await advisor.click('#hangup');
}

(PHASE === 'failover' ? failover() : call()).then(async () => {
  console.log(`TWO-NODE OK ${JSON.stringify(result)}`);
  await Promise.all(browsers.map((b) => b.close()));
  process.exit(0);
}).catch(async (e) => {
  console.log(`TWO-NODE FAILED at "${step}": ${e.message}`);
  await Promise.all(browsers.map((b, i) => b.context.pages()[0]?.screenshot({ path: path.join(SHOTS, `two-node-failed-${i}.png`) }).catch(() => {})));
  await Promise.all(browsers.map((b) => b.close().catch(() => {})));
  process.exit(1);
});
