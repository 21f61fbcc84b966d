// The administrators' audit log, newest first: when, who, what, and the entity before and after the change.
import { locale, t } from '../i18n.js';
import { el } from '../http.js';
import { api } from './api.js';
import { $ } from '../page-bootstrap.js';

export async function showAudit() {
  const entity = $('audit-form').entity.value;
  const entries = await api.get(`/api/admin/audit?limit=200${entity ? `&entity=${encodeURIComponent(entity)}` : ''}`);
  $('audit-list').tBodies[0].replaceChildren(...entries.map((a) => el('tr', { 'data-entity': `${a.entity}:${a.entityId}`, 'data-action': a.action },
    el('td', {}, new Date(a.at).toLocaleString(locale())), el('td', {}, a.actor), el('td', {}, t(`auditAction.${a.action}`)),
    el('td', {}, `${t(`entity.${a.entity}`)} ${a.entityId}`), el('td', {}, json(a.before)), el('td', {}, json(a.after)))));
}

function json(text) {
  if (!text) return '—';
  let pretty = text;
  try { pretty = JSON.stringify(JSON.parse(text), null, 1); } catch { /* shown as stored */ }
  return el('pre', { class: 'json' }, pretty);
}

$('audit-form').addEventListener('submit', (e) => { e.preventDefault(); showAudit(); });
