// The advisor console's screen sharing (issue 22): a "Share screen" button in the call controls (Alt+S) sends the
// screen (getDisplayMedia) on a peer connection of its own to the relay, which passes it only to the customer's page
// and records it as a leg of its own. The leg is negotiated on the first share and kept for the call: stopping and
// sharing again swap the track (replaceTrack, no new SDP). A customer on a phone line cannot see a screen: the button
// is disabled and the line under the controls says why.
import { t } from './i18n.js';
import { getJson, post } from './http.js';

const $ = (id) => document.getElementById(id);
const call = $('call');
const button = document.createElement('button');
button.type = 'button';
button.id = 'screen-share';
button.hidden = true;
button.setAttribute('aria-pressed', 'false');
button.setAttribute('aria-keyshortcuts', 'Alt+S');
call.querySelector('.actions').insertBefore(button, $('hangup'));
const note = document.createElement('p');
note.id = 'screen-share-note';
note.className = 'status';
note.setAttribute('role', 'status');
note.hidden = true;
call.querySelector('.actions').after(note);

// the call's screen leg: { interactionId, pc, sender, track }
let shared = null;
let shown = { available: false, sharing: false };
const stats = { framesSent: 0, sharing: false };
window.mvtmScreenShare = stats;

const url = (id) => `/api/agent/interactions/${encodeURIComponent(id)}/screen`;
const mediaCall = () => !call.hidden && ['VIDEO', 'VOICE'].includes(call.dataset.channel) && call.dataset.interaction;

function render() {
  button.textContent = t(shown.sharing ? 'screen.stop' : 'screen.share');
  button.title = `${button.textContent} (Alt+S)`;
  button.setAttribute('aria-pressed', String(shown.sharing));
  button.disabled = !shown.available;
  button.dataset.reason = shown.reason ?? '';
  const line = shown.reason ? t(`screen.unavailable.${shown.reason}`) : shown.sharing ? t('screen.sharing') : '';
  note.hidden = !line;
  note.textContent = line;
  note.dataset.key = shown.reason ? `screen.unavailable.${shown.reason}` : shown.sharing ? 'screen.sharing' : '';
  stats.sharing = shown.sharing;
}

function close() {
  shared?.track?.stop();
  shared?.pc.close();
  shared = null;
}

async function refresh() {
  const id = mediaCall();
  button.hidden = !id;
  if (shared && $('media').hidden) close(); // the call ended
  if (!id) { note.hidden = true; return; }
  try { shown = await getJson(url(id)); } catch { shown = { available: false, sharing: false }; }
  render();
}

async function screenLeg(id, track) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  const sender = pc.addTransceiver(track, { direction: 'sendonly' }).sender;
  await pc.setLocalDescription(await pc.createOffer());
  const answer = await (await post(`${url(id)}/leg`, { sdp: pc.localDescription.sdp })).json();
  await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  return { interactionId: id, pc, sender, track };
}

async function start(id) {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  const track = stream.getVideoTracks()[0];
  track.addEventListener('ended', () => { if (shared?.track === track) stop(id); }); // stopped from the browser's bar
  if (shared && shared.interactionId === id) {
    await shared.sender.replaceTrack(track);
    shared.track = track;
  } else {
    close();
    shared = await screenLeg(id, track);
  }
  shown = await (await post(url(id), { sharing: true })).json();
}

async function stop(id) {
  if (shared) {
    await shared.sender.replaceTrack(null);
    shared.track?.stop();
    shared.track = null;
  }
  shown = await (await post(url(id), { sharing: false })).json();
}

async function toggle() {
  const id = mediaCall();
  if (!id || button.disabled) return;
  button.disabled = true;
  try {
    await (shown.sharing ? stop(id) : start(id));
  } catch (e) {
    note.hidden = false;
    note.textContent = `${t('screen.failed')}: ${e.message}`;
    note.dataset.key = 'screen.failed';
    button.disabled = false;
    return;
  }
  render();
}

setInterval(async () => {
  if (!shared?.track) return;
  const report = await shared.pc.getStats();
  report.forEach((s) => { if (s.type === 'outbound-rtp' && s.kind === 'video') stats.framesSent = s.framesSent ?? stats.framesSent; });
}, 1000);

button.addEventListener('click', toggle);
document.addEventListener('keydown', (e) => {
  if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS' && !button.hidden) { e.preventDefault(); toggle(); }
});
document.addEventListener('mvtm:locale', render);
new MutationObserver(refresh).observe(call, { attributes: true, attributeFilter: ['hidden', 'data-interaction', 'data-channel'] });
new MutationObserver(refresh).observe($('media'), { attributes: true, attributeFilter: ['hidden'] });
