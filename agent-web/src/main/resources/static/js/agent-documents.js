// The advisor's documents in a call (issue 22): send a PDF or image of the queue's library or an upload, send a form
// to fill and sign, and read what the customer sent back; shown for the selected interaction (any channel). The
// console is told of every new document ('document' messages).
import { t } from './i18n.js';
import { el, getJson } from './http.js';
import { desk } from './agent.js';
import { documentsPanel, postJson, renderList, show, upload } from './documents.js';

const call = document.getElementById('call');
const panel = documentsPanel('documents');
const library = el('select', { id: 'document-library', 'aria-label': t('docs.library') });
const send = el('button', { type: 'button', id: 'document-send' }, t('docs.send'));
const file = el('input', { type: 'file', id: 'document-file', accept: 'application/pdf,image/png,image/jpeg' });
const fileLabel = el('label', { for: 'document-file' }, t('docs.upload'));
panel.section.insertBefore(el('div', { class: 'actions' }, library, send, fileLabel, file), panel.status);
call.querySelector('#transcript').before(panel.section);
let shown = { id: null, maxBytes: 0, documents: [] };

const base = () => `/api/agent/interactions/${encodeURIComponent(shown.id)}/documents`;
const say = (text) => { panel.status.textContent = text; };

async function refresh() {
  const id = !call.hidden && call.dataset.interaction ? call.dataset.interaction : null;
  panel.section.hidden = !id || Boolean(desk.selected()?.ended);
  if (!id || panel.section.hidden) return;
  if (id !== shown.id) { panel.viewer.hidden = true; say(''); }
  try {
    const listing = await getJson(`/api/agent/interactions/${encodeURIComponent(id)}/documents`);
    shown = { id, maxBytes: listing.maxBytes, documents: listing.documents };
    library.replaceChildren(...listing.library.map((e) => el('option', { value: e.file, 'data-kind': e.kind }, e.kind === 'form' ? `${t('docs.form')}: ${e.title}` : e.title)));
    send.disabled = listing.library.length === 0 || !listing.recorded;
    file.disabled = !listing.recorded;
    render();
    // the recording opens a moment after the accept: documents are kept with it, so they wait for it
    if (!listing.recorded) setTimeout(refresh, 1000);
  } catch { panel.section.hidden = true; }
}

function render() {
  renderList(panel.list, shown.documents, 'ADVISOR', (d) => show(panel.viewer, `${base()}/${encodeURIComponent(d.id)}`, d).catch((e) => say(e.message)));
  fileLabel.textContent = t('docs.upload');
  send.textContent = t('docs.send');
}

send.addEventListener('click', async () => {
  try { await postJson(`${base()}/library`, { file: library.value }); say(t('docs.sent')); } catch (e) { say(e.message); }
});
file.addEventListener('change', async () => {
  const chosen = file.files[0];
  file.value = '';
  if (!chosen) return;
  try { await upload(base(), chosen, shown.maxBytes); say(t('docs.sent')); } catch (e) { say(e.message); }
});
desk.on('document', (m) => {
  if (m.interactionId !== shown.id) return;
  shown.documents = [...shown.documents.filter((d) => d.id !== m.document.id && !(m.document.form && d.id === m.document.form)), m.document];
  refresh();
});
document.addEventListener('mvtm:locale', render);
new MutationObserver(refresh).observe(call, { attributes: true, attributeFilter: ['hidden', 'data-interaction'] });
refresh();
