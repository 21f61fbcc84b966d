// Steps on the pages that several browser scripts take alike: a customer choosing their language, an advisor's
// presence, offer, hang-up and wrap-up, a customer reaching a Ready advisor, a chat line reaching the other side, whether a call's media flows, a meter's loudest value, and what the compliance
// officer reads on a sealed recording's timeline. Each takes the signed-in page (see harness.js for the sign-in).

/** The customer picks their language on the page and the assistant greets them (status WITH_BOT). */
async function chooseLanguage(customer, language) {
  await customer.click(`button[data-language="${language}"]`);
  await customer.waitForSelector('#transcript li[data-speaker="BOT"]');
  await customer.waitForFunction(() => document.body.dataset.status === 'WITH_BOT');
}

/** Applies `value` ('READY', 'NOT_READY:break' ...) in the advisor's presence form, once the console is connected. */
async function choosePresence(advisor, value) {
  await advisor.waitForSelector('#link[data-state="online"]'); // the console's socket drops what is sent before it opens
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state);
  await advisor.selectOption('#presence', value);
  await advisor.click('#presence-form button[type=submit]');
}

/** The advisor takes a break: Not ready (break), until the console shows it. */
async function takeBreak(advisor) {
  await choosePresence(advisor, 'NOT_READY:break');
  await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state === 'NOT_READY');
}

/** The advisor accepts the offer the console shows. */
async function acceptOffer(advisor) {
  await advisor.waitForSelector('#offer:not([hidden])');
  await advisor.click('#accept');
}

/** The advisor hangs up; the wrap-up form opens. */
async function hangUp(advisor) {
  await advisor.click('#hangup');
  await advisor.waitForSelector('#wrapup:not([hidden])');
}

/** The advisor wraps up with `code` (and `notes`), until the console has left Wrap-up and Busy. */
async function wrapUp(advisor, { code = 'RESOLVED', notes } = {}) {
  await advisor.selectOption('#wrapup-code', code);
  if (notes) await advisor.fill('#wrapup-notes', notes);
  await advisor.click('#wrapup-form button[type=submit]');
  await advisor.waitForFunction(() => !['WRAP_UP', 'BUSY'].includes(document.querySelector('#presence-state').dataset.state));
}

/** `from` sends `text` in the call's chat, until `to` shows it as a line of `speaker` ('CUSTOMER' or 'ADVISOR'). */
async function chatLine(from, to, speaker, text) {
  await from.fill('#chat-input', text);
  await from.press('#chat-input', 'Enter');
  await to.waitForFunction(([s, t]) => [...document.querySelectorAll(`#transcript li[data-speaker="${s}"]`)]
    .some((li) => li.textContent.includes(t)), [speaker, text]);
}

/** In the page: its call decodes video frames and receives audio packets. */
const mediaFlows = () => window.mvtmCallStats && window.mvtmCallStats.framesDecoded > 0 && window.mvtmCallStats.audioPacketsReceived > 0;

/**
 * The customer asks for a person on `kind` ('chat', 'voice' or 'video') and the advisor accepts the offer: until the
 * customer's page is connected, or for a video call until its media flows both ways.
 */
async function connect(customer, advisor, kind) {
  await customer.click(`#ask-${kind}`);
  await acceptOffer(advisor);
  if (kind === 'video') {
    await Promise.all([customer.waitForFunction(mediaFlows), advisor.waitForFunction(mediaFlows)]);
  } else {
    await customer.waitForFunction(() => document.body.dataset.status === 'CONNECTED');
  }
}

/**
 * `customerUser` signs in (with `signIn`, e.g. harness.js's inCallSignIn), picks `language` and reaches `advisorUser`,
 * who signs in and goes Ready, on `kind` (as in connect): their two pages.
 */
async function reachAdvisor(signIn, customerUser, language, advisorUser, kind) {
  const customer = await signIn(customerUser, '/customer');
  await chooseLanguage(customer, language);
  const advisor = await signIn(advisorUser, '/agent');
  await choosePresence(advisor, 'READY');
  await connect(customer, advisor, kind);
  return { customer, advisor };
}

/** The loudest value of fn() in the page, sampled every 100 ms for ms milliseconds. */
async function loudestOver(page, fn, ms) {
  let loudest = 0;
  for (let waited = 0; waited < ms; waited += 100) {
    loudest = Math.max(loudest, await page.evaluate(fn));
    await page.waitForTimeout(100);
  }
  return loudest;
}

/**
 * What the compliance officer finds on a sealed recording of `customer`, reading with `purpose`: for each sealed
 * recording, `read({ id, timeline, get })` answers what it looks for or nothing to go on (`get(url)` reads more of the
 * compliance API with the same purpose). Asked again every 500 ms, `attempts` times (the recording is sealed a moment
 * after the call ends); null when nothing was found.
 */
async function fromSealedRecording(officer, { purpose, customer = 'chan', attempts = 60 }, read) {
  const get = (url) => officer.evaluate(async ([u, p]) => (await fetch(u, { headers: { 'X-Purpose': p } })).json(), [url, purpose]);
  for (let i = 0; i < attempts; i++) {
    const recordings = await get(`/api/compliance/recordings?customer=${encodeURIComponent(customer)}`);
    for (const r of recordings.filter((x) => x.state === 'SEALED')) {
      const found = await read({ id: r.id.value, timeline: await get(`/api/compliance/recordings/${r.id.value}/timeline`), get });
      if (found) return found;
    }
    await officer.waitForTimeout(500);
  }
  return null;
}

module.exports = { chooseLanguage, choosePresence, takeBreak, acceptOffer, hangUp, wrapUp, chatLine, mediaFlows, connect, reachAdvisor, loudestOver, fromSealedRecording };
