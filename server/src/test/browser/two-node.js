// Two mVTM nodes sharing Redis: the advisor works on node A, the customer arrives on node B.
//   NODE_A=http://127.0.0.1:8080 NODE_B=http://127.0.0.1:8081 NODE_PATH=<repo>/tools/browser/node_modules \
//   node server/src/test/browser/two-node.js
// Phase "call" (default): the customer on B is offered to the advisor on A, they see and hear each other through one
// relay and chat across the nodes. Phase "failover" (PHASE=failover, FRONT_DOOR = a load balancer preferring node A):
// through the front door (node A) Alice takes Li's video call and Chan, then Smith, wait; the caller kills node A
// ("go <kill time in ms>" on stdin); every page reconnects through the front door to node B, the video call has media
// again through B's relay (measured from the kill) and Chan and Smith are back in the queue at their places; prints
// "REHOMED {...}"; the caller's advisors on B take them ("connected" on stdin) and both pages show their advisor.
// Prints "TWO-NODE OK {...}" and exits 0, or the failing step and exits 1.
const path = require('path');
const { SHOTS, openPage, signInOn, nextLine } = require('./harness.js');
const { chooseLanguage, choosePresence, acceptOffer, chatLine, mediaFlows } = require('./consoles.js');

const A = process.env.NODE_A;
const B = process.env.NODE_B;
const PHASE = process.env.PHASE || 'call';
const FRONT = process.env.FRONT_DOOR;

let step = 'start';
const browsers = [];
const result = { phase: PHASE };

// signs `user` in at the node (or front door) `base`, on a browser of their own
const signIn = async (base, user, home) => signInOn(await openPage(browsers, user), user, home, { base });

async function customerAsksForVideo(base, user = 'li') {
  const customer = await signIn(base, user, '/customer');
  await chooseLanguage(customer, 'yue');
  await customer.click('#ask-video');
  await customer.waitForFunction(() => document.body.dataset.status === 'QUEUED');
  return customer;
}

async function call() {
  step = 'advisor signs in on node A and goes ready';
  const advisor = await signIn(A, 'alice', '/agent');
  await choosePresence(advisor, 'READY');

  step = 'customer on node B asks for a person on video';
  const customer = await customerAsksForVideo(B);

  step = 'the advisor on node A gets the offer for the customer on node B';
  await acceptOffer(advisor);
  await advisor.waitForSelector('#call:not([hidden])');

  step = 'customer and advisor see and hear each other across the nodes';
  await Promise.all([customer.waitForFunction(mediaFlows), advisor.waitForFunction(mediaFlows)]);
  result.customerStats = await customer.evaluate(() => ({ ...window.mvtmCallStats }));
  result.advisorStats = await advisor.evaluate(() => ({ ...window.mvtmCallStats }));

  step = 'chat crosses the nodes both ways';
  await chatLine(advisor, customer, 'ADVISOR', 'Hello from node A');
  await chatLine(customer, advisor, 'CUSTOMER', 'Hello from node B');
  await Promise.all([customer.screenshot({ path: path.join(SHOTS, 'two-node-customer-B.png') }),
    advisor.screenshot({ path: path.join(SHOTS, 'two-node-advisor-A.png') })]);

  step = 'advisor hangs up and the customer on node B sees the end';
  await advisor.click('#hangup');
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
}

// the customer's place as the page shows it, on a socket opened after the one it had when node A was killed
const backInQueueAt = (page, place) => page.waitForFunction((p) => window.mvtmSocket.ws !== window.socketBeforeKill
  && window.mvtmSocket.ws.readyState === 1 && document.body.dataset.status === 'QUEUED'
  && document.getElementById('status').dataset.position === String(p), place, { timeout: 90000 });
// media of a call started again after the kill (media-rehome.js): both directions flowing on the new connection
const flowingAgain = (page) => page.waitForFunction(() => window.mvtmMediaRehomes > 0 && window.mvtmCallStats.framesDecoded > 0
  && window.mvtmCallStats.audioPacketsReceived > 0, null, { timeout: 90000 });

async function failover() {
  step = 'through the front door (node A) Alice takes Li\'s video call';
  const advisor = await signIn(FRONT, 'alice', '/agent');
  await choosePresence(advisor, 'READY');
  const li = await customerAsksForVideo(FRONT, 'li');
  await acceptOffer(advisor);
  await Promise.all([li.waitForFunction(mediaFlows), advisor.waitForFunction(mediaFlows)]);

  step = 'Chan, then Smith, wait for a video call with nobody free';
  const chan = await customerAsksForVideo(FRONT, 'chan');
  await chan.waitForFunction(() => document.getElementById('status').dataset.position === '1');
  const smith = await customerAsksForVideo(FRONT, 'smith');
  await smith.waitForFunction(() => document.getElementById('status').dataset.position === '2');
  await Promise.all([advisor, li, chan, smith].map((p) => p.evaluate(() => { window.socketBeforeKill = window.mvtmSocket?.ws; })));
  console.log('WAITING'); // the test kills node A now

  const killedAt = Number((await nextLine()).split(' ')[1]);
  step = 'node A was killed: the video call has media again through node B';
  await Promise.all([flowingAgain(li), flowingAgain(advisor)]);
  result.mediaBackMs = Date.now() - killedAt;
  result.customerStats = await li.evaluate(() => ({ ...window.mvtmCallStats }));
  result.advisorStats = await advisor.evaluate(() => ({ ...window.mvtmCallStats }));

  step = 'Chan and Smith are back in the queue on node B at their places';
  await Promise.all([backInQueueAt(chan, 1), backInQueueAt(smith, 2)]);
  result.waitingBackMs = Date.now() - killedAt;
  result.transcriptKept = await chan.evaluate(() => document.querySelectorAll('#transcript li[data-speaker="BOT"]').length > 0);
  console.log(`REHOMED ${JSON.stringify(result)}`);

  await nextLine(); // the test's advisors on node B have taken them
  step = 'Chan and Smith are connected with the advisors of node B';
  await Promise.all([chan, smith].map((p) => p.waitForFunction(() => document.body.dataset.status === 'CONNECTED')));
  result.chanWith = await chan.evaluate(() => document.getElementById('status').textContent);
  result.smithWith = await smith.evaluate(() => document.getElementById('status').textContent);
  await advisor.click('#hangup');
  await li.waitForFunction(() => document.body.dataset.status === 'ENDED');
}

(PHASE === 'failover' ? failover() : call()).then(async () => {
  console.log(`TWO-NODE OK ${JSON.stringify(result)}`);
  await Promise.all(browsers.map((b) => b.close()));
  process.exit(0);
}).catch(async (e) => {
  console.log(`TWO-NODE FAILED at "${step}": ${e.message}`);
  for (const b of browsers) {
    const state = await b.context.pages()[0]?.evaluate(() => ({ url: location.href, status: document.body.dataset.status,
      rehomes: window.mvtmMediaRehomes, stats: window.mvtmCallStats })).catch((err) => err.message);
    console.log(`page ${JSON.stringify(state)}`);
  }
  await Promise.all(browsers.map((b, i) => b.context.pages()[0]?.screenshot({ path: path.join(SHOTS, `two-node-failed-${i}.png`) }).catch(() => {})));
  await Promise.all(browsers.map((b) => b.close().catch(() => {})));
  process.exit(1);
});
