// What the admin sections' editors share: the list table with an Edit button per row, the editor's heading (new or
// changing which), a form whose submit saves and shows a refusal's field errors, and Delete after a confirmation.
import { t } from '../i18n.js';
import { el } from '../http.js';
import { api } from './api.js';
import { done, refused } from './feedback.js';
import { $ } from '../page-bootstrap.js';

/**
 * One row per item in the table's body: `key(item)` as the row's header cell and as its `attr` (data-user...), then
 * `cells(item)`, then an Edit button that calls `edit(item)`.
 */
export function listRows(table, items, { attr, key, cells, edit }) {
  table.tBodies[0].replaceChildren(...items.map((item) => el('tr', { [attr]: key(item) },
    el('th', { scope: 'row' }, key(item)), ...cells(item).map((cell) => el('td', {}, cell)),
    el('td', {}, el('button', { type: 'button', class: 'edit', onclick: () => edit(item) }, t('admin.edit'))))));
}

/** The editor's heading in #<prefix>-form-title (an i18n key: admin.newQueue, admin.editUser...) and -name. */
export function editorTitle(prefix, key, name) {
  $(`${prefix}-form-title`).dataset.i18n = key;
  $(`${prefix}-form-title`).textContent = t(key);
  $(`${prefix}-form-name`).textContent = name;
}

/** Creates (POST `url`) or, while editing the one whose key is `key`, changes it (PUT `url`/key); what the API saved. */
export function createOrChange(url, key, body) {
  return key === undefined ? api.post(url, body) : api.put(`${url}/${encodeURIComponent(key)}`, body);
}

/** On submit, `save(form)`; what the API refuses is shown in that form. */
export function onSubmit(form, save) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await save(e.target); } catch (err) { refused(e.target, err); }
  });
}

/**
 * The Delete button: `target()` names what is being edited ({name, url}, or null for nothing); once the administrator
 * confirms, it is deleted and `after()` refreshes the section. A refusal is shown in the form.
 */
export function onDelete(button, form, target, after) {
  button.addEventListener('click', async () => {
    const doomed = target();
    if (!doomed || !window.confirm(t('admin.confirmDelete', { name: doomed.name }))) return;
    try {
      await api.del(doomed.url);
      done('admin.deleted', { name: doomed.name });
      await after();
    } catch (err) { refused(form, err); }
  });
}
