// Supervisor dashboard: live snapshot every second over /ws/supervisor, routing explanation on request.
import { initLocales, localeForLanguage, t } from './i18n.js';
import { csrfToken, el, getJson } from './http.js';
import { consoleLinks } from './console-nav.js';
import { ReconnectingSocket } from './socket.js';

const $ = (id) => document.getElementById(id);
const me = await getJson('/api/me');
await initLocales($('langs'), localeForLanguage(me.language));
document.querySelectorAll('.csrf').forEach((i) => { i.value = csrfToken(); });
$('who').textContent = `${me.displayName} · ${me.regions.join(', ')}`;
consoleLinks($('consoles'), me);

// ids (AgentId, QueueId) arrive as {"value": "..."} records
const id = (x) => (x && typeof x === 'object' ? x.value : x);
const mmss = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const socket = new ReconnectingSocket('/ws/supervisor', {
  onMessage: (m) => { if (m.type === 'snapshot') render(m); if (m.type === 'explanation') explain(m); if (m.type === 'error') $('explanation').textContent = m.message; },
  onStatus: (s) => { $('link').textContent = t(`link.${s}`); $('link').dataset.state = s; },
});

function render(s) {
  $('queues').tBodies[0].replaceChildren(...s.queues.map((q) => el('tr', { 'data-queue': q.queue },
    el('th', { scope: 'row' }, q.name), el('td', {}, q.waiting), el('td', {}, mmss(q.longestWaitSeconds)),
    el('td', { class: q.serviceLevel < 0.8 ? 'warn' : '' }, `${Math.round(q.serviceLevel * 100)}%`),
    el('td', {}, mmss(q.averageSpeedOfAnswerSeconds)), el('td', {}, q.abandoned), el('td', {}, q.answered))));
  $('advisors').tBodies[0].replaceChildren(...s.advisors.map((a) => el('tr', { 'data-agent': a.agentId },
    el('th', { scope: 'row' }, a.name), el('td', {}, a.region),
    el('td', { class: `state ${a.state}` }, t(`presence.${a.state}`) + (a.reason ? ` (${a.reason})` : '')),
    el('td', {}, mmss(a.secondsInState)),
    el('td', {}, ...[...a.current, a.offer].filter(Boolean).map((id) => el('button', { type: 'button', class: 'link-button', onclick: () => ask(id) }, id.slice(0, 8)))),
    el('td', {}, a.node))));
}

function ask(id) {
  $('explain-id').value = id;
  socket.send({ type: 'explain', interactionId: id });
}

function explain(m) {
  if (m.decisions.length === 0) { $('explanation').replaceChildren(el('p', {}, t('supervisor.noDecision'))); return; }
  $('explanation').replaceChildren(...m.decisions.map((d) => el('article', { class: 'decision' },
    el('h3', {}, `${new Date(d.at).toLocaleTimeString()} → ${id(d.chosen)} (${id(d.queue)})`),
    el('p', {}, `${t('supervisor.rule')}: ${d.decidingRule}`),
    el('p', {}, `${t('supervisor.requirements')}: ${d.effectiveRequirements.map((r) => `${r.skill}≥${r.minLevel}`).join(', ') || '—'} · ${t('supervisor.relaxation')}: ${d.relaxation}`),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('agent.advisor')), el('th', {}, t('supervisor.eligible')), el('th', {}, t('supervisor.skill')), el('th', {}, t('supervisor.note')))),
      el('tbody', {}, ...d.candidates.map((c) => el('tr', { class: id(c.advisor) === id(d.chosen) ? 'chosen' : '' },
        el('td', {}, id(c.advisor)), el('td', {}, c.eligible ? '✓' : '✗'), el('td', {}, c.skillScore.toFixed(1)), el('td', {}, c.note))))))));
}

$('explain-form').addEventListener('submit', (e) => { e.preventDefault(); ask($('explain-id').value.trim()); });
document.body.dataset.ready = 'true';
