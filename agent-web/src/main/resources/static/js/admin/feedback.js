// What the administrator is told: field errors next to their field, and one line for success or a failure that
// belongs to no field, all in the page's language. The API words its messages in English; in English the page shows
// them as they are, in Chinese it shows the field's own message from the bundle (admin.invalid.<field>, indexes
// removed: skills[1].skill -> admin.invalid.skills.skill) or a general one, and keeps the API's words in data-detail.
import { known, locale, t } from '../i18n.js';
import { refusalWords } from '../http.js';
import { $ } from '../page-bootstrap.js';

export function localized(field, message) {
  if (locale() === 'en') return message;
  const key = `admin.invalid.${String(field).replace(/\[\d+\]/g, '')}`;
  return known(key) ? t(key) : t('admin.invalid');
}

/** Removes the errors shown in a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/**
 * Shows each error next to the element whose data-field is the error's field, or the nearest enclosing one
 * (skills[1].level falls back to skills[1], then skills); returns the errors that found no place.
 */
export function showErrors(form, errors) {
  clearErrors(form);
  const homeless = [];
  for (const e of errors) {
    const target = placeFor(form, e.field);
    if (!target) { homeless.push(e); continue; }
    target.setAttribute('aria-invalid', 'true');
    const note = document.createElement('span');
    note.className = 'field-error';
    note.dataset.errorFor = e.field;
    note.dataset.detail = e.message;
    note.setAttribute('role', 'alert');
    note.textContent = localized(e.field, e.message);
    target.insertAdjacentElement('afterend', note);
  }
  return homeless;
}

function placeFor(form, field) {
  let f = String(field ?? '');
  while (f) {
    const found = [...form.querySelectorAll('[data-field]')].find((x) => x.dataset.field === f);
    if (found) return found;
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    f = cut > 0 ? f.slice(0, cut) : '';
  }
  return null;
}

/** A refused request: field errors into the form, anything else in the page's alert line. */
export function refused(form, error) {
  const errors = error.fieldErrors ?? [];
  const homeless = form ? showErrors(form, errors) : errors;
  if (homeless.length > 0) alert(homeless.map((e) => `${e.field}: ${localized(e.field, e.message)}`).join('; '));
  else if (errors.length === 0) alert(failure(error));
}

// A refusal whose code the bundles word (the database does not answer, ...) reads as on every console; otherwise by
// its status.
function failure(error) {
  if (error.body?.error && known(`error.${error.body.error}`)) return refusalWords(error.body);
  const status = error.status ?? 0;
  if (locale() !== 'en') return t(known(`admin.status.${status}`) ? `admin.status.${status}` : 'admin.failed');
  return error.message || t('admin.failed');
}

export function alert(text) {
  $('done').hidden = true;
  $('message').textContent = text;
  $('message').hidden = false;
}

export function done(key, vars) {
  $('message').hidden = true;
  $('done').textContent = t(key, vars);
  $('done').hidden = false;
}
