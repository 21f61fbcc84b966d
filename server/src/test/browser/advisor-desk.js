// The advisor's working day on the console (issue 16 items 1, 6 and 7), one scenario per run, on a running server
// with the demo data:
//   SCENARIO=three-at-once BASE_URL=http://127.0.0.1:8080 NODE_PATH=<repo>/tools/browser/node_modules \
//   node server/src/test/browser/advisor-desk.js
// Scenarios: three-at-once (a video call and two chats at once, each answered in its own tab, Alt+digit switching),
// wrap-up (a queue that requires its wrap-up: Ready refused naming the field, then the code and notes kept and found
// by compliance), supervisor (the board's current interactions, a forced Not ready with its reason, a waiting
// customer moved to another queue). Each leaves its advisors Not ready and nobody waiting. Prints
// "ADVISOR DESK OK <scenario>" and exits 0, or every problem it saw ("PROBLEM: ...") and "ADVISOR DESK FAILED".
const path = require('path');
const { SHOTS, inCallSignIn, expectation, finish } = require('./harness.js');
const { chooseLanguage, choosePresence, takeBreak, mediaFlows } = require('./consoles.js');

const SCENARIO = process.env.SCENARIO;

let step = 'start';
const browsers = [];
const problems = [];
const expect = expectation(problems, () => step);

const signIn = inCallSignIn(browsers);

async function customerWithBot(user, language) {
  const page = await signIn(user, '/customer');
  await chooseLanguage(page, language);
  return page;
}

async function ready(advisor) {
  await choosePresence(advisor, 'READY');
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state === 'READY');
}
const frames = (page) => page.evaluate(() => window.mvtmCallStats.framesDecoded);
const tabOf = (advisor, name) => advisor.$$eval('#tabs button[role=tab]', (tabs, n) => {
  const tab = tabs.find((b) => b.querySelector('.tab-name').textContent.includes(n));
  return tab && { id: tab.dataset.interaction, selected: tab.getAttribute('aria-selected') === 'true', unread: Number(tab.dataset.unread) };
}, name);

// the customer asks for a person; the advisor (already busy with others) is offered them and accepts
async function reach(advisor, customer, button, name) {
  await customer.click(button);
  await advisor.waitForFunction((n) => !document.querySelector('#offer').hidden
    && document.querySelector('#offer-context').textContent.includes(n), name);
  await advisor.click('#accept');
  await advisor.waitForFunction((n) => [...document.querySelectorAll('#tabs button[role=tab][aria-selected=true] .tab-name')]
    .some((e) => e.textContent.includes(n)), name);
  await customer.waitForFunction(() => document.body.dataset.status === 'CONNECTED');
}

async function customerSays(customer, advisor, text) {
  await customer.fill('#chat-input', text);
  await customer.press('#chat-input', 'Enter');
  await customer.waitForFunction((t) => [...document.querySelectorAll('#transcript li[data-speaker="CUSTOMER"]')].some((l) => l.textContent.includes(t)), text);
}

const lines = (page, speaker) => page.$$eval(`#transcript li[data-speaker="${speaker}"] .text`, (l) => l.map((e) => e.textContent));

async function reply(advisor, text) {
  await advisor.fill('#chat-input', text);
  await advisor.press('#chat-input', 'Enter');
  await advisor.waitForFunction((t) => [...document.querySelectorAll('#transcript li[data-speaker="ADVISOR"]')].some((l) => l.textContent.includes(t)), text);
}

async function hangUpAndWrapUp(advisor, customer, name, code = 'RESOLVED', notes = '') {
  const tab = await tabOf(advisor, name);
  if (!tab.selected) await advisor.click(`#tab-${tab.id}`);
  await advisor.click('#hangup');
  await advisor.waitForSelector(`#wrapup:not([hidden])[data-interaction="${tab.id}"]`);
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
  await advisor.selectOption('#wrapup-code', code);
  await advisor.fill('#wrapup-notes', notes);
  await advisor.click('#wrapup-form button[type=submit]');
  await advisor.waitForFunction((id) => !document.querySelector(`#tab-${id}`), tab.id);
}

const scenarios = {
  // item 1: one video call and two chats at once; each customer receives only the reply meant for them, the video
  // keeps flowing while the advisor works the chats, Alt+digit switches tabs, unread marks and drafts per tab
  async 'three-at-once'() {
    step = 'three customers talk to the assistant; Frank (Cantonese, Mandarin, English) is Ready';
    const [chan, li, smith] = await Promise.all([customerWithBot('chan', 'yue'), customerWithBot('li', 'zh'), customerWithBot('smith', 'en')]);
    const frank = await signIn('frank', '/agent');
    await ready(frank);

    step = 'Chan asks for a video call and Frank accepts';
    await reach(frank, chan, '#ask-video', 'Chan');
    await Promise.all([chan.waitForFunction(mediaFlows), frank.waitForFunction(mediaFlows)]);

    step = 'Li asks for a chat while the video call goes on, and is offered to Frank';
    await reach(frank, li, '#ask-chat', 'Li Na');
    step = 'Smith asks for a chat too, and is offered to Frank';
    await reach(frank, smith, '#ask-chat', 'Smith');
    const tabs = await frank.$$eval('#tabs button[role=tab]', (t) => t.map((b) => `${b.dataset.channel}:${b.querySelector('.tab-name').textContent}`));
    expect(tabs.length === 3, `Frank's console shows ${tabs.length} tabs: ${JSON.stringify(tabs)}`);
    expect(await frank.evaluate(() => document.querySelector('#media').classList.contains('pip')
      && getComputedStyle(document.querySelector('#media')).display !== 'none'), 'the video is not on screen (in the corner) while a chat is selected');
    await frank.screenshot({ path: path.join(SHOTS, 'advisor-desk-three-tabs.png'), fullPage: true });

    step = 'each customer writes; the tabs not selected show unread marks';
    await customerSays(chan, frank, 'Chan here: my card is lost');
    await customerSays(li, frank, 'Li here: a transfer question');
    await frank.fill('#chat-input', 'draft for Smith');
    await customerSays(smith, frank, 'Smith here: hello');
    await frank.waitForFunction(() => [...document.querySelectorAll('#tabs button[role=tab]')].filter((b) => Number(b.dataset.unread) > 0).length === 2);
    expect((await tabOf(frank, 'Chan')).unread === 1, 'Chan\'s tab does not show one unread line');
    expect((await tabOf(frank, 'Li Na')).unread === 1, 'Li\'s tab does not show one unread line');
    expect((await lines(frank, 'CUSTOMER')).some((l) => l.includes('Smith here')), 'Smith\'s line is not in the selected tab');

    step = 'Alt+2 switches to Li\'s chat; Frank answers her while the video keeps flowing';
    const framesBefore = { frank: await frames(frank), chan: await frames(chan) };
    await frank.keyboard.press('Alt+2');
    await frank.waitForFunction(() => document.querySelector('#tabs button[role=tab][aria-selected=true] .tab-name').textContent.includes('Li Na'));
    expect((await tabOf(frank, 'Li Na')).unread === 0, 'Li\'s unread mark stays after opening her tab');
    const liLines = await lines(frank, 'CUSTOMER');
    expect(liLines.some((l) => l.includes('Li here')) && !liLines.some((l) => l.includes('Smith here') || l.includes('Chan here')),
      `Li's tab shows ${JSON.stringify(liLines)}`);
    await reply(frank, 'Reply for Li');

    step = 'Alt+3 goes back to Smith, whose draft is kept';
    await frank.keyboard.press('Alt+3');
    await frank.waitForFunction(() => document.querySelector('#tabs button[role=tab][aria-selected=true] .tab-name').textContent.includes('Smith'));
    expect(await frank.inputValue('#chat-input') === 'draft for Smith', `Smith's draft reads "${await frank.inputValue('#chat-input')}"`);
    await reply(frank, 'Reply for Smith');

    step = 'the video flowed all along; Alt+1 brings the call back to full size and Frank answers Chan';
    await frank.waitForFunction((n) => window.mvtmCallStats.framesDecoded > n + 30, framesBefore.frank);
    await chan.waitForFunction((n) => window.mvtmCallStats.framesDecoded > n + 30, framesBefore.chan);
    await frank.keyboard.press('Alt+1');
    await frank.waitForFunction(() => document.querySelector('#tabs button[role=tab][aria-selected=true]').dataset.channel === 'VIDEO'
      && !document.querySelector('#media').classList.contains('pip'));
    expect(await frank.evaluate(() => Boolean(document.querySelector('#remote-video').srcObject)
      && document.querySelector('#remote-video').srcObject.getVideoTracks()[0]?.readyState === 'live'), 'the customer\'s video is no longer live after switching tabs');
    expect(await frank.$eval('#hold', (b) => !b.hidden), 'Hold is not offered on the video call\'s tab');
    await reply(frank, 'Reply for Chan');

    step = 'each customer received the reply meant for them, and only that one';
    for (const [who, page, mine] of [['Chan', chan, 'Reply for Chan'], ['Li', li, 'Reply for Li'], ['Smith', smith, 'Reply for Smith']]) {
      await page.waitForFunction((t) => [...document.querySelectorAll('#transcript li[data-speaker="ADVISOR"]')].some((l) => l.textContent.includes(t)), mine);
      const got = (await lines(page, 'ADVISOR')).filter((l) => l.startsWith('Reply for'));
      expect(got.length === 1 && got[0] === mine, `${who} received ${JSON.stringify(got)}`);
    }
    const chanFrames = await frames(chan);
    await chan.waitForFunction((n) => window.mvtmCallStats.framesDecoded > n + 10, chanFrames);
    await frank.screenshot({ path: path.join(SHOTS, 'advisor-desk-video-tab.png'), fullPage: true });

    step = 'each interaction is wrapped up in its own tab';
    await hangUpAndWrapUp(frank, li, 'Li Na', 'FOLLOW_UP');
    expect(await frank.evaluate(() => window.mvtmCallStats.framesDecoded > 0 && document.querySelector('#remote-video').srcObject !== null),
      'ending Li\'s chat stopped Chan\'s video');
    await hangUpAndWrapUp(frank, smith, 'Smith');
    await hangUpAndWrapUp(frank, chan, 'Chan', 'CARD_BLOCKED', 'card blocked on video');
    await frank.waitForFunction(() => document.querySelector('#tabs').hidden);
    const codes = await frank.$$eval('#today tbody tr', (r) => r.map((e) => e.dataset.code));
    expect(['FOLLOW_UP', 'RESOLVED', 'CARD_BLOCKED'].every((c) => codes.includes(c)), `today's list holds the codes ${JSON.stringify(codes)}`);
    await takeBreak(frank);
  },

  // items 6 and 7: the supervisor board shows Frank's current chat, Sam sets him Not ready with a reason while he is in
  // it (Frank is told; the audit log and the chat's recording say so) and moves a waiting customer to another
  // queue; Frank's wrap-up code and notes are found by compliance with the recording
  async supervisor() {
    step = 'Li waits before anyone is Ready; Sam moves her from the general queue to cards (which Frank does not serve)';
    const [smith, li] = await Promise.all([customerWithBot('smith', 'en'), customerWithBot('li', 'zh')]);
    const sam = await signIn('sam', '/supervisor');
    await li.click('#ask-chat');
    await li.waitForFunction(() => document.body.dataset.status === 'QUEUED');
    const liRow = await sam.waitForSelector('#waiting tbody tr');
    const from = await liRow.$eval('td.queue', (c) => c.textContent);
    expect(from === 'general', `Li waits in ${from}`);
    await liRow.$eval('select', (s) => { s.value = 'cards'; s.dispatchEvent(new Event('change')); });
    await liRow.$eval('button.move', (b) => b.click());
    await sam.waitForFunction(() => document.querySelector('#waiting tbody tr td.queue')?.textContent === 'cards');

    step = 'Smith reaches Frank on chat; the board shows whom Frank talks to';
    const frank = await signIn('frank', '/agent');
    await ready(frank);
    await reach(frank, smith, '#ask-chat', 'Smith');
    await sam.waitForFunction(() => [...document.querySelectorAll('#advisors tr[data-agent="frank"] td.current button')]
      .some((b) => b.textContent.includes('Smith')));

    step = 'Sam sets Frank Not ready for coaching while Frank is in the chat; Frank is told';
    await sam.click('#advisors tr[data-agent="frank"] button.force');
    await sam.selectOption('#force-state', 'NOT_READY');
    await sam.fill('#force-reason', 'coaching session');
    await sam.click('#force-form button[type=submit]');
    await sam.waitForSelector('#force-form[hidden]', { state: 'attached' });
    await frank.waitForFunction(() => !document.querySelector('#message').hidden
      && document.querySelector('#message').textContent.includes('coaching session'));
    await li.click('#hangup');
    await li.waitForFunction(() => document.body.dataset.status === 'ENDED');
    const to = 'cards';

    step = 'the chat ends: Frank is Not ready (not Ready) and wraps it up with a code and notes';
    await hangUpAndWrapUp(frank, smith, 'Smith', 'FOLLOW_UP', 'call back about the statement');
    await frank.waitForFunction(() => document.querySelector('#presence-state').dataset.state === 'NOT_READY'
      && document.querySelector('#presence-state').dataset.reason.includes('coaching session'));

    step = 'the audit log holds the forced change and the move';
    const admin = await signIn('admin', '/admin');
    const audit = await admin.evaluate(async () => (await (await fetch('/api/admin/audit?limit=50', { headers: { Accept: 'application/json' } })).json())
      .map((e) => `${e.actor} ${e.action} ${e.entity} ${e.entityId} ${e.after}`));
    expect(audit.some((e) => e.startsWith('sam force-not-ready advisor frank') && e.includes('coaching session')), `no forced Not ready in the audit log: ${JSON.stringify(audit.slice(0, 5))}`);
    expect(audit.some((e) => e.startsWith('sam move-queue interaction') && e.includes(to)), 'no move in the audit log');

    step = 'compliance finds the chat by its notes and sees the forced change on its timeline and the wrap-up with it';
    const officer = await signIn('connie', '/compliance');
    const found = await officer.evaluate(async () => {
      const headers = { 'X-Purpose': 'advisor desk test', Accept: 'application/json' };
      for (let i = 0; i < 60; i++) {
        const dispositions = await (await fetch('/api/compliance/dispositions?text=STATEMENT', { headers })).json();
        const recordings = await (await fetch('/api/compliance/recordings?customer=smith', { headers })).json();
        const sealed = recordings.find((r) => r.state === 'SEALED' && dispositions.some((d) => d.interactionId === r.metadata.interaction.value));
        if (sealed) {
          const timeline = await (await fetch(`/api/compliance/recordings/${sealed.id.value}/timeline`, { headers })).json();
          return { code: dispositions[0].code, marks: timeline.filter((e) => e.attributes?.action === 'forced-state' || e.text.includes('coaching')).map((e) => `${e.actor}: ${e.text}`) };
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      return null;
    });
    expect(found !== null, 'compliance finds no sealed recording of the chat whose wrap-up notes say "statement"');
    expect(found?.code === 'FOLLOW_UP', `the disposition found is ${found?.code}`);
    expect(found?.marks.some((m) => m.startsWith('sam:') && m.includes('coaching session')), `the chat's timeline lacks the forced change: ${JSON.stringify(found?.marks)}`);
    await sam.screenshot({ path: path.join(SHOTS, 'advisor-desk-supervisor.png'), fullPage: true });
  },
};

async function main() {
  if (!scenarios[SCENARIO]) throw new Error(`SCENARIO must be one of ${Object.keys(scenarios).join(', ')}`);
  await scenarios[SCENARIO]();
}

finish(main, { ok: `ADVISOR DESK OK ${SCENARIO}`, failed: `ADVISOR DESK FAILED ${SCENARIO}`,
  shots: `advisor-desk-failed-${SCENARIO}`, browsers, step: () => step, problems });
