// PCI pause during a browser video call (issue 15), on a running server with the demo data (run by
// AdvisorsWorkingDayInBrowserTest, whose server it shares; it leaves alice Not ready and nobody waiting):
//   BASE_URL=http://127.0.0.1:8080 EXPORTS=/tmp/pci NODE_PATH=<repo>/tools/browser/node_modules \
//   node server/src/test/browser/pci-pause.js
// The advisor pauses the recording while the customer gives card details (spoken, and typed in the chat) and resumes;
// then the customer pauses from their page and the call ends while paused. The compliance officer then reads the
// recording's timeline and downloads each exported leg into EXPORTS. Prints "PCI RESULT <json>" (the recording, its
// pause marks, the redacted line, the legs with their files) for the Java test to check the export, then
// "PCI PAUSE OK", or every problem seen ("PROBLEM: ...") and "PCI PAUSE FAILED", exiting 1.
const fs = require('fs');
const path = require('path');
const { inCallSignIn, expectation, finish } = require('./harness.js');
const { takeBreak, hangUp, wrapUp, reachAdvisor, fromSealedRecording } = require('./consoles.js');

const EXPORTS = process.env.EXPORTS;
const CARD = '4111 1111 1111 1111';

let step = 'start';
const browsers = [];
const problems = [];
const expect = expectation(problems, () => step);

const signIn = inCallSignIn(browsers);

// the call goes on: n more audio packets reach the page
const morePackets = async (page, n) => {
  const at = await page.evaluate(() => window.mvtmCallStats.audioPacketsReceived);
  await page.waitForFunction(([from, k]) => window.mvtmCallStats.audioPacketsReceived > from + k, [at, n]);
};
const pciPaused = (page, paused) => page.waitForFunction((p) => document.body.dataset.pciPaused === String(p), paused);

async function main() {
  step = 'a customer reaches the advisor on video';
  const { customer, advisor } = await reachAdvisor(signIn, 'chan', 'yue', 'alice', 'video');
  await morePackets(customer, 100);

  step = 'the advisor pauses the recording for card details';
  await advisor.waitForSelector('#pci-pause:not([hidden])');
  await advisor.selectOption('#pci-reason', 'card details spoken');
  await advisor.click('#pci-pause');
  await pciPaused(advisor, true);
  expect((await advisor.textContent('#pci-status')).includes('alice'), `the advisor reads "${await advisor.textContent('#pci-status')}"`);
  await pciPaused(customer, true); // the customer's page learns it (it polls)
  expect((await customer.getAttribute('html', 'lang')) !== 'en' && !/[A-Za-z]{4,}/.test(await customer.textContent('#pci-status')),
    `the Cantonese customer reads "${await customer.textContent('#pci-status')}"`);

  step = 'the customer types their card number while paused, and the call goes on';
  await customer.fill('#chat-input', `my card is ${CARD}`);
  await customer.press('#chat-input', 'Enter');
  await advisor.waitForFunction((c) => document.querySelector('#transcript').textContent.includes(c), CARD);
  await Promise.all([morePackets(customer, 150), morePackets(advisor, 150)]);

  step = 'the advisor resumes';
  await advisor.click('#pci-pause');
  await pciPaused(advisor, false);
  await Promise.all([morePackets(customer, 150), morePackets(advisor, 150)]);

  step = 'a pause request that does not say "paused" is refused naming the field, from either side, and changes nothing';
  const withoutPaused = (page, url) => page.evaluate(async (u) => {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) ?? '=';
    const r = await fetch(u, { method: 'POST', credentials: 'same-origin', body: '{"reason":"card details"}',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(cookie.split('=')[1]) } });
    return { status: r.status, body: await r.json() };
  }, url);
  const interaction = await advisor.evaluate(() => window.mvtmDesk.selected().id);
  const conversation = await customer.evaluate(() => sessionStorage.getItem('mvtm.conversation'));
  for (const [page, url] of [[advisor, `/api/agent/interactions/${interaction}/pci-pause`],
    [customer, `/api/customer/conversations/${conversation}/pci-pause`]]) {
    const answer = await withoutPaused(page, url);
    expect(answer.status === 400 && answer.body.field === 'paused', `${url} answered ${JSON.stringify(answer)}`);
  }
  await pciPaused(advisor, false);

  step = 'the customer pauses from their page and the call ends while paused';
  await pciPaused(customer, false);
  await customer.click('#pci-pause');
  await pciPaused(customer, true);
  await Promise.all([morePackets(customer, 150), morePackets(advisor, 150)]);
  await hangUp(advisor);
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
  expect(await customer.$eval('#pci-pause', (b) => b.hidden), 'the customer still sees the pause button after the end');
  await wrapUp(advisor);
  await takeBreak(advisor); // a quiet floor for the next scenario on this server (AdvisorsWorkingDayInBrowserTest)

  step = 'the compliance officer reads the timeline and downloads the legs';
  const officer = await signIn('connie', '/compliance');
  const found = await fromSealedRecording(officer, { purpose: 'PCI pause test', attempts: 120 }, async ({ id, timeline, get }) =>
    timeline.some((e) => e.kind === 'RECORDING_PAUSED') && { id, timeline, legs: await get(`/api/compliance/recordings/${id}/legs`) });
  if (!found) throw new Error('no sealed recording with a PCI pause');
  const legs = [];
  for (const leg of found.legs) {
    const bytes = await officer.evaluate(async ([id, legId]) => {
      const r = await fetch(`/api/compliance/recordings/${id}/media/${encodeURIComponent(legId)}`, { headers: { 'X-Purpose': 'PCI pause test' } });
      const b = new Uint8Array(await r.arrayBuffer());
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(s);
    }, [found.id, leg.legId]);
    const file = path.join(EXPORTS, `${leg.legId.replace(/[^\w.-]/g, '_')}.webm`);
    fs.writeFileSync(file, Buffer.from(bytes, 'base64'));
    legs.push({ legId: leg.legId, party: leg.party, firstPacketAt: leg.firstPacketAt, file });
  }
  const marks = found.timeline.filter((e) => e.kind === 'RECORDING_PAUSED' || e.kind === 'RECORDING_RESUMED')
    .map((e) => ({ at: e.at, kind: e.kind, actor: e.actor, party: e.attributes.party, reason: e.attributes.reason }));
  const lines = found.timeline.filter((e) => e.kind === 'CUSTOMER_MESSAGE' && new Date(e.at) >= new Date(marks[0].at))
    .map((e) => ({ text: e.text, redacted: e.attributes.redacted || '' }));
  expect(!JSON.stringify(found.timeline).includes('4111'), 'the card number is in the recording\'s timeline');
  console.log(`PCI RESULT ${JSON.stringify({ recording: found.id, marks, lines, legs })}`);
}

finish(main, { ok: 'PCI PAUSE OK', failed: 'PCI PAUSE FAILED', shots: 'pci-pause-failed', browsers, step: () => step, problems });
