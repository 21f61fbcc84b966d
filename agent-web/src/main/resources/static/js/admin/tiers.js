// VIP tiers: label, rank and routing weight.
import { t } from '../i18n.js';
import { el } from '../http.js';
import { api, number } from './api.js';
import { catalog, loadCatalog, tierLabel } from './catalog.js';
import { clearErrors, done, refused } from './feedback.js';
import { $ } from '../page-bootstrap.js';

const form = $('tier-form');

export function showTiers() {
  $('tier-list').tBodies[0].replaceChildren(...catalog.tiers.map((x) => el('tr', { 'data-tier': x.code },
    el('th', { scope: 'row' }, x.code), el('td', {}, tierLabel(x.code)), el('td', {}, x.rank), el('td', {}, x.routingWeight),
    el('td', {}, el('button', { type: 'button', class: 'edit', onclick: () => edit(x) }, t('admin.edit'))))));
}

function edit(x) {
  clearErrors(form);
  form.code.value = x.code;
  form.label.value = x.label;
  form.rank.value = x.rank;
  form.routingWeight.value = x.routingWeight;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const code = form.code.value.trim();
  try {
    if (!code) throw Object.assign(new Error(), { fieldErrors: [{ field: 'code', message: 'is required' }] });
    await api.put(`/api/admin/vip-tiers/${encodeURIComponent(code)}`,
      { label: form.label.value.trim(), rank: number(form.rank), routingWeight: number(form.routingWeight) });
    clearErrors(form);
    await loadCatalog();
    showTiers();
    done('admin.savedTier', { name: code });
  } catch (err) { refused(form, err); }
});
