// Advisors' routing profiles: region, skills with levels, channel capacity; and the skill catalogue's custom and
// product skills.
import { t } from '../i18n.js';
import { el } from '../http.js';
import { api, number } from './api.js';
import { fillSelect, loadCatalog, skillLabel, skillOptions } from './catalog.js';
import { clearErrors, done, refused } from './feedback.js';
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
  $('advisor-list').tBodies[0].replaceChildren(...advisors.map((a) => el('tr', { 'data-advisor': a.username },
    el('th', { scope: 'row' }, a.username), el('td', {}, a.displayName), el('td', {}, a.region),
    el('td', {}, a.skills.map((s) => `${skillLabel(s.skill)} ${s.level}`).join(', ')),
    el('td', {}, t('admin.capacityOf', { voice: a.voiceCapacity, video: a.videoCapacity, chat: a.chatCapacity })),
    el('td', {}, a.sipPhone ? '✓' : '—'),
    el('td', {}, el('button', { type: 'button', class: 'edit', onclick: () => edit(a) }, t('admin.edit'))))));
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

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
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
  } catch (err) { refused(form, err); }
});

$('skill-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = e.target;
  const name = f.name.value.trim();
  try {
    if (!name) throw Object.assign(new Error(), { fieldErrors: [{ field: 'name', message: 'is required' }] });
    await api.put(`/api/admin/skills/${encodeURIComponent(name)}`, { kind: f.kind.value, label: f.label.value.trim() });
    clearErrors(f);
    f.reset();
    await loadCatalog();
    if (editing) { skills.read(); skills.render(); }
    done('admin.savedSkill', { name });
  } catch (err) { refused(f, err); }
});
