// Advisors' routing profiles: region, skills with levels, channel capacity; and the skill catalogue's custom and
// product skills.
import { t } from '../i18n.js';
import { api, number } from './api.js';
import { fillSelect, loadCatalog, skillLabel, skillOptions } from './catalog.js';
import { listRows, onSubmit } from './editor.js';
import { clearErrors, done } from './feedback.js';
import { Rows } from './rows.js';
import { $ } from '../page-bootstrap.js';

const form = $('advisor-form');
const skills = new Rows($('advisor-skills'), 'skills', [
  { name: 'skill', label: 'admin.skill', type: 'select', options: () => skillOptions() },
  { name: 'level', label: 'admin.level', type: 'number', attrs: { min: 1, max: 10 } },
], { skill: 'lang.en', level: 5 });
let editing = null;
let users = [];

export async function showAdvisors(knownUsers) {
  users = knownUsers ?? await api.get('/api/admin/users');
  const advisors = await api.get('/api/admin/advisors');
  listRows($('advisor-list'), advisors, {
    attr: 'data-advisor',
    key: (a) => a.username,
    cells: (a) => [a.displayName, a.region, a.skills.map((s) => `${skillLabel(s.skill)} ${s.level}`).join(', '),
      t('admin.capacityOf', { voice: a.voiceCapacity, video: a.videoCapacity, chat: a.chatCapacity }),
      a.sipPhone ? '✓' : '—'],
    edit,
  });
  if (editing) edit(advisors.find((a) => a.username === editing.username) ?? editing);
}

function edit(advisor) {
  editing = advisor;
  clearErrors(form);
  form.hidden = false;
  $('advisor-name').textContent = `${advisor.displayName} (${advisor.username})`;
  const regions = users.find((u) => u.username === advisor.username)?.regions ?? [advisor.region];
  fillSelect($('advisor-region'), regions.map((r) => [r, r]), advisor.region);
  skills.set(advisor.skills);
  form.voiceCapacity.value = advisor.voiceCapacity;
  form.videoCapacity.value = advisor.videoCapacity;
  form.chatCapacity.value = advisor.chatCapacity;
}

onSubmit(form, async () => {
  const saved = await api.put(`/api/admin/advisors/${encodeURIComponent(editing.username)}`, {
    region: form.region.value,
    skills: skills.get(),
    voiceCapacity: number(form.voiceCapacity),
    videoCapacity: number(form.videoCapacity),
    chatCapacity: number(form.chatCapacity),
  });
  editing = saved;
  done('admin.savedAdvisor', { name: saved.username });
  await showAdvisors(users);
});

onSubmit($('skill-form'), async (f) => {
  const name = f.name.value.trim();
  if (!name) throw Object.assign(new Error(), { fieldErrors: [{ field: 'name', message: 'is required' }] });
  await api.put(`/api/admin/skills/${encodeURIComponent(name)}`, { kind: f.kind.value, label: f.label.value.trim() });
  clearErrors(f);
  f.reset();
  await loadCatalog();
  if (editing) { skills.read(); skills.render(); }
  done('admin.savedSkill', { name });
});
