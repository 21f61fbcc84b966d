// An editable list of rows (skills with levels, relaxation steps, opening hours, holidays, codes): one line of
// inputs per item, Add and Remove buttons. Each input's data-field is the API's path, e.g. relaxation[0].afterSeconds,
// so a field error lands next to it.
import { t } from '../i18n.js';
import { el } from '../http.js';

/**
 * columns: [{ name, label (i18n key), type: 'text'|'number'|'select'|'checkbox'|'date'|'time', options: () => [[value, label]],
 *   numeric (a select whose values are numbers), attrs }]
 */
export class Rows {
  constructor(container, path, columns, blank = {}) {
    this.container = container;
    this.path = path;
    this.columns = columns;
    this.blank = blank;
    this.items = [];
  }

  set(items) {
    this.items = (items ?? []).map((i) => ({ ...i }));
    this.render();
  }

  get() {
    this.read();
    return this.items.map((item) => Object.fromEntries(this.columns.map((c) => [c.name, item[c.name]])));
  }

  read() {
    this.container.querySelectorAll('[data-row]').forEach((row) => {
      const item = this.items[Number(row.dataset.row)];
      row.querySelectorAll('[data-column]').forEach((input) => {
        const column = this.columns.find((c) => c.name === input.dataset.column);
        const numeric = column.type === 'number' || column.numeric;
        item[column.name] = column.type === 'checkbox' ? input.checked
          : numeric ? (input.value === '' ? undefined : Number(input.value)) : input.value;
      });
    });
  }

  render() {
    const rows = this.items.map((item, i) => el('div', { class: 'row', 'data-row': i, 'data-field': `${this.path}[${i}]` },
      ...this.columns.map((c) => el('label', {}, el('span', { 'data-i18n': c.label }, t(c.label)), this.input(c, item, i))),
      el('button', { type: 'button', class: 'remove', 'data-i18n': 'admin.remove', onclick: () => { this.read(); this.items.splice(i, 1); this.render(); } }, t('admin.remove'))));
    const add = el('button', { type: 'button', class: 'add', 'data-i18n': 'admin.add', onclick: () => { this.read(); this.items.push({ ...this.blank }); this.render(); } }, t('admin.add'));
    this.container.replaceChildren(...rows, add);
  }

  input(c, item, i) {
    const field = `${this.path}[${i}].${c.name}`;
    const value = item[c.name];
    if (c.type === 'select') {
      return el('select', { 'data-column': c.name, 'data-field': field },
        ...c.options().map(([v, label]) => el('option', { value: v, selected: String(v) === String(value ?? '') }, label)));
    }
    if (c.type === 'checkbox') return el('input', { type: 'checkbox', 'data-column': c.name, 'data-field': field, checked: Boolean(value) });
    return el('input', { type: c.type ?? 'text', 'data-column': c.name, 'data-field': field, value: value ?? '', ...(c.attrs ?? {}) });
  }
}
