// The customer demo page (stand-in for the bank's mobile app). The conversation id lives in sessionStorage so a
// reload or network drop rejoins the same conversation and keeps the queue place.
import { known, localeForLanguage, t, useLocale } from './i18n.js';
import { csrfToken, el } from './http.js';
import { $, showLinkStatus, startPage } from './page-bootstrap.js';
import { ReconnectingSocket } from './socket.js';
import { BrowserCall } from './call.js';
import { HoldMusic } from './hold-music.js';
import { MediaRehome } from './media-rehome.js';
import { transcriptLine } from './transcript-line.js';

await startPage({ who: null });

const state = { language: sessionStorage.getItem('mvtm.language'), conversationId: sessionStorage.getItem('mvtm.conversation'), status: null, call: null };
const holdMusic = new HoldMusic();
window.mvtmHoldMusicLevel = () => holdMusic.level(); // the browser tests measure the music the customer hears

// The bank's app presents its identity provider's token on the socket; this demo page gets a fresh one for every
// connection from the server's built-in demo issuer, so the demo runs the production validation path.
async function customerToken() {
  const r = await fetch('/demo-identity/token', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } });
  return r.ok ? `access_token=${encodeURIComponent((await r.json()).token)}` : '';
}

// a call whose media node died is started again once the socket is back (media-rehome.js)
const rehome = new MediaRehome({
  calls: () => [['call', state.call]],
  restart: (key, call) => { endCall(); startCall(call.video); },
});
const socket = new ReconnectingSocket('/ws/customer', {
  query: customerToken,
  onOpen: () => { if (state.language) hello(); rehome.opened(); },
  onMessage: handle,
  onStatus: showLinkStatus,
});

function hello() {
  socket.send({ type: 'hello', language: state.language, conversationId: state.conversationId ?? '' });
}

document.querySelectorAll('[data-language]').forEach((b) => b.addEventListener('click', async () => {
  state.language = b.dataset.language;
  sessionStorage.setItem('mvtm.language', state.language);
  await useLocale(localeForLanguage(state.language));
  hello();
}));

function handle(m) {
  switch (m.type) {
    case 'welcome':
      state.conversationId = m.conversationId;
      sessionStorage.setItem('mvtm.conversation', m.conversationId);
      $('start').hidden = true;
      $('conversation').hidden = false;
      $('transcript').replaceChildren(...m.transcript.map(line));
      $('chat-input').value = '';
      showStatus({ status: m.status, channel: m.channel, advisorName: m.advisorName, position: 0, estimatedWaitSeconds: -1, held: false });
      $('chat-input').focus();
      break;
    case 'chat':
      document.querySelectorAll('.quick-replies').forEach((q) => q.remove()); // a later line makes old choices stale
      $('transcript').append(line(m));
      if (m.quickReplies?.length) $('transcript').lastElementChild.append(quickReplies(m.quickReplies));
      $('transcript').lastElementChild.scrollIntoView({ block: 'nearest' });
      break;
    case 'status':
      showStatus(m);
      break;
    case 'sdp-answer':
      state.call?.answer(m.sdp);
      break;
    case 'media-failed':
      state.call?.fail(m.party);
      break;
    case 'media-retry':
      if (state.call) { const { video } = state.call; endCall(); startCall(video); }
      break;
    case 'error':
      showError(m.code, m.message, m.params);
      if (m.code === 'no-conversation') showStatus({ status: 'ENDED', channel: 'CHAT', position: 0 }, true);
      break;
    default: // messages of the page's add-ons (customer-callback.js)
      document.dispatchEvent(new CustomEvent('mvtm:message', { detail: m }));
  }
}

function line(m) {
  return transcriptLine(m, t(`speaker.${m.speaker}`));
}

// the assistant's clarifying question: one button per choice, which sends the choice's question as the customer's line
function quickReplies(choices) {
  const box = el('div', { class: 'quick-replies', role: 'group' });
  choices.forEach((text) => {
    const b = el('button', { type: 'button', class: 'quick-reply' }, text);
    b.addEventListener('click', () => { if (socket.send({ type: 'chat', text })) box.remove(); });
    box.append(b);
  });
  return box;
}

// the customer reads every message in their language: a code with a translation, or a translated generic line
function showError(code, detail, params = {}) {
  $('status').textContent = `${t('common.error')}: ${t(known(`error.${code}`) ? `error.${code}` : 'error.generic', params)}`;
  if (detail) console.warn(`server said ${code}: ${detail}`);
}

function showStatus(m, keepText = false) {
  state.status = m.status;
  document.body.dataset.status = m.status;
  let text = '';
  if (m.status === 'WITH_BOT') text = t('customer.withBot');
  if (m.status === 'QUEUED') {
    if (m.position > 0 && m.estimatedWaitSeconds < 0) text = t('customer.queuedNoAdvisor', { position: m.position });
    else text = m.position > 0
      ? t('customer.queued', { position: m.position, minutes: Math.max(1, Math.round(m.estimatedWaitSeconds / 60)) })
      : t('customer.queuedNoPosition');
  }
  if (m.status === 'CONNECTED') text = t(m.held ? 'customer.onHold' : 'customer.connected', { name: m.advisorName });
  if (m.status === 'ENDED') {
    text = t('customer.ended');
    endCall();
    sessionStorage.removeItem('mvtm.conversation');
    state.conversationId = null;
  }
  const held = m.status === 'CONNECTED' && m.held === true;
  state.call?.setHeld(held);
  if (held) holdMusic.start(); else holdMusic.stop();
  if (!keepText) $('status').textContent = text;
  $('status').dataset.position = m.position ?? 0;
  const withPerson = m.status === 'QUEUED' || m.status === 'CONNECTED';
  ['ask-chat', 'ask-video', 'ask-voice'].forEach((id) => { $(id).disabled = m.status !== 'WITH_BOT'; });
  $('hangup').disabled = m.status === 'ENDED';
  // an ended conversation is not a dead end: the page offers a new one instead of a form that can only fail
  const ended = m.status === 'ENDED';
  $('chat-input').disabled = ended;
  $('chat-form').querySelector('button').disabled = ended;
  $('new-conversation').hidden = !ended;
  if (ended) $('new-conversation').focus();
  if (m.status === 'CONNECTED' && (m.channel === 'VIDEO' || m.channel === 'VOICE') && !state.call) startCall(m.channel === 'VIDEO');
  $('media').hidden = !(withPerson && m.channel !== 'CHAT');
}

async function startCall(video) {
  $('media').hidden = false;
  state.call = new BrowserCall({
    video,
    localVideo: $('local-video'),
    remoteVideo: $('remote-video'),
    sendOffer: (sdp) => socket.send({ type: 'sdp-offer', sdp }),
    sendCandidate: (candidate) => socket.send({ type: 'ice', candidate }),
    onQuality: (level, s) => { $('quality').textContent = t(`quality.${level}`, s); $('quality').dataset.level = level; },
    onFailure: () => { $('quality').textContent = t('customer.mediaFailed'); $('quality').dataset.level = 'failed'; },
  });
  try {
    await state.call.start();
  } catch (e) {
    showError('media', e.message);
  }
}

function endCall() {
  state.call?.stop();
  state.call = null;
  holdMusic.stop();
  $('quality').textContent = '';
  delete $('quality').dataset.level;
}

$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('chat-input').value.trim();
  if (text && socket.send({ type: 'chat', text })) $('chat-input').value = '';
});
$('ask-chat').addEventListener('click', () => socket.send({ type: 'person', channel: 'CHAT' }));
$('ask-video').addEventListener('click', () => socket.send({ type: 'person', channel: 'VIDEO' }));
$('ask-voice').addEventListener('click', () => socket.send({ type: 'person', channel: 'VOICE' }));
$('hangup').addEventListener('click', () => { socket.send({ type: 'hangup' }); endCall(); });
$('new-conversation').addEventListener('click', () => {
  sessionStorage.removeItem('mvtm.conversation');
  state.conversationId = null;
  $('transcript').replaceChildren();
  $('new-conversation').hidden = true;
  hello();
});
if (state.language) await useLocale(localeForLanguage(state.language));
window.mvtmSocket = socket;
document.body.dataset.ready = 'true';
