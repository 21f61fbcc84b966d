// Compliance console: search, synchronised replay of both legs with the chat/event timeline, integrity badge,
// export with a stated reason, legal hold and four-eyes deletion, audit trail. Every request carries the officer's
// stated purpose.
import { known, locale, t } from './i18n.js';
import { el, getJson, post, sendJson } from './http.js';
import { $, flash, startPage } from './page-bootstrap.js';
import { mmss } from './time-format.js';

const me = await startPage();
$('region').append(...me.regions.map((r) => el('option', { value: r }, r)));

const state = { recording: null, videos: [], startedAt: 0 };
const purpose = () => ({ 'X-Purpose': $('purpose').value.trim() });
// the newest search's number: an older search answered late (a slow server, Search pressed twice) does not replace
// the newer one's results, nor the row a Replay click is aimed at
let searches = 0;

$('search-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(e.target).entries()) {
    if (!v || k === 'purpose') continue;
    params.set(k, k === 'from' || k === 'to' ? new Date(`${v}T00:00:00`).toISOString() : v);
  }
  const search = ++searches;
  try {
    const rows = await getJson(`/api/compliance/recordings?${params}`, purpose());
    if (search !== searches) return;
    $('results').tBodies[0].replaceChildren(...rows.map((r) => el('tr', { 'data-recording': r.id.value },
      el('td', {}, new Date(r.metadata.startedAt).toLocaleString(locale())),
      el('td', {}, `${r.metadata.customerName} (${r.metadata.customer.value})`),
      el('td', {}, r.metadata.advisorName || r.metadata.advisor.value),
      el('td', {}, t(`channel.${r.metadata.channel}`)), el('td', {}, r.metadata.region.code),
      el('td', {}, mmss(Number.parseFloat(String(r.duration).replace(/[^0-9.]/g, '')) || 0)),
      el('td', {}, r.state),
      el('td', {}, el('button', { type: 'button', class: 'replay', onclick: () => open(r) }, t('compliance.replay'))))));
    if (rows.length === 0) flash(t('compliance.none'));
  } catch (err) { if (search === searches) flash(err.message); }
});

async function open(r) {
  state.recording = r;
  state.startedAt = new Date(r.metadata.startedAt).getTime();
  $('player').hidden = false;
  $('player-name').textContent = `${r.metadata.customerName} · ${new Date(r.metadata.startedAt).toLocaleString(locale())}`;
  $('integrity').textContent = r.lastVerification ? badge(r.lastVerification) : t('compliance.unverified');
  const id = r.id.value;
  $('player').dataset.recording = id;
  const q = encodeURIComponent($('purpose').value.trim());
  // one audited DESCRIBE for the opening (the server remembers the recording's region for the requests below)
  try { Object.assign(r, await getJson(`/api/compliance/recordings/${id}`, purpose())); } catch (err) { flash(err.message); return; }
  $('integrity').textContent = r.lastVerification ? badge(r.lastVerification) : t('compliance.unverified');
  disposal(r);
  let legs = r.legs;
  try { legs = await getJson(`/api/compliance/recordings/${id}/legs`, purpose()); } catch (err) { flash(err.message); }
  legs = legs.filter((leg) => leg.party !== 'document'); // documents are shown from the timeline (compliance-documents.js)
  r.legs = legs;
  // the relay keeps what was said from the advisor joining until the recording starts, so a leg may begin before
  // startedAt: the player's zero is the earliest of the two
  legs.forEach((leg) => {
    const first = leg.firstPacketAt ? Date.parse(leg.firstPacketAt) : Number.NaN;
    if (Number.isFinite(first)) state.startedAt = Math.min(state.startedAt, first);
  });
  // each leg's file starts at its first packet: it plays from that offset into the recording, so a screen shared
  // later in the call, or a colleague who joined, stays in step with the others
  state.offsets = legs.map(legOffset);
  state.videos = legs.map((leg, i) => el('video', { src: `/api/compliance/recordings/${id}/media/${encodeURIComponent(leg.legId)}?purpose=${q}`, preload: 'metadata', 'aria-label': `${leg.party} ${leg.legId}`, 'data-leg': leg.legId, 'data-kind': leg.kind ?? 'CALL', 'data-offset': state.offsets[i] }));
  $('legs').replaceChildren(...state.videos.map((v, i) => el('figure', {}, v, el('figcaption', {}, `${t(`party.${r.legs[i].party}`)}${r.legs[i].kind === 'SCREEN' ? ` · ${t('compliance.screenLeg')}` : ''} · ${r.legs[i].legId}`))));
  state.lead = state.offsets.indexOf(Math.min(...state.offsets));
  const lead = state.videos[state.lead];
  state.videos.forEach((v, i) => v.addEventListener('loadedmetadata', () => {
    $('seek').max = String(Math.max(Number($('seek').max) || 0, state.offsets[i] + (v.duration || 0)));
  }));
  if (lead) {
    lead.addEventListener('timeupdate', () => {
      const now = lead.currentTime + state.offsets[state.lead];
      $('seek').value = String(now); $('clock').textContent = mmss(now); highlight(now); follow(now, !lead.paused);
    });
  }
  try {
    const timeline = await getJson(`/api/compliance/recordings/${id}/timeline`, purpose());
    $('timeline').replaceChildren(...timeline.map((e) => {
      const offset = Math.max(0, (new Date(e.at).getTime() - state.startedAt) / 1000);
      return el('li', { class: `entry ${e.kind.toLowerCase()}`, 'data-offset': offset, 'data-document': e.attributes?.documentId ? JSON.stringify(e.attributes) : undefined },
        el('button', { type: 'button', class: 'link-button', onclick: () => seek(offset), 'aria-label': `${t('compliance.seekTo')} ${mmss(offset)}` }, mmss(offset)),
        el('span', { class: 'who' }, `${t(`kind.${e.kind}`)} ${e.actor}`), el('span', { class: 'text' }, e.text));
    }));
  } catch (err) { flash(err.message); }
  loadAudit();
  showDisposition(r);
}

// the advisor's wrap-up code and notes, kept with the interaction the recording belongs to
async function showDisposition(r) {
  $('disposition').hidden = true;
  const response = await fetch(`/api/compliance/interactions/${encodeURIComponent(r.metadata.interaction.value)}/disposition`,
    { credentials: 'same-origin', headers: { Accept: 'application/json', ...purpose() } });
  if (!response.ok || state.recording !== r) return;
  const d = await response.json();
  $('disposition-code').textContent = known(`code.${d.code}`) ? t(`code.${d.code}`) : d.code;
  $('disposition-code').dataset.code = d.code;
  $('disposition-notes').textContent = d.notes || '—';
  $('disposition').hidden = false;
}

function badge(v) {
  $('integrity').dataset.ok = String(v.ok);
  return v.ok ? t('compliance.intact', { n: v.segmentsChecked }) : t('compliance.tampered', { reason: v.reason });
}

function highlight(time) {
  $('timeline').querySelectorAll('li').forEach((li) => li.classList.toggle('past', Number(li.dataset.offset) <= time));
}

function legOffset(leg) {
  const first = leg.firstPacketAt ? Date.parse(leg.firstPacketAt) : Number.NaN;
  return Number.isFinite(first) ? Math.max(0, (first - state.startedAt) / 1000) : 0;
}

// the other legs follow the lead (the earliest): each plays once the recording reaches its offset
function follow(now, playing) {
  state.videos.forEach((v, i) => {
    if (i === state.lead) return;
    const local = now - state.offsets[i];
    if (local < 0) { if (!v.paused) v.pause(); return; }
    if (Math.abs(v.currentTime - local) > 0.5) v.currentTime = local;
    if (playing && v.paused && !v.ended) v.play().catch(() => {});
  });
}

function seek(seconds) {
  state.videos.forEach((v, i) => { v.currentTime = Math.max(0, seconds - state.offsets[i]); });
  highlight(seconds);
}

$('play').addEventListener('click', () => {
  const lead = state.videos[state.lead];
  lead?.play().catch(() => {});
  if (lead) follow(lead.currentTime + state.offsets[state.lead], true);
});
$('pause').addEventListener('click', () => state.videos.forEach((v) => v.pause()));
$('seek').addEventListener('input', () => seek(Number($('seek').value)));

$('verify').addEventListener('click', async () => {
  try {
    const response = await post(`/api/compliance/recordings/${state.recording.id.value}/verify`, {}, purpose());
    $('integrity').textContent = badge(await response.json());
    loadAudit();
  } catch (err) { $('integrity').dataset.ok = 'false'; $('integrity').textContent = err.message; }
});

$('export-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const response = await post(`/api/compliance/recordings/${state.recording.id.value}/export`, { reason: $('export-reason').value.trim() }, purpose());
    const blob = await response.blob();
    const link = $('export-link');
    link.href = URL.createObjectURL(blob);
    link.download = `recording-${state.recording.id.value}.zip`;
    link.textContent = `${t('compliance.download')} (SHA-256 ${response.headers.get('X-Package-SHA256')?.slice(0, 16)}…)`;
    link.hidden = false;
    loadAudit();
  } catch (err) { flash(err.message); }
});

// Legal hold and four-eyes deletion: one officer requests, a different one approves (the server refuses the requester).
function disposal(r) {
  const held = Boolean(r.legalHold);
  const pending = r.deletionRequest || null;
  $('hold-state').dataset.held = String(held);
  $('hold-state').textContent = held ? t('compliance.onHold') : t('compliance.notOnHold');
  $('deletion-state').textContent = pending
    ? t('compliance.deletionPending', { by: pending.requestedBy, reason: pending.reason }) : '';
  $('hold').hidden = held;
  $('release').hidden = !held;
  $('request-deletion').hidden = held || Boolean(pending);
  $('approve-deletion').hidden = !pending || pending.requestedBy === me.username;
  $('withdraw-deletion').hidden = !pending;
}

async function send(method, path, body) {
  const reason = $('disposal-reason').value.trim();
  if (reason.length < 5) { flash(t('compliance.reasonNeeded')); $('disposal-reason').focus(); return null; }
  const response = await sendJson(method, path, { ...body, reason }, { Accept: 'application/json', ...purpose() });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).message ?? message; } catch { /* no JSON body */ }
    throw new Error(`${response.status}: ${message}`);
  }
  $('disposal-reason').value = '';
  return response;
}

async function afterDisposal() {
  const id = state.recording.id.value;
  try {
    Object.assign(state.recording, await getJson(`/api/compliance/recordings/${id}`, purpose()));
    disposal(state.recording);
    loadAudit();
  } catch (err) {
    if (String(err.message).startsWith('404')) { // deleted: nothing left to show
      $('player').hidden = true;
      document.querySelector(`#results tr[data-recording="${id}"]`)?.remove();
      flash(t('compliance.deleted'));
    } else {
      flash(err.message);
    }
  }
}

const recordingPath = () => `/api/compliance/recordings/${state.recording.id.value}`;
for (const [button, action] of Object.entries({
  hold: () => send('PUT', `${recordingPath()}/legal-hold`, { hold: true }),
  release: () => send('PUT', `${recordingPath()}/legal-hold`, { hold: false }),
  'request-deletion': () => send('POST', `${recordingPath()}/deletion`, {}),
  'approve-deletion': () => send('POST', `${recordingPath()}/deletion/approve`, {}),
  'withdraw-deletion': () => send('POST', `${recordingPath()}/deletion/withdraw`, {}),
})) {
  $(button).addEventListener('click', async () => {
    try {
      if (await action()) await afterDisposal();
    } catch (err) { flash(err.message); loadAudit(); }
  });
}

async function loadAudit() {
  try {
    const entries = await getJson(`/api/compliance/audit?recording=${encodeURIComponent(state.recording.id.value)}`, purpose());
    $('audit').tBodies[0].replaceChildren(...entries.map((a) => el('tr', { 'data-action': a.action },
      el('td', {}, a.sequence), el('td', {}, new Date(a.at).toLocaleString(locale())), el('td', {}, a.userId),
      el('td', {}, a.action), el('td', {}, a.outcome), el('td', {}, a.detail))));
  } catch (err) { flash(err.message); }
}
document.body.dataset.ready = 'true';
