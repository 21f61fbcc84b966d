// Supervisor dashboard: live snapshot every second over /ws/supervisor (advisors and waiting customers of the
// supervisor's regions only), routing explanation on request, and the supervisor's actions over /api/supervisor:
// set an advisor Not ready or log them out with a reason, move a waiting customer to another queue.
import { known, locale, t } from './i18n.js';
import { el, sendJson } from './http.js';
import { $, flash, showLinkStatus, startPage } from './page-bootstrap.js';
import { mmss } from './time-format.js';
import { ReconnectingSocket } from './socket.js';

await startPage();

// ids (AgentId, QueueId) arrive as {"value": "..."} records
const id = (x) => (x && typeof x === 'object' ? x.value : x);
const socket = new ReconnectingSocket('/ws/supervisor', {
  onMessage: (m) => { if (m.type === 'snapshot') render(m); if (m.type === 'explanation') explain(m); if (m.type === 'error' || m.type === 'forbidden') $('explanation').textContent = m.message; document.dispatchEvent(new CustomEvent('mvtm:supervisor', { detail: m })); },
  onStatus: (s) => { showLinkStatus(s); document.dispatchEvent(new CustomEvent('mvtm:supervisor', { detail: { type: 'link', state: s } })); },
});
window.mvtmSupervisorSocket = socket; // the board's cards (supervisor-monitor.js) ask for their pushes over it

function render(s) {
  $('queues').tBodies[0].replaceChildren(...s.queues.map((q) => el('tr', { 'data-queue': q.queue },
    el('th', { scope: 'row' }, q.name), el('td', {}, q.waiting), el('td', {}, mmss(q.longestWaitSeconds)),
    el('td', { class: q.serviceLevel < 0.8 ? 'warn' : '' }, `${Math.round(q.serviceLevel * 100)}%`),
    el('td', {}, mmss(q.averageSpeedOfAnswerSeconds)), el('td', {}, q.abandoned), el('td', {}, q.answered))));
  $('advisors').tBodies[0].replaceChildren(...s.advisors.map((a) => el('tr', { 'data-agent': a.agentId },
    el('th', { scope: 'row' }, a.name), el('td', {}, a.region),
    el('td', { class: `state ${a.state}` }, t(`presence.${a.state}`) + (a.reason ? ` (${a.reason})` : '')),
    el('td', {}, mmss(a.secondsInState)),
    el('td', { class: 'current' },
      ...(a.interactions ?? []).map((i) => el('button', { type: 'button', class: 'link-button', 'data-interaction': i.interactionId, onclick: () => ask(i.interactionId) },
        `${i.customerName} · ${t(`channel.${i.channel}`)} · ${i.queue}`)),
      a.offer ? el('button', { type: 'button', class: 'link-button', onclick: () => ask(a.offer) }, `${t('supervisor.offered')} ${a.offer.slice(0, 8)}`) : null),
    el('td', {}, a.node),
    el('td', {}, a.state === 'LOGGED_OUT' ? '' : el('button', { type: 'button', class: 'force', onclick: () => openForce(a) }, t('supervisor.changeState'))))));
  renderWaiting(s);
}

// the queue each waiting customer is about to be moved to, kept across the snapshots of every second
const moveTo = new Map();

function renderWaiting(s) {
  const queues = s.queues.map((q) => q.queue);
  $('waiting').tBodies[0].replaceChildren(...(s.waiting ?? []).map((w) => {
    const choice = moveTo.get(w.interactionId) ?? queues.find((q) => q !== w.queue) ?? w.queue;
    const select = el('select', { 'aria-label': t('supervisor.moveTo'), onchange: (e) => moveTo.set(w.interactionId, e.target.value) },
      ...queues.map((q) => el('option', { value: q, selected: q === choice }, q)));
    return el('tr', { 'data-interaction': w.interactionId },
      el('th', { scope: 'row' }, w.customerName), el('td', {}, w.region), el('td', {}, t(`channel.${w.channel}`)),
      el('td', { class: 'queue' }, w.queue), el('td', {}, mmss(w.secondsWaiting)),
      el('td', {}, select, el('button', { type: 'button', class: 'move', onclick: () => move(w.interactionId, select.value) }, t('supervisor.move'))));
  }));
}

// a refusal is said in the supervisor's language by its status, naming the field; the server's words go to the tooltip
async function act(url, body) {
  const response = await sendJson('POST', url, body);
  if (response.ok) {
    socket.send({ type: 'refresh' });
    return true;
  }
  const refusal = await response.json().catch(() => ({}));
  const key = known(`supervisor.refused.${response.status}`) ? `supervisor.refused.${response.status}` : 'error.generic';
  flash(t(key, { field: refusal.field ? t(`supervisor.field.${refusal.field}`) : '' }), refusal.message);
  document.body.dataset.refused = `${response.status} ${refusal.field ?? ''}`;
  return false;
}

function move(id, queue) {
  act(`/api/supervisor/interactions/${encodeURIComponent(id)}/queue`, { queue }).then((ok) => { if (ok) moveTo.delete(id); });
}

function openForce(a) {
  $('force-form').hidden = false;
  $('force-form').dataset.agent = a.agentId;
  $('force-advisor').textContent = a.name;
  $('force-reason').focus();
}

$('force-cancel').addEventListener('click', () => { $('force-form').hidden = true; });
$('force-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const ok = await act(`/api/supervisor/advisors/${encodeURIComponent($('force-form').dataset.agent)}/state`,
    { state: $('force-state').value, reason: $('force-reason').value });
  if (ok) { $('force-form').hidden = true; $('force-reason').value = ''; }
});

function ask(id) {
  $('explain-id').value = id;
  socket.send({ type: 'explain', interactionId: id });
}

function explain(m) {
  if (m.decisions.length === 0) { $('explanation').replaceChildren(el('p', {}, t('supervisor.noDecision'))); return; }
  $('explanation').replaceChildren(...m.decisions.map((d) => el('article', { class: 'decision' },
    el('h3', {}, `${new Date(d.at).toLocaleTimeString(locale())} → ${id(d.chosen)} (${id(d.queue)})`),
    el('p', {}, `${t('supervisor.rule')}: ${d.decidingRule}`),
    el('p', {}, `${t('supervisor.requirements')}: ${d.effectiveRequirements.map((r) => `${r.skill}≥${r.minLevel}`).join(', ') || '—'} · ${t('supervisor.relaxation')}: ${d.relaxation}`),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('agent.advisor')), el('th', {}, t('supervisor.eligible')), el('th', {}, t('supervisor.skill')), el('th', {}, t('supervisor.note')))),
      el('tbody', {}, ...d.candidates.map((c) => el('tr', { class: id(c.advisor) === id(d.chosen) ? 'chosen' : '' },
        el('td', {}, id(c.advisor)), el('td', {}, c.eligible ? '✓' : '✗'), el('td', {}, c.skillScore.toFixed(1)), el('td', {}, c.note))))))));
}

$('explain-form').addEventListener('submit', (e) => { e.preventDefault(); ask($('explain-id').value.trim()); });
document.body.dataset.ready = 'true';
