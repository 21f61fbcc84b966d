// VIP tiers: label, rank and routing weight.
import { api, number } from './api.js';
import { catalog, loadCatalog, tierLabel } from './catalog.js';
import { listRows, onSubmit } from './editor.js';
import { clearErrors, done } from './feedback.js';
import { $ } from '../page-bootstrap.js';

const form = $('tier-form');

export function showTiers() {
  listRows($('tier-list'), catalog.tiers, {
    attr: 'data-tier', key: (x) => x.code, cells: (x) => [tierLabel(x.code), x.rank, x.routingWeight], edit,
  });
}

function edit(x) {
  clearErrors(form);
  form.code.value = x.code;
  form.label.value = x.label;
  form.rank.value = x.rank;
  form.routingWeight.value = x.routingWeight;
}

onSubmit(form, async () => {
  const code = form.code.value.trim();
  if (!code) throw Object.assign(new Error(), { fieldErrors: [{ field: 'code', message: 'is required' }] });
  await api.put(`/api/admin/vip-tiers/${encodeURIComponent(code)}`,
    { label: form.label.value.trim(), rank: number(form.rank), routingWeight: number(form.routingWeight) });
  clearErrors(form);
  await loadCatalog();
  showTiers();
  done('admin.savedTier', { name: code });
});
