// Live call monitoring on the supervisor board (issue 16 item 4): pick a call of your regions, then Listen (you hear
// both sides, nobody hears you), Whisper (only the advisor hears you) or Barge in (everyone hears you), and Stop.
// The media goes through the server's relay like any call leg (POST /api/supervisor/monitor/{id} with the offer);
// every start, change and stop is audited and marked on the recording's timeline by the server.
// window.mvtmMonitorStats: audio packets and energy received (the page's own meter, also used by the tests).
import { apply, t } from './i18n.js';
import { el, getJson } from './http.js';
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
    el('button', { type: 'button', id: 'monitor-stop', 'data-i18n': 'monitor.stop', disabled: true }, 'Stop')),
  el('p', { id: 'monitor-status', role: 'status', 'aria-live': 'polite' }),
  el('audio', { id: 'monitor-audio', autoplay: true }));

const request = (method, interactionId, body) => requestJson(method, `/api/supervisor/monitor/${encodeURIComponent(interactionId)}`, body);

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
      await request('PUT', interactionId, { mode: chosen });
    } else {
      await stop();
      const leg = new AudioLeg(document.getElementById('monitor-audio'));
      window.mvtmMonitorStats = leg.stats;
      await leg.start(async (sdp) => (await request('POST', interactionId, { mode: chosen, sdp })).sdp);
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
  const { interactionId, leg } = session;
  session = null;
  leg.stop();
  mode = '';
  await request('DELETE', interactionId).catch(() => {});
  show('monitor.stopped');
}

// the calls in progress on the board (the server refuses chats and other regions' calls with a reason)
async function refreshCalls() {
  const snapshot = await getJson('/api/supervisor/snapshot').catch(() => null);
  if (!snapshot) return;
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
  apply(card);
  refreshCalls();
  setInterval(refreshCalls, 2000);
  card.dataset.ready = 'true';
}

// after supervisor.js has loaded the translations and drawn the board
if (document.body.dataset.ready === 'true') mount();
else new MutationObserver((_, observer) => {
  if (document.body.dataset.ready === 'true') { observer.disconnect(); mount(); }
}).observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
