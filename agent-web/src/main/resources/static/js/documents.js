// Documents in a call (issue 22), shared by the advisor console (agent-documents.js) and the customer page
// (customer-documents.js): the list of the call's documents, the in-page viewer (a PDF in an <iframe> of a same-origin
// blob, an image, a form to fill and sign on a canvas, a signed form with its signature), uploads and refusals.
import { locale, t } from './i18n.js';
import { csrfToken, el, sendJson } from './http.js';

// a refusal in the reader's language, from the field the server named
export function refusal(status, body) {
  const field = body?.field ?? '';
  if (status === 413) return t('docs.tooLarge');
  if (field === 'file') return t('docs.badFile', { detail: body.message ?? '' });
  if (field === 'signature') return t('docs.badSignature');
  if (field.startsWith('fields.')) return t('docs.fieldRequired', { field: field.slice('fields.'.length) });
  if (field === 'customer') return t('docs.notSignedIn');
  return body?.message ?? String(status);
}

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(refusal(response.status, body));
  return body;
}

/** Sends a file (the raw body: the server decides its type from the content). */
export async function upload(base, file, maxBytes) {
  if (maxBytes && file.size > maxBytes) throw new Error(t('docs.tooLarge'));
  return answer(await fetch(`${base}?name=${encodeURIComponent(file.name)}`, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-XSRF-TOKEN': csrfToken() }, body: file,
  }));
}

export async function postJson(url, body) {
  return answer(await sendJson('POST', url, body));
}

const text = (v) => (v && typeof v === 'object' ? (v[locale()] ?? v.en ?? Object.values(v)[0] ?? '') : (v ?? ''));

/** The panel: a heading, a status line, the list and the viewer. */
export function documentsPanel(id) {
  const list = el('ul', { class: 'documents', id: `${id}-list` });
  const status = el('p', { class: 'status', role: 'status', id: `${id}-status` });
  const viewer = el('div', { class: 'document-viewer', id: `${id}-viewer`, hidden: true });
  const heading = el('h3', { 'data-i18n': 'docs.title' }, t('docs.title'));
  const section = el('section', { id, class: 'documents-panel', 'aria-labelledby': `${id}-heading` }, heading, status, list, viewer);
  heading.id = `${id}-heading`;
  document.addEventListener('mvtm:locale', () => { heading.textContent = t('docs.title'); });
  return { section, list, status, viewer };
}

/** Renders the list; open(doc) shows one. me is the reader's party (ADVISOR or CUSTOMER). */
export function renderList(list, documents, me, open) {
  list.replaceChildren(...documents.map((d) => el('li', { 'data-document': d.id, 'data-kind': d.kind, 'data-signed': d.kind === 'form' ? String(Boolean(d.form)) : undefined },
    el('span', { class: 'who' }, d.party === me ? t('docs.you') : t(d.party === 'ADVISOR' ? 'party.advisor' : 'party.customer')),
    ' ', el('span', { class: 'name' }, d.kind === 'signed' ? t('docs.signed', { name: d.name }) : d.name),
    ' ', el('button', { type: 'button', class: 'link-button', onclick: () => open(d) },
      d.kind === 'form' && !d.form && me === 'CUSTOMER' ? t('docs.fillAndSign') : t('docs.view')))));
}

/** Shows a document in the viewer: bytes fetched from url (same origin), shown without a download. */
export async function show(viewer, url, doc, { onSign } = {}) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(refusal(response.status, await response.json().catch(() => ({}))));
  showBytes(viewer, await response.arrayBuffer(), doc, { onSign });
}

/** Shows a document already read (its bytes as an ArrayBuffer); extra nodes go under the title. */
export function showBytes(viewer, bytes, doc, { onSign, extra = [] } = {}) {
  const close = el('button', { type: 'button', class: 'close', onclick: () => { viewer.hidden = true; viewer.replaceChildren(); } }, t('docs.close'));
  const title = el('h4', {}, doc.kind === 'signed' ? t('docs.signed', { name: doc.name }) : doc.name);
  const sha = el('p', { class: 'sha256' }, `SHA-256 ${doc.sha256}`);
  let body;
  const json = () => JSON.parse(new TextDecoder().decode(bytes));
  if (doc.kind === 'form') body = formView(json(), doc, onSign);
  else if (doc.kind === 'signed') body = signedView(json());
  else {
    const blob = new Blob([bytes], { type: doc.contentType });
    const src = URL.createObjectURL(blob);
    body = doc.contentType === 'application/pdf'
      ? el('iframe', { class: 'pdf', src, title: doc.name, 'data-loaded': 'false' })
      : el('img', { src, alt: doc.name });
    body.addEventListener('load', () => { body.dataset.loaded = 'true'; });
  }
  viewer.replaceChildren(title, sha, ...extra, body, close);
  viewer.dataset.document = doc.id;
  viewer.hidden = false;
}

function formView(template, doc, onSign) {
  const fields = template.fields.map((f) => {
    const input = el('input', { name: f.name, id: `form-${doc.id}-${f.name}`, type: f.type === 'checkbox' ? 'checkbox' : f.type, required: f.required || undefined, maxlength: f.type === 'text' ? 500 : undefined });
    return el('p', { class: f.type === 'checkbox' ? 'check' : '' }, el('label', { for: input.id }, text(f.label) || f.name), ' ', input);
  });
  const intro = template.text ? el('p', {}, text(template.text)) : null;
  if (!onSign || doc.form) return el('div', { class: 'form-preview' }, intro, ...fields.map((p) => { p.querySelector('input').disabled = true; return p; }));
  const pad = signaturePad();
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { class: 'sign-form', id: `sign-${doc.id}` }, intro, ...fields,
    el('p', {}, el('span', { class: 'label' }, t('docs.signHere')), pad.canvas, el('button', { type: 'button', class: 'link-button', onclick: pad.clear }, t('docs.clear'))),
    error, el('button', { type: 'submit', class: 'primary' }, t('docs.sign')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = {};
    template.fields.forEach((f) => { const i = form.elements[f.name]; values[f.name] = f.type === 'checkbox' ? String(i.checked) : i.value; });
    try { await onSign(values, pad.drawn() ? pad.canvas.toDataURL('image/png') : ''); } catch (err) { error.textContent = err.message; }
  });
  return form;
}

function signedView(d) {
  const rows = Object.entries(d.fields).map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)));
  return el('div', { class: 'signed-document' },
    el('table', {}, el('tbody', {}, ...rows)),
    el('img', { class: 'signature', alt: t('docs.signature'), src: `data:image/png;base64,${d.signature.png}` }),
    el('p', {}, t('docs.signedBy', { who: d.signer.displayName || d.signer.username, at: new Date(d.signedAt).toLocaleString(locale()), how: d.signer.authentication })),
    el('p', { class: 'sha256' }, t('docs.template', { sha: d.form.templateSha256 })));
}

// a canvas to draw the signature on with a mouse, a pen or a finger
function signaturePad() {
  const canvas = el('canvas', { class: 'signature-pad', width: 400, height: 140, 'aria-label': t('docs.signHere') });
  const g = canvas.getContext('2d');
  let drawing = false;
  let strokes = 0;
  const at = (e) => { const r = canvas.getBoundingClientRect(); return [(e.clientX - r.left) * (canvas.width / r.width), (e.clientY - r.top) * (canvas.height / r.height)]; };
  canvas.addEventListener('pointerdown', (e) => { drawing = true; strokes++; g.beginPath(); g.moveTo(...at(e)); canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', (e) => { if (!drawing) return; g.lineWidth = 2; g.lineTo(...at(e)); g.stroke(); });
  canvas.addEventListener('pointerup', () => { drawing = false; });
  return { canvas, drawn: () => strokes > 0, clear: () => { g.clearRect(0, 0, canvas.width, canvas.height); strokes = 0; } };
}

