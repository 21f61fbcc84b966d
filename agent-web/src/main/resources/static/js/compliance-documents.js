// Documents on the compliance timeline (issue 22): each document, form and signed form of the recording has a View
// button; its bytes come through the audited replay path (verified first, refused when the recording fails
// verification), are shown in the page, and their SHA-256 is checked against the one in the recording's timeline.
import { t } from './i18n.js';
import { el } from './http.js';
import { refusal, showBytes } from './documents.js';

const $ = (id) => document.getElementById(id);
const viewer = el('div', { class: 'document-viewer', id: 'compliance-document', hidden: true });
$('timeline').after(viewer);

async function view(a) {
  const recording = $('player').dataset.recording;
  const purpose = encodeURIComponent($('purpose').value.trim());
  const response = await fetch(`/api/compliance/recordings/${recording}/media/${encodeURIComponent(a.legId)}?purpose=${purpose}`, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    viewer.replaceChildren(el('p', { class: 'error', role: 'alert' }, body.reason ?? refusal(response.status, body)));
    viewer.hidden = false;
    return;
  }
  const bytes = await response.arrayBuffer();
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const ok = digest === a.sha256;
  const check = el('p', { class: 'integrity', id: 'document-hash', 'data-ok': String(ok) }, t(ok ? 'docs.hashOk' : 'docs.hashBad', { sha: digest }));
  showBytes(viewer, bytes, { id: a.documentId, kind: a.kind === 'form' ? 'form' : a.kind ?? 'document', name: a.name, contentType: a.contentType, sha256: a.sha256 }, { extra: [check] });
}

new MutationObserver(() => {
  $('timeline').querySelectorAll('li[data-document]:not([data-viewable])').forEach((li) => {
    li.dataset.viewable = 'true';
    const a = JSON.parse(li.dataset.document);
    li.append(' ', el('button', { type: 'button', class: 'link-button view-document', onclick: () => view(a).catch((e) => { viewer.replaceChildren(el('p', { class: 'error' }, e.message)); viewer.hidden = false; }) }, t('docs.view')));
  });
  if (!$('timeline').querySelector('li[data-document]')) { viewer.hidden = true; viewer.replaceChildren(); }
}).observe($('timeline'), { childList: true });
