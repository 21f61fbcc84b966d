// Queues: names per interface language, product and further skills, service level, aging and relaxation, opening
// hours with holidays and what happens outside them, wrap-up and break codes.
import { locale, t } from '../i18n.js';
import { api, number } from './api.js';
import { fillSelect, skillLabel, skillOptions } from './catalog.js';
import { createOrChange, editorTitle, listRows, onDelete, onSubmit } from './editor.js';
import { clearErrors, done } from './feedback.js';
import { Rows } from './rows.js';
import { $ } from '../page-bootstrap.js';

const form = $('queue-form');
const days = () => [1, 2, 3, 4, 5, 6, 7].map((d) => [d, t(`day.${d}`)]);
const code = [{ name: 'code', label: 'admin.code' }, { name: 'label', label: 'admin.label' }];
const rows = {
  skills: new Rows($('queue-skills'), 'skills', [
    { name: 'skill', label: 'admin.skill', type: 'select', options: () => skillOptions() },
    { name: 'level', label: 'admin.level', type: 'number', attrs: { min: 1, max: 10 } }], { level: 1 }),
  relaxation: new Rows($('queue-relaxation'), 'relaxation', [
    { name: 'afterSeconds', label: 'admin.afterSeconds', type: 'number', attrs: { min: 0 } },
    { name: 'levelDrop', label: 'admin.levelDrop', type: 'number', attrs: { min: 0, max: 9 } },
    { name: 'languageOnly', label: 'admin.languageOnly', type: 'checkbox' }], { afterSeconds: 60, levelDrop: 1 }),
  openingHours: new Rows($('queue-hours'), 'openingHours', [
    { name: 'dayOfWeek', label: 'admin.day', type: 'select', numeric: true, options: days },
    { name: 'opens', label: 'admin.opens', type: 'time' },
    { name: 'closes', label: 'admin.closes', type: 'time' }], { dayOfWeek: 1, opens: '09:00', closes: '18:00' }),
  holidays: new Rows($('queue-holidays'), 'holidays', [
    { name: 'date', label: 'admin.date', type: 'date' }, { name: 'name', label: 'admin.name' }]),
  wrapUpCodes: new Rows($('queue-wrapup'), 'wrapUpCodes', code),
  breakCodes: new Rows($('queue-breaks'), 'breakCodes', code),
};
let editing = null;

const nameIn = (q) => q.names[locale()] || q.names.en;

export async function showQueues() {
  const queues = await api.get('/api/admin/queues');
  listRows($('queue-list'), queues, {
    attr: 'data-queue',
    key: (q) => q.id,
    cells: (q) => [nameIn(q), skillLabel(q.product),
      t('admin.slaOf', { percent: Math.round(q.slaFraction * 100), seconds: q.slaSeconds }),
      t(`outsideHours.${q.outsideHours}`)],
    edit,
  });
  if (!editing) create();
}

function create() {
  editing = null;
  clearErrors(form);
  form.reset();
  form.id.readOnly = false;
  editorTitle('queue', 'admin.newQueue', '');
  $('queue-delete').hidden = true;
  fillSelect($('queue-product'), skillOptions('PRODUCT'), 'product.general');
  Object.values(rows).forEach((r) => r.set([]));
}

function edit(q) {
  create();
  editing = q;
  form.id.value = q.id;
  form.id.readOnly = true;
  editorTitle('queue', 'admin.editQueue', q.id);
  $('queue-delete').hidden = false;
  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) form[`names.${lang}`].value = q.names[lang] ?? '';
  form.product.value = q.product;
  for (const f of ['productMinLevel', 'languageMinLevel', 'slaFraction', 'slaSeconds', 'agingWeight', 'agingTierWeight', 'timeZone', 'outsideHours']) {
    form[f].value = q[f];
  }
  for (const [name, r] of Object.entries(rows)) r.set(q[name]);
  form.wrapUpRequired.checked = Boolean(q.wrapUpRequired);
  form.scrollIntoView({ block: 'nearest' });
}

function body() {
  const names = {};
  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    const v = form[`names.${lang}`].value.trim();
    if (v) names[lang] = v;
  }
  const b = {
    id: form.id.value.trim(), names, product: form.product.value,
    productMinLevel: number(form.productMinLevel), languageMinLevel: number(form.languageMinLevel),
    slaFraction: number(form.slaFraction), slaSeconds: number(form.slaSeconds),
    agingWeight: number(form.agingWeight), agingTierWeight: number(form.agingTierWeight),
    timeZone: form.timeZone.value.trim(), outsideHours: form.outsideHours.value,
    wrapUpRequired: form.wrapUpRequired.checked,
  };
  for (const [name, r] of Object.entries(rows)) b[name] = r.get();
  return b;
}

onSubmit(form, async () => {
  const saved = await createOrChange('/api/admin/queues', editing?.id, body());
  done('admin.savedQueue', { name: saved.id });
  editing = saved;
  await showQueues();
  edit(saved);
});

$('queue-new').addEventListener('click', create);

onDelete($('queue-delete'), form,
  () => editing && { name: editing.id, url: `/api/admin/queues/${encodeURIComponent(editing.id)}` },
  () => { editing = null; return showQueues(); });

