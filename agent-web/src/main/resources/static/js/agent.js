// The advisor console. All state comes from the server ('desk' on every (re)connect), so a reload, a network
// drop or a server restart brings the console back as it was.
//
// Several interactions at once (a call and chats, up to the advisor's capacity): each has a tab with its customer,
// channel, timer and unread mark; the workspace (#call) shows the selected one. Switching tabs never touches a call's
// media (its BrowserCall lives with its interaction, the video shrinks to a corner) nor a chat (lines of every
// interaction are kept, the draft of each is kept). An ended interaction keeps its tab until its wrap-up is done.
//
// Other console features hook in from their own files through `desk` (export below): desk.selected(),
// desk.on(type, fn) for server messages this file does not handle, desk.socket, and the 'mvtm:selected' event.
import { known, locale, localeForLanguage, t } from './i18n.js';
import { el, getJson } from './http.js';
import { $, flash, showLinkStatus, startPage } from './page-bootstrap.js';
import { mmss, secondsSince } from './time-format.js';
import { transcriptLine } from './transcript-line.js';
import { ReconnectingSocket } from './socket.js';
import { BrowserCall } from './call.js';
import { MediaRehome } from './media-rehome.js';

await startPage({ who: (me) => me.displayName });

// items: interaction id -> { customer, since, lines, unread, draft, ended, wrapUp, call, held, muted }
const state = { offer: null, items: new Map(), selected: null, desk: null, canned: {} };
const listeners = new Map();
const isMedia = (customer) => customer.channel === 'VIDEO' || customer.channel === 'VOICE';
const selectedItem = () => state.items.get(state.selected) ?? null;

// calls whose media node died are started again once the socket is back (media-rehome.js)
const rehome = new MediaRehome({
  calls: () => [...state.items.entries()].map(([id, item]) => [id, item.call]),
  restart: (id, call) => restartCall(id, call.video),
});
const socket = new ReconnectingSocket('/ws/agent', {
  onOpen: () => rehome.opened(),
  onMessage: handle,
  onStatus: showLinkStatus,
});
// text set from code follows a change of interface language too
document.addEventListener('mvtm:locale', () => {
  renderTabs();
  renderWorkspace();
});

/** What the console's other files (consult, monitoring, pause...) use. */
export const desk = {
  socket,
  /** The selected interaction: { id, customer, call, ended } or null. */
  selected() {
    const item = selectedItem();
    return item && { id: state.selected, customer: item.customer, call: item.call, ended: item.ended };
  },
  /** Every interaction on the desk. */
  interactions() {
    return [...state.items.entries()].map(([id, i]) => ({ id, customer: i.customer, call: i.call, ended: i.ended }));
  },
  /** Server messages of a type this file does not handle go to fn. */
  on(type, fn) { listeners.set(type, [...(listeners.get(type) ?? []), fn]); },
  select,
};
window.mvtmDesk = desk;

function handle(m) {
  switch (m.type) {
    case 'desk': renderDesk(m); break;
    case 'presence': renderPresence(m); break;
    case 'offer': showOffer(m); break;
    case 'offer-gone': if (state.offer?.customer.interactionId === m.interactionId) hideOffer(); break;
    case 'connected': connect(m, true); break;
    case 'chat': chatLine(m); break;
    case 'sdp-answer': state.items.get(m.interactionId)?.call?.answer(m.sdp); break;
    case 'media-failed': state.items.get(m.interactionId)?.call?.fail(m.party); break;
    case 'ended': ended(m); break;
    case 'error': showError(m); break;
    case 'forced': flash(t(m.afterConversations ? 'agent.forcedAfter' : 'agent.forced',
      { by: m.by, state: t(`presence.${m.state}`), reason: m.reason })); break;
    default: (listeners.get(m.type) ?? []).forEach((fn) => fn(m));
  }
}

function renderDesk(d) {
  state.desk = d;
  renderPresence(d.presence);
  $('transfer-target').replaceChildren(
    ...d.queues.map((q) => el('option', { value: `queue:${q}` }, `${t('agent.queue')}: ${q}`)),
    ...d.advisors.map((a) => el('option', { value: `advisor:${a.agentId}` }, `${t('agent.advisor')}: ${a.displayName}`)));
  if (d.offers.length > 0) showOffer(d.offers[0]); else hideOffer();
  const live = new Set(d.active.map((c) => c.customer.interactionId));
  const waiting = new Map((d.wrapUps ?? []).map((w) => [w.interactionId, w]));
  // what the server no longer holds leaves the desk (a call that ended while the console was away, a wrap-up done)
  for (const [id, item] of state.items) {
    if (!live.has(id) && !waiting.has(id)) drop(id);
    else if (!live.has(id) && !item.ended) endItem(id, item, waiting.get(id));
  }
  d.active.forEach((c) => connect(c, false));
  for (const [id, w] of waiting) {
    const item = state.items.get(id);
    if (item) { item.wrapUp = w; continue; }
    const day = d.today.find((e) => e.interactionId === id);
    state.items.set(id, {
      customer: { interactionId: id, customerName: day?.customerName ?? id, channel: day?.channel ?? 'CHAT', queue: day?.queue ?? '' },
      since: day ? new Date(day.acceptedAt) : new Date(), lines: [], unread: 0, draft: '', ended: true, wrapUp: w, call: null,
    });
  }
  if (!state.items.has(state.selected)) state.selected = state.items.keys().next().value ?? null;
  renderTabs();
  renderWorkspace();
  renderToday(d.today);
}

function renderPresence(p) {
  $('presence-state').textContent = t(`presence.${p.state}`) + (p.reason ? ` (${p.reason})` : '');
  $('presence-state').dataset.state = p.state;
  $('presence-state').dataset.reason = p.reason ?? '';
  document.body.dataset.presence = p.state;
}

const codeLabel = (code, label) => (known(`code.${code}`) ? t(`code.${code}`) : label ?? code);

function renderToday(today) {
  $('today').tBodies[0].replaceChildren(...today.map((e) => el('tr', { 'data-interaction': e.interactionId, 'data-code': e.wrapUpCode },
    el('td', {}, e.customerName), el('td', {}, t(`channel.${e.channel}`)), el('td', {}, e.queue),
    el('td', {}, new Date(e.acceptedAt).toLocaleTimeString(locale())), el('td', {}, e.wrapUpCode ? codeLabel(e.wrapUpCode) : '…'))));
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
  // an advisor typing to another customer keeps the keyboard (Alt+A accepts); an idle one lands on Accept
  if (state.items.size === 0) $('accept').focus();
}

function hideOffer() {
  state.offer = null;
  clearInterval(state.countdown);
  $('offer').hidden = true;
}

// the advisor's view of a line: the customer is "Customer" here (speaker.* labels are the customer's view)
const ADVISOR_VIEW = { CUSTOMER: 'party.customer', ADVISOR: 'party.advisor' };

function lineItem(m) {
  return transcriptLine(m, t(ADVISOR_VIEW[m.speaker] ?? `speaker.${m.speaker}`));
}

function chatLine(m) {
  const item = state.items.get(m.interactionId);
  if (!item) return;
  item.lines.push(m);
  if (m.interactionId === state.selected) {
    $('transcript').append(lineItem(m));
    $('transcript').lastElementChild.scrollIntoView({ block: 'nearest' });
  } else if (m.speaker === 'CUSTOMER') {
    item.unread += 1;
    renderTabs();
  }
}

async function loadCanned(language) {
  const customers = localeForLanguage(language); // the customer's language's canned replies, not the page's
  if (!state.canned[customers]) state.canned[customers] = (await getJson(`/i18n/${customers}.json`))['canned'] ?? [];
  $('canned').replaceChildren(el('option', { value: '' }, t('agent.canned')), ...state.canned[customers].map((c) => el('option', { value: c }, c)));
}

/** A connected interaction (a new one the advisor accepted selects itself; a desk refresh keeps the selection). */
function connect(c, fresh) {
  const id = c.customer.interactionId;
  if (state.offer?.customer.interactionId === id) hideOffer();
  const item = state.items.get(id);
  if (item && !item.ended) {
    item.customer = c.customer;
    item.since = new Date(c.since);
    item.lines = c.customer.transcript.slice();
  } else {
    state.items.set(id, { customer: c.customer, since: new Date(c.since), lines: c.customer.transcript.slice(), unread: 0,
      draft: '', ended: false, call: null, held: false, muted: false });
    if (isMedia(c.customer)) startCall(id, c.customer.channel === 'VIDEO');
  }
  if (fresh || state.selected === null) {
    select(id);
  } else if (id === state.selected) {
    renderWorkspace();
  } else {
    renderTabs();
  }
}

/** Shows one interaction in the workspace; the others keep running behind their tabs. */
function select(id) {
  if (!state.items.has(id)) return;
  const before = selectedItem();
  if (before && state.selected !== id) before.draft = $('chat-input').value;
  state.selected = id;
  state.items.get(id).unread = 0;
  renderTabs();
  renderWorkspace();
  const item = selectedItem();
  if (item.ended) $('wrapup-code').focus(); else $('chat-input').focus();
  document.dispatchEvent(new CustomEvent('mvtm:selected', { detail: desk.selected() }));
}

const timer = (since) => mmss(secondsSince(since));

function renderTabs() {
  const tabs = [...state.items.entries()].map(([id, item], n) => el('button', {
    type: 'button', role: 'tab', id: `tab-${id}`, 'data-interaction': id, 'data-channel': item.customer.channel,
    'data-unread': item.unread, 'data-ended': item.ended, 'aria-selected': String(id === state.selected), 'aria-controls': 'call',
    title: n < 9 ? `Alt+${n + 1}` : undefined, onclick: () => select(id),
  },
  n < 9 ? el('span', { class: 'key', 'aria-hidden': 'true' }, String(n + 1)) : null,
  el('span', { class: 'tab-name' }, item.customer.customerName),
  el('span', { class: 'tab-channel' }, t(`channel.${item.customer.channel}`)),
  item.ended ? el('span', { class: 'tab-state' }, t('agent.wrapUp')) : el('time', { class: 'tab-timer' }, timer(item.since)),
  item.unread > 0 ? el('span', { class: 'unread', 'aria-label': t('agent.unread', { count: item.unread }) }, item.unread) : null));
  $('tabs').replaceChildren(...tabs);
  $('tabs').hidden = tabs.length === 0;
  const unread = [...state.items.values()].reduce((n, i) => n + i.unread, 0);
  document.title = `${unread > 0 ? `(${unread}) ` : ''}${t('agent.title')}`;
}

/** The workspace shows the selected interaction: its call or chat, or its wrap-up once it ended. */
function renderWorkspace() {
  const item = selectedItem();
  const call = [...state.items.values()].find((i) => i.call);
  $('call').hidden = !item || item.ended;
  $('wrapup').hidden = !item || !item.ended;
  // a running call stays on screen: full size on its own tab, in a corner over a chat
  $('media').hidden = !call;
  $('media').classList.toggle('pip', Boolean(call && call !== item));
  if (call) $('media-customer').textContent = call.customer.customerName;
  if (!item) return;
  if (item.ended) { renderWrapUp(item); return; }
  const c = item.customer;
  $('call').dataset.interaction = c.interactionId; // read by agent-pci.js
  $('call').dataset.channel = c.channel;
  $('call-customer').textContent = c.customerName;
  context($('call-context'), c);
  $('transcript').replaceChildren(...item.lines.map(lineItem));
  $('transcript').lastElementChild?.scrollIntoView({ block: 'nearest' });
  $('chat-input').value = item.draft ?? '';
  loadCanned(c.language);
  const media = isMedia(c);
  ['mute', 'hold', 'quality'].forEach((id) => { $(id).hidden = !media; });
  $('media-retry').hidden = !media || !item.call?.failure;
  setHeld(item, item.held);
  setMuted(item, item.muted);
  $('call-timer').textContent = timer(item.since);
}

function renderWrapUp(item) {
  $('wrapup').dataset.interaction = item.customer.interactionId;
  $('wrapup-customer').textContent = item.customer.customerName;
  const codes = item.wrapUp?.codes ?? [];
  const chosen = $('wrapup-code').value;
  $('wrapup-code').replaceChildren(...codes.map((c) => el('option', { value: c.code }, codeLabel(c.code, c.label))));
  if (codes.some((c) => c.code === chosen)) $('wrapup-code').value = chosen;
  $('wrapup-notes-required').hidden = !item.wrapUp?.required;
  $('wrapup-notes').required = Boolean(item.wrapUp?.required);
}

// one clock for every tab's timer and the workspace's
setInterval(() => {
  document.querySelectorAll('#tabs button[role=tab]').forEach((b) => {
    const item = state.items.get(b.dataset.interaction);
    const time = b.querySelector('time');
    if (item && time) time.textContent = timer(item.since);
  });
  const item = selectedItem();
  if (item && !item.ended) $('call-timer').textContent = timer(item.since);
}, 1000);

async function startCall(id, video) {
  const item = state.items.get(id);
  item.call = new BrowserCall({
    video,
    localVideo: $('local-video'),
    remoteVideo: $('remote-video'),
    sendOffer: (sdp) => socket.send({ type: 'sdp-offer', interactionId: id, sdp }),
    sendCandidate: (candidate) => socket.send({ type: 'ice', interactionId: id, candidate }),
    onQuality: (level, s) => { $('quality').textContent = t(`quality.${level}`, s); $('quality').dataset.level = level; },
    onFailure: () => {
      $('quality').textContent = t('agent.mediaFailed');
      $('quality').dataset.level = 'failed';
      if (state.selected === id) $('media-retry').hidden = false;
    },
  });
  $('media-retry').hidden = true;
  try { await item.call.start(); } catch (e) { showError({ code: 'media', message: e.message }); }
}

// reconnect a call whose media failed: the customer's page and this console both offer again
$('media-retry').addEventListener('click', () => {
  const item = selectedItem();
  if (!item?.call) return;
  socket.send({ type: 'media-retry', interactionId: state.selected });
  restartCall(state.selected, item.call.video);
});

function restartCall(id, video) {
  const item = state.items.get(id);
  if (!item?.call) return;
  item.call.stop();
  item.call = null;
  setMuted(item, false); // the new media leg starts unmuted, on the page and in the relay
  startCall(id, video);
}

function endItem(id, item, wrapUp) {
  item.call?.stop();
  item.call = null;
  item.ended = true;
  item.wrapUp = wrapUp ?? item.wrapUp;
  if (id === state.selected) {
    $('media-retry').hidden = true;
    $('quality').textContent = '';
    delete $('quality').dataset.level;
  }
}

function ended(m) {
  const item = state.items.get(m.interactionId);
  if (!item) return;
  endItem(m.interactionId, item, m.wrapUp);
  renderTabs();
  renderWorkspace();
  if (m.interactionId === state.selected) $('wrapup-code').focus();
  socket.send({ type: 'desk' });
}

function drop(id) {
  state.items.get(id)?.call?.stop();
  state.items.delete(id);
  if (state.selected === id) state.selected = state.items.keys().next().value ?? null;
}

// errors in the advisor's language: the code's string when there is one, else a translated generic line
// (the server's English detail goes to the browser console and the tooltip for support, never into the text)
function showError(m) {
  const key = known(`error.${m.code}`) ? `error.${m.code}` : 'error.generic';
  // parameters the server sends with a refusal; presence states in them are shown by their translated names
  const params = Object.fromEntries(Object.entries(m.params ?? {}).map(([k, v]) =>
    [k, k === 'from' || k === 'to' ? t(`presence.${v}`) : v]));
  flash(t(key, { ...m, ...params }), m.message);
  if (m.params?.field) document.body.dataset.errorField = m.params.field; // the field the server named
  if (m.message) console.warn(`server said ${m.code}: ${m.message}`);
}

function setMuted(item, muted) {
  item.muted = muted;
  item.call?.setMuted(muted);
  $('mute').setAttribute('aria-pressed', String(muted));
  $('mute').textContent = t(muted ? 'agent.unmute' : 'agent.mute');
}

function setHeld(item, held) {
  item.held = held;
  item.call?.setHeld(held);
  $('hold').setAttribute('aria-pressed', String(held));
  $('hold').textContent = t(held ? 'agent.resume' : 'agent.hold');
}

const accept = () => state.offer && socket.send({ type: 'accept', interactionId: state.offer.customer.interactionId });

$('presence-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const [stateName, reason] = $('presence').value.split(':');
  // applying the state the advisor is already in changes nothing: say nothing either
  const current = $('presence-state').dataset;
  if (current.state === stateName && (stateName === 'READY' || current.reason === reason)) return;
  socket.send({ type: 'presence', state: stateName, reason: reason ?? '' });
});
$('accept').addEventListener('click', accept);
$('reject').addEventListener('click', () => { if (state.offer) { socket.send({ type: 'reject', interactionId: state.offer.customer.interactionId }); hideOffer(); } });
$('canned').addEventListener('change', () => { if ($('canned').value) { $('chat-input').value = $('canned').value; $('chat-input').focus(); } });
$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('chat-input').value.trim();
  if (text && state.selected && socket.send({ type: 'chat', interactionId: state.selected, text })) {
    $('chat-input').value = '';
    selectedItem().draft = '';
  }
});
// Mute: the browser stops sending the microphone and the server stops relaying it; the recording marks both
$('mute').addEventListener('click', () => {
  const item = selectedItem();
  if (!item?.call) return;
  setMuted(item, !item.muted);
  socket.send({ type: 'mute', interactionId: state.selected, on: item.muted });
});
$('hold').addEventListener('click', () => {
  const item = selectedItem();
  if (!item?.call) return;
  setHeld(item, !item.held);
  socket.send({ type: 'hold', interactionId: state.selected, on: item.held });
});
$('hangup').addEventListener('click', () => state.selected && socket.send({ type: 'hangup', interactionId: state.selected }));
$('transfer-form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!state.selected) return;
  const [kind, target] = $('transfer-target').value.split(':');
  socket.send({ type: 'transfer', interactionId: state.selected, [kind]: target });
});
$('wrapup-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const id = $('wrapup').dataset.interaction;
  socket.send({ type: 'wrapup', interactionId: id, code: $('wrapup-code').value, notes: $('wrapup-notes').value });
  $('wrapup-notes').value = '';
  socket.send({ type: 'desk' }); // the server's desk drops the tab once the wrap-up is kept (a refusal keeps it)
});
// a click on the corner video goes back to the call
$('media').addEventListener('click', () => {
  const id = [...state.items.entries()].find(([, i]) => i.call)?.[0];
  if (id && id !== state.selected) select(id);
});

// Keyboard: Alt+1..Alt+9 selects the n-th interaction, Alt+U the next one with unread lines, Alt+A accepts the offer.
// (e.code, so the keys work with any keyboard layout and input method)
document.addEventListener('keydown', (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (digit) {
    const id = [...state.items.keys()][Number(digit[1]) - 1];
    if (id) { e.preventDefault(); select(id); }
  } else if (e.code === 'KeyU') {
    const ids = [...state.items.keys()];
    const start = ids.indexOf(state.selected);
    const next = [...ids.slice(start + 1), ...ids.slice(0, start + 1)].find((id) => state.items.get(id).unread > 0);
    if (next) { e.preventDefault(); select(next); }
  } else if (e.code === 'KeyA' && state.offer) {
    e.preventDefault();
    accept();
  }
});
window.mvtmSocket = socket; // lets the browser tests cut the connection and watch the console come back
document.body.dataset.ready = 'true';
