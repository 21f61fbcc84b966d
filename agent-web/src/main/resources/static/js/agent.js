// The advisor console. All state comes from the server ('desk' on every (re)connect), so a reload, a network
// drop or a server restart brings the console back as it was.
import { initLocales, known, localeForLanguage, t } from './i18n.js';
import { csrfToken, el, getJson } from './http.js';
import { consoleLinks } from './console-nav.js';
import { ReconnectingSocket } from './socket.js';
import { BrowserCall } from './call.js';

const $ = (id) => document.getElementById(id);
const me = await getJson('/api/me');
await initLocales($('langs'), localeForLanguage(me.language));
document.querySelectorAll('.csrf').forEach((i) => { i.value = csrfToken(); });
$('who').textContent = me.displayName;
consoleLinks($('consoles'), me);

const state = { offer: null, active: null, call: null, callSince: null, held: false, muted: false, desk: null, canned: {} };

const socket = new ReconnectingSocket('/ws/agent', {
  onMessage: handle,
  onStatus: (s) => { $('link').textContent = t(`link.${s}`); $('link').dataset.state = s; },
});
// text set from code follows a change of interface language too
document.addEventListener('mvtm:locale', () => { if ($('link').dataset.state) $('link').textContent = t(`link.${$('link').dataset.state}`); });

function handle(m) {
  switch (m.type) {
    case 'desk': renderDesk(m); break;
    case 'presence': renderPresence(m); break;
    case 'offer': showOffer(m); break;
    case 'offer-gone': if (state.offer?.customer.interactionId === m.interactionId) hideOffer(); break;
    case 'connected': connect(m); break;
    case 'chat': if (state.active?.customer.interactionId === m.interactionId) addLine(m); break;
    case 'sdp-answer': state.call?.answer(m.sdp); break;
    case 'media-failed': if (state.active?.customer.interactionId === m.interactionId) state.call?.fail(m.party); break;
    case 'ended': ended(m); break;
    case 'error': showError(m); break;
    default:
  }
}

function renderDesk(d) {
  state.desk = d;
  renderPresence(d.presence);
  $('transfer-target').replaceChildren(
    ...d.queues.map((q) => el('option', { value: `queue:${q}` }, `${t('agent.queue')}: ${q}`)),
    ...d.advisors.map((a) => el('option', { value: `advisor:${a.agentId}` }, `${t('agent.advisor')}: ${a.displayName}`)));
  if (d.offers.length > 0) showOffer(d.offers[0]); else hideOffer();
  if (d.active.length > 0) connect(d.active[0]);
  $('wrapup').hidden = !d.wrapUpPending;
  renderToday(d.today);
}

function renderPresence(p) {
  $('presence-state').textContent = t(`presence.${p.state}`) + (p.reason ? ` (${p.reason})` : '');
  $('presence-state').dataset.state = p.state;
  $('presence-state').dataset.reason = p.reason ?? '';
  document.body.dataset.presence = p.state;
  if (p.state === 'WRAP_UP') $('wrapup').hidden = false;
}

function renderToday(today) {
  $('today').tBodies[0].replaceChildren(...today.map((e) => el('tr', { 'data-interaction': e.interactionId, 'data-code': e.wrapUpCode },
    el('td', {}, e.customerName), el('td', {}, t(`channel.${e.channel}`)), el('td', {}, e.queue),
    el('td', {}, new Date(e.acceptedAt).toLocaleTimeString()), el('td', {}, e.wrapUpCode ? t(`code.${e.wrapUpCode}`) : '…'))));
}

function context(dl, c) {
  const rows = [
    ['agent.customer', `${c.customerName} (${c.customerId})`], ['agent.tier', c.tier], ['agent.language', t(`language.${c.language}`)],
    ['agent.product', c.product || '—'], ['agent.channel', t(`channel.${c.channel}`)], ['agent.queue', c.queue],
    ['agent.reason', t(`handoff.${c.handoffReason}`)], ['agent.region', c.region],
  ];
  dl.replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)]));
}

function showOffer(o) {
  state.offer = o;
  $('offer').hidden = false;
  context($('offer-context'), o.customer);
  $('offer-transcript').replaceChildren(...o.customer.transcript.map(lineItem));
  clearInterval(state.countdown);
  const tick = () => {
    const left = Math.max(0, Math.round((new Date(o.expiresAt) - Date.now()) / 1000));
    $('offer-countdown').textContent = left;
    if (left === 0) clearInterval(state.countdown);
  };
  tick();
  state.countdown = setInterval(tick, 500);
  $('accept').focus();
}

function hideOffer() {
  state.offer = null;
  clearInterval(state.countdown);
  $('offer').hidden = true;
}

// the advisor's view of a line: the customer is "Customer" here (speaker.* labels are the customer's view)
const ADVISOR_VIEW = { CUSTOMER: 'party.customer', ADVISOR: 'party.advisor' };

function lineItem(m) {
  return el('li', { class: `line ${m.speaker.toLowerCase()}`, 'data-speaker': m.speaker },
    el('span', { class: 'who' }, t(ADVISOR_VIEW[m.speaker] ?? `speaker.${m.speaker}`)), el('span', { class: 'text' }, m.text));
}

function addLine(m) {
  $('transcript').append(lineItem(m));
  $('transcript').lastElementChild.scrollIntoView({ block: 'nearest' });
}

async function loadCanned(language) {
  const locale = localeForLanguage(language);
  if (!state.canned[locale]) state.canned[locale] = (await getJson(`/i18n/${locale}.json`))['canned'] ?? [];
  $('canned').replaceChildren(el('option', { value: '' }, t('agent.canned')), ...state.canned[locale].map((c) => el('option', { value: c }, c)));
}

function connect(c) {
  if (state.offer?.customer.interactionId === c.customer.interactionId) hideOffer();
  const same = state.active?.customer.interactionId === c.customer.interactionId;
  state.active = c;
  state.callSince = new Date(c.since);
  $('call').hidden = false;
  $('call').dataset.interaction = c.customer.interactionId; // read by agent-pci.js
  $('call-customer').textContent = c.customer.customerName;
  context($('call-context'), c.customer);
  if (!same) $('transcript').replaceChildren(...c.customer.transcript.map(lineItem));
  loadCanned(c.customer.language);
  const media = c.customer.channel === 'VIDEO' || c.customer.channel === 'VOICE';
  ['media', 'mute', 'hold', 'quality'].forEach((id) => { $(id).hidden = !media; });
  if (!same) setHeld(false);
  if (media && !state.call) startCall(c.customer.channel === 'VIDEO');
  clearInterval(state.timer);
  state.timer = setInterval(() => {
    const s = Math.max(0, Math.floor((Date.now() - state.callSince) / 1000));
    $('call-timer').textContent = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }, 1000);
  $('chat-input').focus();
}

async function startCall(video) {
  const id = state.active.customer.interactionId;
  state.call = new BrowserCall({
    video,
    localVideo: $('local-video'),
    remoteVideo: $('remote-video'),
    sendOffer: (sdp) => socket.send({ type: 'sdp-offer', interactionId: id, sdp }),
    sendCandidate: (candidate) => socket.send({ type: 'ice', interactionId: id, candidate }),
    onQuality: (level, s) => { $('quality').textContent = t(`quality.${level}`, s); $('quality').dataset.level = level; },
    onFailure: () => {
      $('quality').textContent = t('agent.mediaFailed');
      $('quality').dataset.level = 'failed';
      $('media-retry').hidden = false;
    },
  });
  $('media-retry').hidden = true;
  try { await state.call.start(); } catch (e) { showError({ code: 'media', message: e.message }); }
}

// reconnect a call whose media failed: the customer's page and this console both offer again
$('media-retry').addEventListener('click', () => {
  if (!state.active || !state.call) return;
  const { video } = state.call;
  socket.send({ type: 'media-retry', interactionId: state.active.customer.interactionId });
  state.call.stop();
  state.call = null;
  setMuted(false); // the new media leg starts unmuted, on the page and in the relay
  startCall(video);
});

function ended(m) {
  if (state.active?.customer.interactionId !== m.interactionId) return;
  $('media-retry').hidden = true;
  state.call?.stop();
  state.call = null;
  setHeld(false);
  setMuted(false);
  $('quality').textContent = '';
  delete $('quality').dataset.level;
  state.active = null;
  clearInterval(state.timer);
  $('call').hidden = true;
  $('wrapup').hidden = false;
  $('wrapup-code').focus();
  socket.send({ type: 'desk' });
}

// errors in the advisor's language: the code's string when there is one, else a translated generic line
// (the server's English detail goes to the browser console and the tooltip for support, never into the text)
function showError(m) {
  const key = known(`error.${m.code}`) ? `error.${m.code}` : 'error.generic';
  // parameters the server sends with a refusal; presence states in them are shown by their translated names
  const params = Object.fromEntries(Object.entries(m.params ?? {}).map(([k, v]) =>
    [k, k === 'from' || k === 'to' ? t(`presence.${v}`) : v]));
  flash(t(key, { ...m, ...params }), m.message);
  if (m.message) console.warn(`server said ${m.code}: ${m.message}`);
}

function setMuted(muted) {
  state.muted = muted;
  state.call?.setMuted(muted);
  $('mute').setAttribute('aria-pressed', String(muted));
  $('mute').textContent = t(muted ? 'agent.unmute' : 'agent.mute');
}

function setHeld(held) {
  state.held = held;
  state.call?.setHeld(held);
  $('hold').setAttribute('aria-pressed', String(held));
  $('hold').textContent = t(held ? 'agent.resume' : 'agent.hold');
}

function flash(text, detail = '') {
  $('message').title = detail;
  $('message').textContent = text;
  $('message').hidden = false;
  setTimeout(() => { $('message').hidden = true; }, 8000);
}

$('presence-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const [stateName, reason] = $('presence').value.split(':');
  // applying the state the advisor is already in changes nothing: say nothing either
  const current = $('presence-state').dataset;
  if (current.state === stateName && (stateName === 'READY' || current.reason === reason)) return;
  socket.send({ type: 'presence', state: stateName, reason: reason ?? '' });
});
$('accept').addEventListener('click', () => state.offer && socket.send({ type: 'accept', interactionId: state.offer.customer.interactionId }));
$('reject').addEventListener('click', () => { if (state.offer) { socket.send({ type: 'reject', interactionId: state.offer.customer.interactionId }); hideOffer(); } });
$('canned').addEventListener('change', () => { if ($('canned').value) { $('chat-input').value = $('canned').value; $('chat-input').focus(); } });
$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('chat-input').value.trim();
  if (text && state.active && socket.send({ type: 'chat', interactionId: state.active.customer.interactionId, text })) $('chat-input').value = '';
});
// Mute: the browser stops sending the microphone and the server stops relaying it; the recording marks both
$('mute').addEventListener('click', () => {
  if (!state.active) return;
  setMuted(!state.muted);
  socket.send({ type: 'mute', interactionId: state.active.customer.interactionId, on: state.muted });
});
$('hold').addEventListener('click', () => {
  if (!state.active) return;
  const held = !state.held;
  setHeld(held);
  socket.send({ type: 'hold', interactionId: state.active.customer.interactionId, on: held });
});
$('hangup').addEventListener('click', () => state.active && socket.send({ type: 'hangup', interactionId: state.active.customer.interactionId }));
$('transfer-form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!state.active) return;
  const [kind, target] = $('transfer-target').value.split(':');
  socket.send({ type: 'transfer', interactionId: state.active.customer.interactionId, [kind]: target });
});
$('wrapup-form').addEventListener('submit', (e) => {
  e.preventDefault();
  socket.send({ type: 'wrapup', code: $('wrapup-code').value, notes: $('wrapup-notes').value });
  $('wrapup-notes').value = '';
  $('wrapup').hidden = true;
  socket.send({ type: 'desk' });
});
window.mvtmSocket = socket; // lets the browser tests cut the connection and watch the console come back
document.body.dataset.ready = 'true';
