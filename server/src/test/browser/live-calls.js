// Live calls with more than two people (issue 16 items 2 and 4), on a running server with the demo data and the default
// browser audio (Opus: the relay mixes it through libopus; the SIP caller's call is G.711):
//   SCENARIO=web BASE_URL=http://127.0.0.1:8080 NODE_PATH=<repo>/tools/browser/node_modules \
//   node server/src/test/browser/live-calls.js
// SCENARIO=web: the customer chan (HK) calls alice; sam listens (receives both sides' audio, the customer receives nothing from
// him), whispers (alice receives his audio, chan does not) and barges in (chan receives it); a supervisor of SZ only
// gets 403 for the HK call; the compliance officer finds every start, change and stop in the audit log and on the
// recording's timeline. SCENARIO=sip: a SIP caller (SIPp, started by the test, speaking) is answered by alice in her
// console; sam listens and, with alice muted, receives the caller's speech. SCENARIO=consult: alice holds chan
// (music) and consults bob, resumes into a three-way call (each of the three hears and sees the two others: each page
// decodes both other cameras, each in a tile of its own), holds again and transfers the call to bob, who takes it
// (the customer then sees one camera, bob's); the recording has bob's camera as a leg of its own.
// SCENARIO=chat: sam reads smith's live chat with alice and sends alice a private note the customer never sees.
// SCENARIO=sip-colleague / sip-supervisor: a desk phone (baresip, G.711 only, started by the test) joins the pages' Opus
// call as the consulted colleague bob / as sam listening by *44alice; the relay transcodes between G.711 and Opus.
// Levels are the receivers' own meters (WebRTC totalAudioEnergy and packet counts).
// Prints "LIVE CALLS OK" and exits 0, or every problem ("PROBLEM: ...") and exits 1.
const path = require('path');
const fs = require('fs');
const { PASSWORD, SHOTS, openPage, signInOn, expectation, finish } = require('./harness.js');
const { choosePresence, takeBreak, acceptOffer, hangUp, wrapUp, chatLine, mediaFlows, reachAdvisor, loudestOver, fromSealedRecording } = require('./consoles.js');

const SCENARIO = process.env.SCENARIO || 'web';
const EXPORTS = process.env.EXPORTS || SHOTS;

let step = 'start';
const browsers = [];
const problems = [];
const expect = expectation(problems, () => step);

// every microphone the page opens, so the test can make a party fall silent (its track disabled: silence is sent)
const keepMicrophones = () => {
  const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  window.mvtmMicrophones = [];
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    window.mvtmMicrophones.push(stream);
    return stream;
  };
};

// the audio codec a page receives in its call ('opus', 'pcmu'), from getStats
const audioCodec = (page) => page.waitForFunction(() => window.mvtmCallStats && window.mvtmCallStats.audioCodec)
  .then(() => page.evaluate(() => window.mvtmCallStats.audioCodec.replace('audio/', '').toLowerCase()));

async function browserPage() {
  const page = await openPage(browsers, 'page', { args: ['--autoplay-policy=no-user-gesture-required'] });
  await page.addInitScript(keepMicrophones);
  return page;
}

const signIn = async (user, home) => signInOn(await browserPage(), user, home);

// Two navigations race to the login page: the logout's redirect, and the console's own move there when the server
// closes its socket for the ended session (socket.js). Whichever wins, the other is aborted; the page ends on /login.
async function signOut(page) {
  await page.click('form.logout button');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.waitForURL('**/login**');
      return;
    } catch (e) {
      if (attempt === 3 || !/ERR_ABORTED|frame was detached/.test(e.message)) throw e;
    }
  }
}

// a JSON request from the page, with its CSRF token; answers { status, body }
const call = (page, method, url, body) => page.evaluate(async ([m, u, b]) => {
  const token = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1]);
  const r = await fetch(u, { method: m, headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token }, body: b ? JSON.stringify(b) : undefined });
  return { status: r.status, body: await r.text() };
}, [method, url, body]);

// packets and energy decide; bytes, samples played, of them made up by concealment, and packets the jitter buffer
// discarded tell, when a page hears nothing, a silent payload from audio that arrived and was not played
const callAudio = (page) => page.evaluate(() => {
  const s = window.mvtmCallStats;
  return { packets: s.audioPacketsReceived, energy: s.audioEnergy, bytes: s.audioBytesReceived, samples: s.audioSamplesReceived,
    concealed: s.audioConcealedSamples, discarded: s.audioPacketsDiscarded };
});
const conferenceAudio = (page) => page.evaluate(() => ({ packets: window.mvtmConferenceStats.audioPacketsReceived, energy: window.mvtmConferenceStats.audioEnergy }));
// the fake microphone's beeps add about 0.3 per second to a receiver's totalAudioEnergy; silence adds ~1e-11
const AUDIBLE = 0.01;
const monitorAudio = (page) => page.evaluate(() => ({ packets: window.mvtmMonitorStats.audioPacketsReceived, energy: window.mvtmMonitorStats.audioEnergy }));
const silence = (page, silent) => page.evaluate((s) => window.mvtmMicrophones.forEach((m) => m.getAudioTracks().forEach((t) => { t.enabled = !s; })), silent);
// what was on its way when something changed has arrived
const settle = (page) => page.waitForTimeout(1000);

// the cameras a page decodes: the mids of its received video streams whose decoded frames grew over 2.5 s
async function camerasDecoding(page, stats, ms = 2500) {
  const read = () => page.evaluate((name) => window[name].cameras.map((c) => [c.mid, c.framesDecoded]), stats);
  await settle(page);
  const from = new Map(await read());
  await page.waitForTimeout(ms);
  return (await read()).filter(([mid, frames]) => frames > (from.get(mid) ?? 0)).map(([mid]) => mid);
}
const shownTiles = (page, within) => page.$$eval(`${within} .camera-tile:not([hidden])`, (tiles) => tiles.length);

// the energy a meter adds over 2.5 s (the fake microphone beeps about once a second)
async function heard(page, meter, ms = 2500) {
  await settle(page);
  const from = await meter(page);
  await page.waitForTimeout(ms);
  const to = await meter(page);
  return Object.fromEntries(Object.keys(to).map((k) => [k, to[k] - from[k]]));
}

// a meter's 2.5 s that passes quiet, measured once more when it does not (tries measurements at most): on a loaded
// machine what was on its way when a sound was stopped (Opus packets in flight, a jitter buffer's audio, a mute the
// relay has not applied yet) can take longer than settle(); a sound that goes on, or a mute that takes more than about
// 4.5 s, fails
async function onceQuiet(page, meter, quiet, tries = 2) {
  let heardNow = await heard(page, meter);
  for (let i = 1; i < tries && !quiet(heardNow); i++) heardNow = await heard(page, meter);
  return heardNow;
}

async function advisorReady(user) {
  const advisor = await signIn(user, '/agent');
  await choosePresence(advisor, 'READY');
  return advisor;
}

async function endCall(advisor, notes) {
  await hangUp(advisor);
  await wrapUp(advisor, { notes });
  await takeBreak(advisor);
}

// sam opens the board and listens to the call alice is in
async function samListens() {
  const sam = await signIn('sam', '/supervisor');
  await sam.waitForSelector('#monitor[data-ready="true"] #monitor-call option[data-agent="alice"]', { state: 'attached' });
  const interactionId = await sam.$eval('#monitor-call option[data-agent="alice"]', (o) => o.value);
  await sam.selectOption('#monitor-call', interactionId);
  await sam.click('#monitor button[data-mode="LISTEN"]');
  await sam.waitForSelector('#monitor-status[data-key="monitor.mode.LISTEN"]');
  await sam.waitForFunction(() => window.mvtmMonitorStats.audioPacketsReceived > 100);
  return { sam, interactionId };
}

async function sip() {
  step = 'alice answers the SIP caller smith in her console';
  const advisor = await advisorReady('alice');
  await acceptOffer(advisor);
  await advisor.waitForFunction(() => window.mvtmCallStats && window.mvtmCallStats.audioPacketsReceived > 50);

  step = 'a SIP caller cannot see a screen: alice\'s share button is disabled and says why';
  await advisor.waitForSelector('#screen-share[disabled][data-reason="SIP_CALLER"]');
  const why = await advisor.textContent('#screen-share-note');
  expect(why.includes('phone line'), `the note under the disabled share button says "${why}"`);

  step = 'sam listens to the SIP call, which is G.711 (the PCMU mix)';
  const { sam } = await samListens();
  const codec = await audioCodec(advisor);
  expect(codec === 'pcmu', `the SIP call's advisor page was answered with ${codec}, not PCMU`);

  step = 'with alice muted, sam receives the SIP caller\'s speech';
  await advisor.click('#mute');
  const caller = await heard(sam, monitorAudio);
  console.log(`sip listen: sam ${JSON.stringify(caller)}`);
  expect(caller.packets > 0 && caller.energy > AUDIBLE, `sam received no audio from the SIP caller (${JSON.stringify(caller)})`);

  step = 'sam stops and alice ends the call';
  await sam.click('#monitor-stop');
  await sam.waitForSelector('#monitor-status[data-key="monitor.stopped"]');
  await advisor.click('#mute');
  await endCall(advisor);
}

async function videoCall() {
  step = 'chan (Hong Kong) reaches alice on video';
  return reachAdvisor(signIn, 'chan', 'en', 'alice', 'video');
}

// alice invites bob (signed in, not Ready: routing offers him nobody) and bob joins from his console
async function colleagueJoins(advisor) {
  const colleague = await signIn('bob', '/agent');
  await advisor.waitForSelector('#conference[data-ready="true"]');
  await advisor.fill('#conference-colleague', 'bob');
  await advisor.click('#conference-invite button[type=submit]');
  await advisor.waitForSelector('#conference-status[data-key="conference.invited"]');
  await colleague.waitForSelector('#conference-invitation:not([hidden])');
  await colleague.click('#conference-join');
  await colleague.waitForSelector('#conference-status[data-key="conference.joined"]');
  await colleague.waitForFunction(() => window.mvtmConferenceStats.audioPacketsReceived > 100);
  return colleague;
}

// issue 16 item 2: alice holds chan (music) and consults bob; resumes: a three-way call where each of the three
// receives the two others; holds again and transfers the call to bob: when bob accepts, chan talks to bob
async function consult() {
  const { customer, advisor } = await videoCall();

  step = 'before bob joins, the customer hears nothing while alice is silent';
  await silence(advisor, true);
  const before = await onceQuiet(customer, callAudio, (a) => a.energy < AUDIBLE);
  expect(before.energy < AUDIBLE, `the customer heard ${JSON.stringify(before)} from a silent advisor`);
  await silence(advisor, false);

  step = 'alice holds the customer, who hears music, and consults bob';
  await advisor.click('#hold');
  await customer.waitForFunction(() => document.body.dataset.holdMusic === 'playing');
  const colleague = await colleagueJoins(advisor);
  const codecs = [await audioCodec(customer), await audioCodec(advisor)];
  expect(codecs.every((c) => c === 'opus'), `the consulted call's pages were answered with ${codecs}, not Opus`);
  const [bobHearsAlice, aliceHearsBob, atCustomer] = await Promise.all([heard(colleague, conferenceAudio),
    heard(advisor, callAudio), heard(customer, callAudio)]);
  const music = await loudestOver(customer, () => window.mvtmHoldMusicLevel(), 1500);
  console.log(`consult: bob hears alice ${JSON.stringify(bobHearsAlice)}, alice hears bob ${JSON.stringify(aliceHearsBob)}, `
    + `held customer ${JSON.stringify(atCustomer)}, music RMS ${music.toFixed(4)}`);
  expect(bobHearsAlice.energy > AUDIBLE, `bob did not hear alice during the consult (${JSON.stringify(bobHearsAlice)})`);
  expect(aliceHearsBob.energy > AUDIBLE, `alice did not hear bob during the consult (${JSON.stringify(aliceHearsBob)})`);
  expect(atCustomer.packets === 0, `the held customer received ${atCustomer.packets} audio packets during the consult`);
  expect(music > 0.005, `the held customer heard no music during the consult (RMS ${music})`);

  step = 'alice resumes: a three-way call, the customer and bob receive each other (alice silent), alice receives bob (customer silent)';
  await advisor.click('#hold');
  await customer.waitForFunction(() => document.body.dataset.holdMusic === undefined);
  await silence(advisor, true);
  const [bobHearsCustomer, customerHearsBob] = await Promise.all([heard(colleague, conferenceAudio), heard(customer, callAudio)]);
  await silence(advisor, false);
  await silence(customer, true);
  const aliceHearsBobInThree = await heard(advisor, callAudio);
  await silence(customer, false);
  console.log(`three-way: bob hears customer ${JSON.stringify(bobHearsCustomer)}; customer hears bob ${JSON.stringify(customerHearsBob)}; `
    + `alice hears bob ${JSON.stringify(aliceHearsBobInThree)}`);
  expect(bobHearsCustomer.energy > AUDIBLE, `bob did not hear the customer (${JSON.stringify(bobHearsCustomer)})`);
  expect(customerHearsBob.energy > AUDIBLE, `the customer did not hear bob (${JSON.stringify(customerHearsBob)})`);
  expect(aliceHearsBobInThree.energy > AUDIBLE, `alice did not hear bob (${JSON.stringify(aliceHearsBobInThree)})`);

  step = 'in the three-way call each page decodes the cameras of both others, the third one in a tile of its own';
  const threePages = [['customer', customer, 'mvtmCallStats', '#media'], ['alice', advisor, 'mvtmCallStats', '#media'],
    ['bob', colleague, 'mvtmConferenceStats', '#conference-cameras']];
  await Promise.all(threePages.map(([, page, stats]) => page.waitForFunction(
    (name) => window[name].cameras.filter((c) => c.framesDecoded > 0).length >= 2, stats)));
  const seen = await Promise.all(threePages.map(([, page, stats]) => camerasDecoding(page, stats)));
  // a tile shows while its camera decodes frames and hides after 2 s without (camera-tiles.js): on a loaded machine
  // a camera can stall for that long, so each page gets up to 10 s to show the tiles it should before they are counted
  const wanted = [1, 1, 2];
  await Promise.all(threePages.map(([, page, , within], i) => page.waitForFunction(
    ([selector, want]) => document.querySelectorAll(selector).length === want,
    [`${within} .camera-tile:not([hidden])`, wanted[i]], { timeout: 10000 }).catch(() => {})));
  const tiles = await Promise.all(threePages.map(([, page, , within]) => shownTiles(page, within)));
  console.log(`three-way video: cameras decoding ${JSON.stringify(seen)}, tiles shown ${JSON.stringify(tiles)}`);
  threePages.forEach(([who], i) => expect(seen[i].length === 2, `${who} decodes ${seen[i].length} cameras, not the two others' (mids ${seen[i]})`));
  // the customer and alice see the third camera beside the main one; bob sees both in tiles
  wanted.forEach((want, i) => expect(tiles[i] === want, `${threePages[i][0]} shows ${tiles[i]} camera tiles, not ${want}`));
  await Promise.all(threePages.map(([who, page]) => page.screenshot({ path: path.join(SHOTS, `three-way-video-${who}.png`), fullPage: true })));

  step = 'alice holds again and transfers the call to bob, who takes it and leaves the consult';
  await advisor.click('#hold');
  await customer.waitForFunction(() => document.body.dataset.holdMusic === 'playing');
  await advisor.selectOption('#transfer-target', 'advisor:bob');
  await advisor.click('#transfer-form button[type=submit]');
  await colleague.waitForSelector('#link[data-state="online"]');
  await colleague.selectOption('#presence', 'READY');
  await colleague.click('#presence-form button[type=submit]');
  await colleague.waitForSelector('#offer:not([hidden])');
  await colleague.click('#accept');
  await colleague.waitForFunction(mediaFlows);
  await colleague.click('#conference-leave');
  await colleague.waitForSelector('#conference-status[data-key="conference.left"]');

  step = 'the customer is resumed and talks to bob';
  await customer.waitForFunction(() => document.body.dataset.holdMusic === undefined);
  const [customerHearsNewAdvisor, newAdvisorHearsCustomer] = await Promise.all([heard(customer, callAudio), heard(colleague, callAudio)]);
  console.log(`after the transfer: customer hears bob ${JSON.stringify(customerHearsNewAdvisor)}, bob hears customer ${JSON.stringify(newAdvisorHearsCustomer)}`);
  expect(customerHearsNewAdvisor.energy > AUDIBLE, `the customer does not hear bob after the transfer (${JSON.stringify(customerHearsNewAdvisor)})`);
  expect(newAdvisorHearsCustomer.energy > AUDIBLE, `bob does not hear the customer after the transfer (${JSON.stringify(newAdvisorHearsCustomer)})`);

  step = 'after the transfer the customer sees one camera, bob\'s: the colleague tile is gone';
  await customer.waitForFunction(() => [...document.querySelectorAll('#media .camera-tile')].every((f) => f.hidden));
  const camerasAfter = await camerasDecoding(customer, 'mvtmCallStats');
  console.log(`after the transfer the customer decodes cameras ${JSON.stringify(camerasAfter)}`);
  expect(camerasAfter.length === 1, `the customer decodes ${camerasAfter.length} cameras after the transfer, not bob's alone`);
  await customer.screenshot({ path: path.join(SHOTS, 'consult-customer-with-bob.png') });

  step = 'bob ends the call; alice wraps up hers; the recording has every advisor leg, bob joining and leaving, the transfer and bob\'s wrap-up';
  await endCall(colleague, 'Card replacement ordered by courier');
  if (await advisor.$eval('#wrapup', (w) => !w.hidden)) await wrapUp(advisor);
  await advisor.waitForFunction(() => !['WRAP_UP', 'BUSY'].includes(document.querySelector('#presence-state').dataset.state));
  await takeBreak(advisor);
  const officer = await signIn('connie', '/compliance');
  const marks = await fromSealedRecording(officer, { purpose: 'consult test' }, async ({ id, timeline, get }) => {
    if (!timeline.some((e) => e.kind === 'TRANSFERRED') || !timeline.some((e) => e.kind === 'WRAP_UP')) return null;
    // the wrap-up is attached after the seal: the officer finds the call by the words of its notes
    const found = await get('/api/compliance/recordings?text=courier');
    // bob's camera in the three-way call is a leg of its own (his conference leg), recorded with its video
    const legs = await get(`/api/compliance/recordings/${id}/legs`);
    const bobsCamera = legs.some((l) => l.legId.startsWith('advisor-colleague-') && l.mediaType === 'video/webm'
      && l.payloadTypes.some((p) => p.kind === 'VIDEO') && l.packets > 0);
    return timeline.filter((e) => ['LEG_ADDED', 'HOLD', 'RESUMED', 'TRANSFERRED', 'PARTICIPANT_JOINED', 'PARTICIPANT_LEFT', 'WRAP_UP'].includes(e.kind))
      .map((e) => `${e.kind} ${e.actor}${e.attributes.role ? ` ${e.attributes.role}` : ''}${e.attributes.code ? ` ${e.attributes.code}` : ''}`)
      .concat(found.some((x) => x.id.value === id) ? ['found by its wrap-up notes'] : [])
      .concat(bobsCamera ? ['bob\'s camera recorded'] : []);
  });
  console.log(`consult timeline: ${JSON.stringify(marks)}`);
  expect(marks && marks.filter((m) => m === 'LEG_ADDED advisor').length >= 2,
    `the recording should keep alice's leg and bob's: ${JSON.stringify(marks)}`);
  expect(marks && marks.includes('TRANSFERRED alice'), `the timeline has no transfer by alice: ${JSON.stringify(marks)}`);
  for (const mark of ['PARTICIPANT_JOINED bob COLLEAGUE', 'PARTICIPANT_LEFT bob COLLEAGUE', 'WRAP_UP bob RESOLVED', 'found by its wrap-up notes', 'bob\'s camera recorded']) {
    expect(marks && marks.includes(mark), `the recording has no "${mark}": ${JSON.stringify(marks)}`);
  }
}

// the pages' call runs on the default browser audio, Opus: a G.711 desk phone that joins it is transcoded by the relay
async function onOpus(customer, advisor) {
  step = 'the pages talk Opus (the desk phone, G.711 only, will be transcoded)';
  const codecs = [await audioCodec(customer), await audioCodec(advisor)];
  expect(codecs.every((c) => c === 'opus'), `the relay answered the pages with ${codecs}, not Opus`);
}

// issue 16 item 2 with a SIP phone: bob's desk phone (baresip, started by the test, answers by itself and plays a tone;
// G.711 only, on the pages' Opus call)
async function sipColleague() {
  const { customer, advisor } = await videoCall();
  await onOpus(customer, advisor);

  step = 'alice holds the customer and invites bob, whose desk phone rings and answers';
  await advisor.click('#hold');
  await customer.waitForFunction(() => document.body.dataset.holdMusic === 'playing');
  const alone = await heard(advisor, callAudio);
  await advisor.waitForSelector('#conference[data-ready="true"]');
  await advisor.fill('#conference-colleague', 'bob');
  await advisor.click('#conference-invite button[type=submit]');
  await advisor.waitForSelector('#conference-status[data-key="conference.invited"]');
  let consult = { packets: 0, energy: 0 };
  for (let i = 0; i < 10 && consult.energy <= AUDIBLE; i++) consult = await heard(advisor, callAudio);
  const atCustomer = await heard(customer, callAudio);
  console.log(`sip consult: alice alone ${JSON.stringify(alone)}, with bob ${JSON.stringify(consult)}, held customer ${JSON.stringify(atCustomer)}`);
  // nothing from the relay, or only silence: a page's own meter can still add energy without a packet (the audio it
  // had buffered when the hold began, or its concealment), once seen on the loaded CI machine (0 packets, 0.087)
  expect(alone.packets === 0 || alone.energy < AUDIBLE, `alice heard ${JSON.stringify(alone)} with the customer on hold and nobody else`);
  expect(consult.energy > AUDIBLE, `alice did not hear bob's desk phone (${JSON.stringify(consult)})`);
  expect(atCustomer.packets === 0, `the held customer received ${atCustomer.packets} audio packets during the consult`);

  step = 'alice resumes: a three-way call where the customer hears bob\'s phone (alice silent)';
  await advisor.click('#hold');
  await customer.waitForFunction(() => document.body.dataset.holdMusic === undefined);
  await silence(advisor, true);
  const customerHearsBob = await heard(customer, callAudio);
  await silence(advisor, false);
  console.log(`sip three-way: customer hears bob ${JSON.stringify(customerHearsBob)}`);
  expect(customerHearsBob.energy > AUDIBLE, `the customer did not hear bob's desk phone (${JSON.stringify(customerHearsBob)})`);

  step = 'alice ends the call (bob\'s phone gets the BYE); the timeline shows bob joining and leaving by SIP';
  await endCall(advisor);
  const officer = await signIn('connie', '/compliance');
  const marks = await fromSealedRecording(officer, { purpose: 'sip colleague test' }, ({ timeline }) => {
    const bySip = timeline.filter((e) => e.kind.startsWith('PARTICIPANT_') && e.attributes.via === 'sip')
      .map((e) => `${e.kind} ${e.actor} ${e.attributes.role}`);
    return bySip.length > 0 && bySip;
  });
  console.log(`sip colleague timeline: ${JSON.stringify(marks)}`);
  expect(JSON.stringify(marks) === JSON.stringify(['PARTICIPANT_JOINED bob COLLEAGUE', 'PARTICIPANT_LEFT bob COLLEAGUE']),
    `the timeline shows bob's desk phone as ${JSON.stringify(marks)}`);
}

// issue 16 item 4 from a desk phone: sam's SIP phone (baresip, started by the test once the call is up; G.711 only, on
// the pages' Opus call) dials *44alice
async function sipSupervisor() {
  step = 'the administrator adds zoe, a supervisor of Shenzhen only with a desk phone';
  const staff = await signIn('admin', '/admin');
  const created = await call(staff, 'POST', '/api/admin/users', { username: 'zoe', displayName: 'Zoe Shenzhen', roles: ['SUPERVISOR'],
    regions: ['SZ'], language: 'en', enabled: true, password: PASSWORD });
  const phone = await call(staff, 'PUT', '/api/admin/users/zoe/sip', { sipPassword: 'phone-zoe-1234' });
  expect(created.status === 201 && phone.status < 300, `creating zoe answered ${created.status} ${created.body}, her phone ${phone.status} ${phone.body}`);
  await signOut(staff);

  const { customer, advisor } = await videoCall();
  await onOpus(customer, advisor);
  const officer = await signIn('connie', '/compliance');
  const deskPhoneAudit = () => officer.evaluate(async () => {
    const audit = await (await fetch('/api/compliance/audit?user=sam', { headers: { 'X-Purpose': 'sip supervisor test' } })).json();
    return audit.filter((a) => a.action === 'MONITOR' && a.detail.includes('by desk phone')).map((a) => a.detail.split(' ').slice(2, 3).join());
  });

  step = 'sam dials *44alice on his desk phone and listens';
  console.log('READY FOR THE SUPERVISOR PHONE');
  let started = [];
  for (let i = 0; i < 120 && !started.includes('LISTEN'); i++) {
    started = await deskPhoneAudit();
    if (!started.includes('LISTEN')) await officer.waitForTimeout(500);
  }
  expect(started.includes('LISTEN'), `sam's desk phone did not start listening (audit ${JSON.stringify(started)})`);

  step = 'listening, sam\'s phone is heard by nobody: the customer receives nothing while alice is muted';
  await advisor.click('#mute');
  const atCustomer = await onceQuiet(customer, callAudio, (a) => a.packets === 0);
  console.log(`desk phone listen: customer ${JSON.stringify(atCustomer)}`);
  expect(atCustomer.packets === 0, `the customer received ${atCustomer.packets} audio packets while only sam's phone (listening) could be heard`);
  await advisor.click('#mute');
  await heard(customer, callAudio); // the phone keeps hearing the call a while

  step = 'alice ends the call (sam\'s phone gets the BYE); the audit and the timeline show the start and the stop';
  await endCall(advisor);
  const found = await fromSealedRecording(officer, { purpose: 'sip supervisor test' }, ({ timeline }) => {
    const marks = timeline.filter((e) => (e.kind.startsWith('PARTICIPANT_') && e.attributes.via === 'sip') || (e.attributes.monitor && e.actor === 'sam'))
      .map((e) => `${e.kind} ${e.actor} ${e.attributes.role ?? e.attributes.monitor}`);
    return marks.some((m) => m.startsWith('PARTICIPANT_JOINED sam')) && marks;
  });
  const audit = await deskPhoneAudit();
  const zoe = await officer.evaluate(async () => (await (await fetch('/api/compliance/audit?user=zoe', { headers: { 'X-Purpose': 'sip supervisor test' } })).json())
    .filter((a) => a.action === 'MONITOR').map((a) => a.outcome));
  console.log(`desk phone timeline: ${JSON.stringify(found)}; audit: ${JSON.stringify(audit)}; zoe: ${JSON.stringify(zoe)}`);
  expect(JSON.stringify(zoe) === JSON.stringify(['DENIED']), `zoe's refused desk-phone attempt is audited as ${JSON.stringify(zoe)}`);
  // the phone's stop comes with the end of the call: on the timeline sam leaves with it (the audit has the stop)
  for (const mark of ['PARTICIPANT_JOINED sam SUPERVISOR', 'OTHER sam LISTEN', 'PARTICIPANT_LEFT sam SUPERVISOR']) {
    expect(found && found.includes(mark), `the timeline has no "${mark}": ${JSON.stringify(found)}`);
  }
  expect(JSON.stringify(audit.slice().sort()) === JSON.stringify(['LISTEN', 'STOPPED']), `sam's desk-phone monitoring is audited as ${JSON.stringify(audit)}`);
}

// issue 16 item 4: a supervisor reads a live chat and sends the advisor a private note
async function chat() {
  step = 'smith chats with alice';
  const { customer, advisor } = await reachAdvisor(signIn, 'smith', 'en', 'alice', 'chat');
  await chatLine(customer, advisor, 'CUSTOMER', 'I think I lost my debit card');

  step = 'sam reads the chat (pushed to his board, never polled) and sends alice a private note';
  const sam = await signIn('sam', '/supervisor');
  const polls = [];
  sam.on('request', (r) => { if (/\/api\/supervisor\/(snapshot|chats\/[^/]+$)/.test(r.url())) polls.push(r.url()); });
  await sam.waitForSelector('#monitor[data-ready="true"] #monitor-call option[data-agent="alice"]', { state: 'attached' });
  await sam.selectOption('#monitor-call', await sam.$eval('#monitor-call option[data-agent="alice"]', (o) => o.value));
  await sam.click('#monitor-read');
  await sam.waitForFunction(() => [...document.querySelectorAll('#monitor-chat li')].some((li) => li.textContent.includes('debit card')));
  await sam.fill('#monitor-note', 'Offer to block the card first');
  await sam.click('#monitor-note-form button[type=submit]');
  await sam.waitForSelector('#monitor-status[data-key="monitor.noteSent"]');
  await advisor.waitForFunction(() => (document.querySelector('#supervisor-notes-list')?.textContent ?? '').includes('block the card'));

  step = 'alice answers; the customer reads her answer and never the note';
  await advisor.fill('#chat-input', 'I can block the card for you right away');
  await advisor.press('#chat-input', 'Enter');
  await customer.waitForFunction(() => document.body.textContent.includes('block the card for you'));
  const seen = await customer.textContent('body');
  expect(!seen.includes('Offer to block the card first'), 'the customer sees the supervisor\'s private note');
  await sam.waitForFunction(() => [...document.querySelectorAll('#monitor-chat li')].some((li) => li.textContent.includes('block the card for you')));
  expect(polls.length === 0, `the board polled ${JSON.stringify(polls)}`);
  await advisor.screenshot({ path: path.join(SHOTS, 'supervisor-note-advisor.png'), fullPage: true });
  await endCall(advisor);
}

async function web() {
  step = 'the administrator adds a supervisor of Shenzhen only';
  const staff = await signIn('admin', '/admin');
  const created = await call(staff, 'POST', '/api/admin/users', { username: 'suzy', displayName: 'Suzy Shenzhen', roles: ['SUPERVISOR'],
    regions: ['SZ'], language: 'en', enabled: true, password: PASSWORD });
  expect(created.status === 201, `creating suzy answered ${created.status} ${created.body}`);
  await signOut(staff);

  const { customer, advisor } = await videoCall(); // chan is a customer of Hong Kong

  step = 'the call runs on the default browser audio, Opus';
  const codecs = [await audioCodec(customer), await audioCodec(advisor)];
  expect(codecs.every((c) => c === 'opus'), `the relay answered the pages with ${codecs}, not Opus`);

  step = 'sam opens the board and listens to the call';
  const { sam, interactionId } = await samListens();

  step = 'listening, sam receives the advisor while the customer is silent';
  await silence(customer, true);
  const advisorSide = await heard(sam, monitorAudio);
  expect(advisorSide.energy > AUDIBLE, `sam received no advisor audio (${JSON.stringify(advisorSide)})`);

  step = 'listening, sam receives the customer while the advisor is muted, and the customer receives nothing';
  await silence(customer, false);
  await advisor.click('#mute');
  const [customerSide, atCustomer] = await Promise.all([heard(sam, monitorAudio), onceQuiet(customer, callAudio, (a) => a.packets === 0)]);
  console.log(`listen: sam ${JSON.stringify(customerSide)}, customer ${JSON.stringify(atCustomer)}`);
  expect(customerSide.energy > AUDIBLE, `sam received no customer audio (${JSON.stringify(customerSide)})`);
  expect(atCustomer.packets === 0, `the customer received ${atCustomer.packets} audio packets while only sam (listening) could speak`);

  step = 'whispering, the advisor receives sam while the customer is silent; the customer receives nothing';
  await silence(customer, true);
  // the advisor hears the silence first, then sam whispers
  const quietAdvisor = await onceQuiet(advisor, callAudio, (a) => a.energy < AUDIBLE, 6);
  await sam.click('#monitor button[data-mode="WHISPER"]');
  await sam.waitForSelector('#monitor-status[data-key="monitor.mode.WHISPER"]');
  const [whisperAtAdvisor, whisperAtCustomer] = await Promise.all([heard(advisor, callAudio), heard(customer, callAudio)]);
  console.log(`whisper: advisor before ${JSON.stringify(quietAdvisor)}, during ${JSON.stringify(whisperAtAdvisor)}; customer ${JSON.stringify(whisperAtCustomer)}`);
  expect(whisperAtAdvisor.energy > AUDIBLE && quietAdvisor.energy < AUDIBLE, `the advisor did not hear the whisper (${JSON.stringify(whisperAtAdvisor)} vs silence ${JSON.stringify(quietAdvisor)})`);
  expect(whisperAtCustomer.packets === 0, `the customer received ${whisperAtCustomer.packets} audio packets during the whisper`);

  step = 'a supervisor of Shenzhen is refused the Hong Kong call';
  await signInOn(staff, 'suzy', '/supervisor');
  const refused = await call(staff, 'POST', `/api/supervisor/monitor/${interactionId}`, { mode: 'LISTEN', sdp: 'v=0' });
  expect(refused.status === 403, `suzy (SZ) was answered ${refused.status} ${refused.body} for an HK call`);
  await signOut(staff);

  step = 'barging in, the customer receives sam';
  await sam.click('#monitor button[data-mode="BARGE"]');
  await sam.waitForSelector('#monitor-status[data-key="monitor.mode.BARGE"]');
  const barge = await heard(customer, callAudio);
  console.log(`barge: customer ${JSON.stringify(barge)}`);
  expect(barge.packets > 0 && barge.energy > AUDIBLE, `the customer did not hear sam barge in (${JSON.stringify(barge)})`);
  await sam.screenshot({ path: path.join(SHOTS, 'supervisor-monitor-barge.png'), fullPage: true });

  step = 'sam stops; alice unmutes and ends the call';
  await sam.click('#monitor-stop');
  await sam.waitForSelector('#monitor-status[data-key="monitor.stopped"]');
  await silence(customer, false);
  await advisor.click('#mute');
  await endCall(advisor);

  step = 'the audit log and the recording\'s timeline show every start, change and stop';
  await signInOn(staff, 'connie', '/compliance');
  const found = await fromSealedRecording(staff, { purpose: 'supervisor monitoring test' }, async ({ timeline, get }) => {
    const marks = timeline.filter((e) => e.attributes && e.attributes.monitor).map((e) => `${e.attributes.monitor} ${e.actor}`);
    if (marks.length === 0) return null;
    const presence = timeline.filter((e) => e.kind.startsWith('PARTICIPANT_')).map((e) => `${e.kind} ${e.actor} ${e.attributes.role}`);
    const audit = await get('/api/compliance/audit?user=sam');
    const denied = await get('/api/compliance/audit?user=suzy');
    return { marks, presence, audit: audit.filter((a) => a.action === 'MONITOR' && a.detail.includes(interactionId)).map((a) => a.detail.split(' ').pop()).reverse(),
      denied: denied.filter((a) => a.action === 'MONITOR').map((a) => a.outcome) };
  });
  console.log(`timeline and audit: ${JSON.stringify(found)}`);
  const expected = ['LISTEN sam', 'WHISPER sam', 'BARGE sam', 'STOPPED sam'];
  expect(found && JSON.stringify(found.marks) === JSON.stringify(expected), `the timeline's monitoring marks are ${JSON.stringify(found?.marks)}`);
  expect(found && JSON.stringify(found.audit.slice().sort()) === JSON.stringify(['BARGE', 'LISTEN', 'STOPPED', 'WHISPER']),
    `sam's audited monitoring actions are ${JSON.stringify(found?.audit)}`);
  expect(found && JSON.stringify(found.denied) === JSON.stringify(['DENIED']), `suzy's refused attempt is audited as ${JSON.stringify(found?.denied)}`);
  expect(found && JSON.stringify(found.presence) === JSON.stringify(['PARTICIPANT_JOINED sam SUPERVISOR', 'PARTICIPANT_LEFT sam SUPERVISOR']),
    `the timeline shows sam joining and leaving as ${JSON.stringify(found?.presence)}`);
}

// issue 22 item 1: alice shares her screen in a video call with chan, stops and shares again. chan's page decodes the
// screen on its own track and shows it large beside the cameras; the recording keeps three video legs (chan's camera,
// alice's camera, alice's screen). Prints "SCREEN RESULT <json>" (the share's times, the legs and their exported
// files in EXPORTS) for the Java test to check that the legs replay in step.
async function screen() {
  const { customer, advisor } = await videoCall();
  const screenFrames = (page) => page.evaluate(() => window.mvtmScreenStats.framesDecoded);

  step = 'alice shares her screen; chan sees it large and decodes it';
  await advisor.waitForSelector('#screen-share:not([hidden]):not([disabled])');
  const sharedAt = new Date();
  await advisor.click('#screen-share');
  await advisor.waitForSelector('#screen-share[aria-pressed="true"]');
  await customer.waitForFunction(() => document.body.dataset.screenShare === 'on' && window.mvtmScreenStats.framesDecoded > 10);
  const [screenBox, cameraBox] = await Promise.all([customer.$eval('figure.screen', (f) => f.getBoundingClientRect().width),
    customer.$eval('#remote-video', (v) => v.getBoundingClientRect().width)]);
  expect(screenBox > 2 * cameraBox, `the screen (${screenBox}px) is not shown large beside the advisor's camera (${cameraBox}px)`);
  const cameraBefore = await customer.evaluate(() => window.mvtmCallStats.framesDecoded);
  await customer.waitForFunction((n) => window.mvtmCallStats.framesDecoded > n + 10, cameraBefore);
  await customer.screenshot({ path: path.join(SHOTS, 'screen-share-customer.png') });

  step = 'alice stops sharing; the screen goes away and no screen frames arrive';
  await advisor.click('#screen-share');
  await advisor.waitForSelector('#screen-share[aria-pressed="false"]');
  await customer.waitForFunction(() => document.body.dataset.screenShare === 'off');
  const stoppedAt = new Date();
  expect(await customer.$eval('figure.screen', (f) => f.hidden), 'the stopped screen is still shown');
  await settle(customer);
  const stoppedFrames = await screenFrames(customer);
  await customer.waitForTimeout(2000);
  const framesWhileStopped = await screenFrames(customer) - stoppedFrames;
  expect(framesWhileStopped === 0, `chan decoded ${framesWhileStopped} screen frames while alice was not sharing`);

  step = 'alice shares again (Alt+S) and chan decodes the screen again';
  const resharedAt = new Date();
  await advisor.keyboard.press('Alt+KeyS');
  await advisor.waitForSelector('#screen-share[aria-pressed="true"]');
  await customer.waitForFunction((n) => document.body.dataset.screenShare === 'on' && window.mvtmScreenStats.framesDecoded > n + 10, stoppedFrames);
  await customer.waitForTimeout(1500);
  const endedAt = new Date();
  console.log(`screen: ${stoppedFrames} frames before the stop, ${framesWhileStopped} while stopped, ${await screenFrames(customer)} in all`);
  await endCall(advisor);

  step = 'the recording has three video legs: chan\'s camera, alice\'s camera and alice\'s screen';
  const officer = await signIn('connie', '/compliance');
  const headers = { 'X-Purpose': 'screen sharing test' };
  const found = await officer.evaluate(async (h) => {
    for (let i = 0; i < 120; i++) {
      const list = await (await fetch('/api/compliance/recordings?customer=chan', { headers: h })).json();
      for (const r of list.filter((x) => x.state === 'SEALED')) {
        const legs = await (await fetch(`/api/compliance/recordings/${r.id.value}/legs`, { headers: h })).json();
        if (legs.some((l) => l.kind === 'SCREEN')) return { id: r.id.value, legs };
      }
      await new Promise((res) => setTimeout(res, 500));
    }
    return null;
  }, headers);
  if (!found) throw new Error('no sealed recording of chan with a screen leg');
  const video = found.legs.filter((l) => l.packets > 0 && l.payloadTypes.some((p) => p.kind === 'VIDEO'));
  const kinds = video.map((l) => `${l.party} ${l.kind}`).sort();
  expect(JSON.stringify(kinds) === JSON.stringify(['advisor CALL', 'advisor SCREEN', 'customer CALL']), `the recording's video legs are ${JSON.stringify(kinds)}`);

  step = 'the officer downloads each video leg as the compliance console replays it';
  const legs = [];
  for (const leg of video) {
    const bytes = await officer.evaluate(async ([id, legId, h]) => {
      const r = await fetch(`/api/compliance/recordings/${id}/media/${encodeURIComponent(legId)}`, { headers: h });
      const b = new Uint8Array(await r.arrayBuffer());
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(s);
    }, [found.id, leg.legId, headers]);
    const file = path.join(EXPORTS, `${leg.legId.replace(/[^\w.-]/g, '_')}.webm`);
    fs.writeFileSync(file, Buffer.from(bytes, 'base64'));
    legs.push({ legId: leg.legId, party: leg.party, kind: leg.kind, firstPacketAt: leg.firstPacketAt, lastPacketAt: leg.lastPacketAt, file });
  }

  step = 'the compliance console starts the screen at its offset into the recording, in step with the cameras';
  await officer.fill('#purpose', 'screen sharing test');
  await officer.fill('input[name="customer"]', 'chan');
  await officer.click('#search-form button[type=submit]');
  await officer.click(`#results tr[data-recording="${found.id}"] button.replay`);
  await officer.waitForFunction(() => {
    const videos = [...document.querySelectorAll('#legs video')];
    return videos.some((v) => v.dataset.kind === 'SCREEN') && videos.every((v) => v.readyState >= 1);
  });
  const placed = async (at) => officer.evaluate((t) => {
    const seek = document.getElementById('seek');
    seek.value = String(t);
    seek.dispatchEvent(new Event('input'));
    return [...document.querySelectorAll('#legs video')].map((v) => ({ kind: v.dataset.kind, offset: Number(v.dataset.offset), at: v.currentTime }));
  }, at);
  const before = await placed(0);
  const screenOffset = before.find((v) => v.kind === 'SCREEN').offset;
  expect(before.filter((v) => v.kind === 'CALL').every((v) => v.offset < screenOffset), `the screen does not start after the cameras: ${JSON.stringify(before)}`);
  const inside = await placed(screenOffset + 1);
  console.log(`compliance console at ${(screenOffset + 1).toFixed(2)} s: ${JSON.stringify(inside)}`);
  expect(inside.every((v) => Math.abs(v.offset + v.at - (screenOffset + 1)) < 0.1), `the legs are not in step at ${screenOffset + 1} s: ${JSON.stringify(inside)}`);
  const early = await placed(Math.max(0, screenOffset - 0.5));
  expect(early.find((v) => v.kind === 'SCREEN').at === 0, `the screen is not at its start before its offset: ${JSON.stringify(early)}`);
  await officer.screenshot({ path: path.join(SHOTS, 'screen-share-compliance.png'), fullPage: true });
  console.log(`SCREEN RESULT ${JSON.stringify({ recording: found.id, sharedAt, stoppedAt, resharedAt, endedAt, legs })}`);
}

async function main() {
  const scenarios = { web, sip, consult, chat, screen, 'sip-colleague': sipColleague, 'sip-supervisor': sipSupervisor };
  if (!scenarios[SCENARIO]) throw new Error(`SCENARIO must be one of ${Object.keys(scenarios).join(', ')}`);
  await scenarios[SCENARIO]();
}

finish(main, { ok: 'LIVE CALLS OK', failed: 'LIVE CALLS FAILED', shots: 'live-calls-failed', browsers, step: () => step, problems });
