// The customer's documents in a call (issue 22): what the advisor sent (a PDF or image shown in the page, a form to
// fill and sign on the screen) and a photo or PDF to send back; with an advisor connected on any channel, a voice
// call too. The page is told of every new document ('document' messages, through customer.js's add-on event).
import { t } from './i18n.js';
import { el, getJson } from './http.js';
import { documentsPanel, postJson, renderList, show, upload } from './documents.js';

const panel = documentsPanel('documents');
const file = el('input', { type: 'file', id: 'document-file', accept: 'application/pdf,image/png,image/jpeg', capture: 'environment' });
const fileLabel = el('label', { for: 'document-file' }, t('docs.sendBack'));
panel.section.insertBefore(el('div', { class: 'actions' }, fileLabel, file), panel.status);
document.getElementById('transcript').before(panel.section);
let shown = { base: null, maxBytes: 0, documents: [] };
const say = (text) => { panel.status.textContent = text; };

function base() {
  const id = sessionStorage.getItem('mvtm.conversation');
  return document.body.dataset.status === 'CONNECTED' && id ? `/api/customer/conversations/${encodeURIComponent(id)}/documents` : null;
}

async function refresh() {
  const b = base();
  panel.section.hidden = !b;
  if (!b) { panel.viewer.hidden = true; return; }
  try {
    const listing = await getJson(b);
    shown = { base: b, maxBytes: listing.maxBytes, documents: listing.documents };
    file.disabled = !listing.recorded;
    render();
    if (!listing.recorded) setTimeout(refresh, 1000); // the recording opens a moment after the accept
  } catch { /* the call ended meanwhile */ }
}

function render() {
  fileLabel.textContent = t('docs.sendBack');
  renderList(panel.list, shown.documents, 'CUSTOMER', (d) => show(panel.viewer, `${shown.base}/${encodeURIComponent(d.id)}`, d, {
    onSign: async (fields, signature) => {
      const signed = await postJson(`${shown.base}/${encodeURIComponent(d.id)}/signature`, { fields, signature });
      say(t('docs.signedDone'));
      await show(panel.viewer, `${shown.base}/${encodeURIComponent(signed.id)}`, signed);
    },
  }).catch((e) => say(e.message)));
}

file.addEventListener('change', async () => {
  const chosen = file.files[0];
  file.value = '';
  if (!chosen || !shown.base) return;
  try { await upload(shown.base, chosen, shown.maxBytes); say(t('docs.sent')); } catch (e) { say(e.message); }
});
document.addEventListener('mvtm:message', (e) => { if (e.detail.type === 'document') refresh(); });
document.addEventListener('mvtm:locale', render);
new MutationObserver(refresh).observe(document.body, { attributes: true, attributeFilter: ['data-status'] });
refresh();
