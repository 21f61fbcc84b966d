// Interface strings in English, Simplified and Traditional Chinese: /i18n/<locale>.json.
// Elements name their string with data-i18n (text), data-i18n-placeholder, data-i18n-aria-label, data-i18n-title.
export const LOCALES = [
  { id: 'en', label: 'English' },
  { id: 'zh-Hans', label: '简体中文' },
  { id: 'zh-Hant', label: '繁體中文' },
];

let strings = {};
let current = 'en';
/** How many switches were asked for: a switch whose strings arrive after a later one's is dropped. */
let asked = 0;

export function localeForLanguage(tag) {
  return tag === 'zh' ? 'zh-Hans' : tag === 'yue' ? 'zh-Hant' : 'en';
}

export function t(key, vars = {}) {
  const template = strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/** True when the current locale has a string for the key. */
export function known(key) {
  return typeof strings[key] === 'string';
}

export function locale() {
  return current;
}

/**
 * Switches the page to a locale; one the user chose is remembered for the next pages (not a page's own default). The
 * last switch asked for wins: a language picked while the page is still loading its own stays, whichever strings
 * arrive first.
 */
export async function useLocale(id, remember = true) {
  const chosen = LOCALES.some((l) => l.id === id) ? id : 'en';
  const mine = ++asked;
  if (remember) localStorage.setItem('mvtm.locale', chosen);
  const response = await fetch(`/i18n/${chosen}.json`, { credentials: 'same-origin' });
  const loaded = await response.json();
  if (mine !== asked) return;
  strings = loaded;
  current = chosen;
  document.documentElement.lang = chosen;
  apply(document);
  document.dispatchEvent(new CustomEvent('mvtm:locale', { detail: chosen }));
}

export function apply(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}

/**
 * Fills a <nav> with one button per locale and starts in the locale the user chose before, or else the given one (the
 * user's preferred language): the sign-in page's English default does not override an advisor's preference.
 */
export async function initLocales(nav, fallback = 'en') {
  if (nav) {
    nav.replaceChildren(...LOCALES.map((l) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = l.label;
      b.lang = l.id;
      b.addEventListener('click', () => useLocale(l.id));
      return b;
    }));
  }
  const stored = localStorage.getItem('mvtm.locale');
  await useLocale(stored || fallback, false);
}
