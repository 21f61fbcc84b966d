// The customer page's side of the advisor's screen sharing (issue 22): when the advisor shares (pushed as a
// "screen-share" message, or read when the page loads), the page receives the screen on a peer connection of its
// own and shows it large, the advisor's camera small beside it; when the advisor stops, the screen goes away.
import { t } from './i18n.js';
import { getJson, post } from './http.js';

const $ = (id) => document.getElementById(id);
const media = $('media');
const video = document.createElement('video');
video.id = 'screen-video';
video.autoplay = true;
video.playsInline = true;
video.muted = true;
const caption = document.createElement('figcaption');
const figure = document.createElement('figure');
figure.className = 'screen';
figure.hidden = true;
figure.append(video, caption);
media.prepend(figure);

let pc = null;
const stats = { framesDecoded: 0, sharing: false };
window.mvtmScreenStats = stats;

const conversation = () => sessionStorage.getItem('mvtm.conversation');
const url = () => `/api/customer/conversations/${encodeURIComponent(conversation())}/screen`;

function render() {
  caption.textContent = t('screen.advisorScreen');
  video.setAttribute('aria-label', t('screen.advisorScreen'));
}

async function receive() {
  if (pc) return;
  pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addEventListener('track', (e) => { video.srcObject = new MediaStream([e.track]); });
  await pc.setLocalDescription(await pc.createOffer());
  const answer = await (await post(`${url()}/leg`, { sdp: pc.localDescription.sdp })).json();
  await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
}

async function show(sharing) {
  stats.sharing = sharing;
  figure.hidden = !sharing;
  media.classList.toggle('sharing', sharing);
  document.body.dataset.screenShare = sharing ? 'on' : 'off';
  if (sharing) {
    try { await receive(); } catch (e) { console.warn(`screen share: ${e.message}`); }
  }
}

function close() {
  pc?.close();
  pc = null;
  video.srcObject = null;
  show(false);
}

document.addEventListener('mvtm:message', (e) => { if (e.detail.type === 'screen-share') show(e.detail.sharing); });
document.addEventListener('mvtm:locale', render);
new MutationObserver(async () => {
  const status = document.body.dataset.status;
  if (status === 'ENDED') { close(); return; }
  if (status === 'CONNECTED' && conversation() && !pc) {
    try { const s = await getJson(url()); if (s.sharing) show(true); } catch { /* not a call */ }
  }
}).observe(document.body, { attributes: true, attributeFilter: ['data-status'] });

setInterval(async () => {
  if (!pc) return;
  const report = await pc.getStats();
  report.forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'video') stats.framesDecoded = s.framesDecoded ?? 0; });
}, 1000);
render();
