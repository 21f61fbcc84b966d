// The FAQ knowledge base: check or upload one CSV per language as a draft (a refused file lists its problems by row
// and changes nothing), preview test questions on the drafts, publish, list versions and restore one, download.
import { locale, t } from '../i18n.js';
import { el } from '../http.js';
import { api, call } from './api.js';
import { alert, clearErrors, done, localized, refused } from './feedback.js';
import { $ } from '../page-bootstrap.js';

const KB = '/api/admin/knowledge-base';
const upload = $('kb-upload');

export async function showKnowledgeBase() {
  const v = await api.get(`${KB}/versions`);
  $('kb-current').textContent = v.current;
  const action = (version) => (version === v.current ? t('admin.kbInService')
    : el('button', { type: 'button', class: 'restore', onclick: () => restore(version) }, t('admin.kbRestore')));
  const shipped = v.versions.some((x) => x.version === 0) ? [] : [el('tr', { 'data-version': 0 },
    el('th', { scope: 'row' }, 0), el('td', { colspan: 4 }, t('admin.kbShipped')), el('td', {}, action(0)))];
  $('kb-versions').tBodies[0].replaceChildren(...v.versions.map((x) => el('tr', { 'data-version': x.version },
    el('th', { scope: 'row' }, x.version), el('td', {}, new Date(x.publishedAt).toLocaleString(locale())),
    el('td', {}, x.publishedBy), el('td', {}, x.changed.map((l) => t(`language.${l}`)).join(', ')
      + (x.restoredFrom !== null && x.restoredFrom !== undefined ? ` (${t('admin.kbRestoredFrom', { version: x.restoredFrom })})` : '')),
    el('td', {}, x.faqs), el('td', {}, action(x.version)))), ...shipped);
  links();
}

function links() {
  const language = $('kb-language').value;
  $('kb-download').href = `${KB}/${language}`;
  $('kb-download').download = `knowledge-base-${language}.csv`;
  $('kb-download-draft').href = `${KB}/${language}?draft=true`;
  $('kb-download-draft').download = `knowledge-base-${language}-draft.csv`;
}
$('kb-language').addEventListener('change', links);

async function file() {
  const f = $('kb-file').files[0];
  if (!f) throw Object.assign(new Error(), { fieldErrors: [{ field: 'file', message: 'choose a CSV file first' }] });
  return f.arrayBuffer();
}

function problems(list) {
  $('kb-problems').hidden = list.length === 0;
  $('kb-problems').tBodies[0].replaceChildren(...list.map((p) => el('tr', { 'data-row': p.row },
    el('td', {}, p.row > 0 ? p.row : t('admin.kbWholeFile')), el('td', {}, p.column ?? '—'),
    el('td', { 'data-detail': p.message }, localized(`kb.${p.column ?? 'file'}`, p.message)))));
}

$('kb-validate').addEventListener('click', async () => {
  clearErrors(upload);
  try {
    const result = await call('POST', `${KB}/${$('kb-language').value}/validate`, await file(), 'text/csv');
    problems(result.problems);
    $('kb-outcome').textContent = t(result.valid ? 'admin.kbValid' : 'admin.kbInvalid', { n: result.problems.length });
    $('kb-outcome').dataset.valid = String(result.valid);
  } catch (err) { refused(upload, err); }
});

upload.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(upload);
  try {
    const draft = await call('PUT', `${KB}/${$('kb-language').value}`, await file(), 'text/csv');
    problems([]);
    $('kb-outcome').textContent = t('admin.kbDraft', { language: t(`language.${draft.language}`), faqs: draft.faqs, questions: draft.questions });
    $('kb-outcome').dataset.valid = 'true';
  } catch (err) {
    if (Array.isArray(err.body?.problems)) {
      problems(err.body.problems);
      $('kb-outcome').textContent = t('admin.kbRefused', { n: err.body.problems.length });
      $('kb-outcome').dataset.valid = 'false';
    } else refused(upload, err);
  }
});

$('kb-preview').addEventListener('submit', async (e) => {
  e.preventDefault();
  const questions = $('kb-questions').value.split('\n').map((q) => q.trim()).filter(Boolean);
  try {
    const preview = await api.post(`${KB}/preview`, { questions });
    clearErrors(e.target);
    $('kb-answers').tBodies[0].replaceChildren(...preview.answers.map((a) => el('tr', { 'data-kind': a.kind, 'data-faq': a.faqId ?? '' },
      el('td', {}, a.question), el('td', {}, t(`language.${a.language}`)), el('td', {}, a.faqId ?? t('admin.kbNoFaq')),
      el('td', {}, `${Math.round(a.confidence * 100)}%`), el('td', {}, a.text))));
  } catch (err) {
    refused(e.target, err.status === 400 ? Object.assign(err, { body: { field: 'questions', message: err.message } }) : err);
  }
});

$('kb-publish').addEventListener('click', async () => {
  try {
    const v = await api.post(`${KB}/publish`);
    done('admin.kbPublished', { version: v.version });
    await showKnowledgeBase();
  } catch (err) {
    if (err.status === 409) alert(t('admin.kbNothingToPublish'));
    else refused(null, err);
  }
});

async function restore(version) {
  try {
    const v = await api.post(`${KB}/versions/${version}/restore`);
    done('admin.kbRestored', { version: v.version, from: version });
    await showKnowledgeBase();
  } catch (err) { refused(null, err); }
}
