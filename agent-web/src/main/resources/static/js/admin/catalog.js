// What the forms choose from: the skill catalogue and the VIP tiers, with labels in the page's language where the
// bundle has them (built-in skills and tiers) and the administrator's own label otherwise.
import { known, t } from '../i18n.js';
import { api } from './api.js';

export const catalog = { skills: [], tiers: [] };

export async function loadCatalog() {
  [catalog.skills, catalog.tiers] = await Promise.all([api.get('/api/admin/skills'), api.get('/api/admin/vip-tiers')]);
}

export function skillLabel(name) {
  if (known(`skill.${name}`)) return t(`skill.${name}`);
  return catalog.skills.find((s) => s.name === name)?.label || name;
}

export function tierLabel(code) {
  if (known(`tier.${code}`)) return t(`tier.${code}`);
  return catalog.tiers.find((x) => x.code === code)?.label || code;
}

/** [value, label] pairs for a select; kind filters (LANGUAGE, PRODUCT, CUSTOM). */
export function skillOptions(kind) {
  return catalog.skills.filter((s) => !kind || s.kind === kind).map((s) => [s.name, `${skillLabel(s.name)} (${s.name})`]);
}

export function fillSelect(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    o.selected = String(value) === String(selected ?? '');
    return o;
  }));
}
