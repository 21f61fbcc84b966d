// Live monitoring on the supervisor board (issue 16 item 4): pick a call of your regions, then Listen (you hear
// both sides, nobody hears you), Whisper (only the advisor hears you) or Barge in (everyone hears you), and Stop; or
// pick a chat, Read it (the lines so far, refreshed) and send the advisor a private note the customer never sees.
// The media goes through the server's relay like any call leg (POST /api/supervisor/monitor/{id} with the offer);
// every start, change and stop is audited and marked on the recording's timeline by the server.
// window.mvtmMonitorStats: audio packets and energy received (the page's own meter, also used by the tests).
import { apply, t } from './i18n.js';
import { el } from './http.js';
import { whenPageReady } from './page-bootstrap.js';
import { AudioLeg, requestJson } from './audio-leg.js';

const id = (x) => (x && typeof x === 'object' ? x.value : x);
let session = null; // { interactionId, leg }
window.mvtmMonitorStats = { audioPacketsReceived: 0, audioEnergy: 0 };
let mode = '';

const modeButton = (mode, key) => el('button', { type: 'button', 'data-mode': mode, 'data-i18n': key }, mode);
const card = el('section', { class: 'card', id: 'monitor', 'aria-labelledby': 'monitor-title' },
  el('h2', { id: 'monitor-title', 'data-i18n': 'monitor.title' }, 'Live monitoring'),
  el('form', { id: 'monitor-form' },
    el('label', { for: 'monitor-call', 'data-i18n': 'monitor.call' }, 'Call'),
    el('select', { id: 'monitor-call' }),
    modeButton('LISTEN', 'monitor.listen'), modeButton('WHISPER', 'monitor.whisper'), modeButton('BARGE', 'monitor.barge'),
    el('button', { type: 'button', id: 'monitor-stop', 'data-i18n': 'monitor.stop', disabled: true }, 'Stop'),
    el('button', { type: 'button', id: 'monitor-read', 'data-i18n': 'monitor.read' }, 'Read chat')),
  el('ol', { id: 'monitor-chat', class: 'transcript small', hidden: true }),
  el('form', { id: 'monitor-note-form', hidden: true },
    el('label', { for: 'monitor-note', 'data-i18n': 'monitor.note' }, 'Private note to the advisor'),
    el('input', { id: 'monitor-note', autocomplete: 'off' }),
    el('button', { type: 'submit', 'data-i18n': 'monitor.sendNote' }, 'Send')),
  el('p', { id: 'monitor-status', role: 'status', 'aria-live': 'polite' }),
  el('audio', { id: 'monitor-audio', autoplay: true }));

const monitorUrl = (interactionId) => `/api/supervisor/monitor/${encodeURIComponent(interactionId)}`;

function show(key, vars) {
  const status = document.getElementById('monitor-status');
  status.dataset.key = key;
  status.textContent = t(key, vars);
  document.getElementById('monitor-stop').disabled = !session;
  card.dataset.mode = mode;
}

async function monitor(chosen) {
  const interactionId = document.getElementById('monitor-call').value;
  if (!interactionId) return;
  try {
    if (session?.interactionId === interactionId) {
      await requestJson('PUT', monitorUrl(interactionId), { mode: chosen });
    } else {
      await stop();
      const leg = new AudioLeg(monitorUrl(interactionId), document.getElementById('monitor-audio'));
      window.mvtmMonitorStats = leg.stats;
      await leg.start({ mode: chosen });
      session = { interactionId, leg };
    }
    mode = chosen;
    show(`monitor.mode.${chosen}`, { call: interactionId.slice(0, 8) });
  } catch (e) {
    show('monitor.refused', { reason: e.message });
  }
}

async function stop() {
  if (!session) return;
  const { leg } = session;
  session = null;
  mode = '';
  await leg.hangUp();
  show('monitor.stopped');
}

// reading a chat: the server pushes its lines over the board's socket at every new line (read-chat), and again
// after the socket reconnects; another region's chat is refused with a reason
let readingChat = null;
function readChat() {
  readingChat = document.getElementById('monitor-call').value || null;
  if (readingChat) window.mvtmSupervisorSocket.send({ type: 'read-chat', interactionId: readingChat });
}

function showChat(m) {
  if (m.interactionId !== readingChat) return;
  document.getElementById('monitor-chat').replaceChildren(...m.lines.map((l) => el('li', { 'data-speaker': l.speaker }, l.text)));
  document.getElementById('monitor-chat').hidden = false;
  document.getElementById('monitor-note-form').hidden = false;
  show('monitor.reading', { call: readingChat.slice(0, 8) });
}

async function sendNote(e) {
  e.preventDefault();
  const input = document.getElementById('monitor-note');
  try {
    await requestJson('POST', `/api/supervisor/chats/${encodeURIComponent(readingChat ?? '')}/notes`, { text: input.value });
    input.value = '';
    show('monitor.noteSent');
  } catch (error) {
    show('monitor.refused', { reason: error.message });
  }
}

// the calls in progress on the board, from the snapshot the server pushes every second (the server refuses chats
// and other regions' calls with a reason)
function refreshCalls(snapshot) {
  const select = document.getElementById('monitor-call');
  const chosen = select.value;
  const options = snapshot.advisors.flatMap((a) => a.current.map((c) => el('option', { value: id(c), 'data-agent': a.agentId },
    `${a.name} · ${id(c).slice(0, 8)}`)));
  select.replaceChildren(...options);
  if (options.some((o) => o.value === chosen)) select.value = chosen;
}

function mount() {
  document.querySelector('main').append(card);
  card.querySelectorAll('button[data-mode]').forEach((b) => b.addEventListener('click', () => monitor(b.dataset.mode)));
  document.getElementById('monitor-stop').addEventListener('click', stop);
  document.getElementById('monitor-read').addEventListener('click', readChat);
  document.getElementById('monitor-note-form').addEventListener('submit', sendNote);
  document.addEventListener('mvtm:supervisor', ({ detail: m }) => {
    if (m.type === 'snapshot') refreshCalls(m);
    if (m.type === 'chat') showChat(m);
    if ((m.type === 'forbidden' || m.type === 'not-found') && readingChat) {
      readingChat = null;
      show('monitor.refused', { reason: m.message });
    }
    if (m.type === 'link' && m.state === 'online' && readingChat) window.mvtmSupervisorSocket.send({ type: 'read-chat', interactionId: readingChat });
  });
  apply(card);
  card.dataset.ready = 'true';
}

// after supervisor.js has loaded the translations and drawn the board
whenPageReady(mount);
