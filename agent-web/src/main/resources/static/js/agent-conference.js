// Three-way calls in the advisor console (issue 16 item 2): in a call, invite a colleague (an advisor id) to join;
// an invited advisor's console shows the invitation and joins with its own media leg through the relay, so the
// customer, the advisor and the colleague each hear the two others; in a video call the colleague's camera joins
// too and the colleague sees the customer and the advisor in a tile each (CameraTiles); Leave ends the colleague's part.
// #call[data-interaction] is the console's current call (set by agent.js). window.mvtmConferenceStats is the
// colleague's received-audio meter (also used by the tests).
import { apply, t } from './i18n.js';
import { el, getJson } from './http.js';
import { whenPageReady } from './page-bootstrap.js';
import { AudioLeg, requestJson as request } from './audio-leg.js';
import { CameraTiles } from './camera-tiles.js';

let joined = null; // the AudioLeg of the call joined
window.mvtmConferenceStats = { audioPacketsReceived: 0, audioEnergy: 0 };

const card = el('section', { class: 'card', id: 'conference', 'aria-labelledby': 'conference-title' },
  el('h2', { id: 'conference-title', 'data-i18n': 'conference.title' }, 'Three-way call'),
  el('form', { id: 'conference-invite' },
    el('label', { for: 'conference-colleague', 'data-i18n': 'conference.colleague' }, 'Colleague (advisor id)'),
    el('input', { id: 'conference-colleague', autocomplete: 'off' }),
    el('button', { type: 'submit', 'data-i18n': 'conference.invite' }, 'Invite')),
  el('div', { id: 'conference-invitation', hidden: true },
    el('p', { id: 'conference-from' }),
    el('button', { type: 'button', id: 'conference-join', 'data-i18n': 'conference.join' }, 'Join'),
    el('button', { type: 'button', id: 'conference-leave', 'data-i18n': 'conference.leave', hidden: true }, 'Leave')),
  el('p', { id: 'conference-status', role: 'status', 'aria-live': 'polite' }),
  el('div', { id: 'conference-cameras', class: 'media' }),
  el('audio', { id: 'conference-audio', autoplay: true }));

function show(key, vars) {
  const status = document.getElementById('conference-status');
  status.dataset.key = key;
  status.textContent = t(key, vars);
}

async function invite(e) {
  e.preventDefault();
  const interactionId = document.getElementById('call')?.dataset.interaction;
  const colleague = document.getElementById('conference-colleague').value.trim();
  try {
    await request('POST', `/api/agent/conference/${encodeURIComponent(interactionId ?? '')}`, { colleague });
    show('conference.invited', { colleague });
  } catch (error) {
    show('conference.refused', { reason: error.message });
  }
}

let invitation = null;
async function poll() {
  if (joined) return;
  const found = await getJson('/api/agent/conference/invitations').catch(() => []);
  invitation = found[0] ?? null;
  const box = document.getElementById('conference-invitation');
  box.hidden = !invitation;
  if (invitation) document.getElementById('conference-from').textContent = t('conference.from', { from: invitation.from, customer: invitation.customerName });
}

async function join() {
  if (!invitation || joined) return;
  const { interactionId, channel } = invitation;
  try {
    const tiles = channel === 'VIDEO' ? new CameraTiles(document.getElementById('conference-cameras')) : null;
    const leg = new AudioLeg(`/api/agent/conference/${encodeURIComponent(interactionId)}/join`,
      document.getElementById('conference-audio'), tiles);
    window.mvtmConferenceStats = leg.stats;
    await leg.start();
    joined = leg;
    document.getElementById('conference-join').hidden = true;
    document.getElementById('conference-leave').hidden = false;
    show('conference.joined', { customer: invitation.customerName });
  } catch (error) {
    show('conference.refused', { reason: error.message });
  }
}

async function leave() {
  if (!joined) return;
  const leg = joined;
  joined = null;
  await leg.hangUp();
  document.getElementById('conference-join').hidden = false;
  document.getElementById('conference-leave').hidden = true;
  show('conference.left');
  poll();
}

function mount() {
  document.querySelector('main').append(card);
  document.getElementById('conference-invite').addEventListener('submit', invite);
  document.getElementById('conference-join').addEventListener('click', join);
  document.getElementById('conference-leave').addEventListener('click', leave);
  apply(card);
  poll();
  setInterval(poll, 2000);
  card.dataset.ready = 'true';
}

whenPageReady(mount);
