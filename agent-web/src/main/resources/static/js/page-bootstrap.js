// The start every signed-in page shares (agent, supervisor, compliance, admin, reports, wallboard, customer): who is
// signed in (/api/me; the page then follows that user and leaves if another signs in in this browser), the interface
// language (theirs until they pick one), the CSRF token in the page's plain forms, their name in the header and the
// links to the other consoles they may open. And the page furniture they share: the socket's status, the message
// line, minutes:seconds.
import { initLocales, localeForLanguage, t } from './i18n.js';
import { csrfToken, followSignedInUser, getJson } from './http.js';
import { consoleLinks } from './console-nav.js';

export const $ = (id) => document.getElementById(id);

/** Signs the page in; `who` words the header's name (null: the page has none). Returns the /api/me answer. */
export async function startPage({ who = (me) => `${me.displayName} · ${me.regions.join(', ')}` } = {}) {
  const me = await getJson('/api/me');
  followSignedInUser(me.username);
  await initLocales($('langs'), localeForLanguage(me.language));
  document.querySelectorAll('.csrf').forEach((i) => { i.value = csrfToken(); });
  if (who && $('who')) $('who').textContent = who(me);
  consoleLinks($('consoles'), me);
  return me;
}

/** The socket's status in #link (a ReconnectingSocket's onStatus), kept in the interface language. */
export function showLinkStatus(status) {
  $('link').textContent = t(`link.${status}`);
  $('link').dataset.state = status;
}
document.addEventListener('mvtm:locale', () => {
  const link = $('link');
  if (link?.dataset.state) link.textContent = t(`link.${link.dataset.state}`);
});

/** A message in #message for 8 seconds; `detail` (e.g. the server's words) as its tooltip. */
export function flash(text, detail = '') {
  $('message').title = detail ?? '';
  $('message').textContent = text;
  $('message').hidden = false;
  setTimeout(() => { $('message').hidden = true; }, 8000);
}

/**
 * Runs `mount` once the page's own script has drawn the page (it sets body[data-ready]): for the cards that other
 * scripts add to a console (the three-way call, live monitoring, the supervisor's notes).
 */
export function whenPageReady(mount) {
  if (document.body.dataset.ready === 'true') {
    mount();
    return;
  }
  new MutationObserver((_, observer) => {
    if (document.body.dataset.ready === 'true') { observer.disconnect(); mount(); }
  }).observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
}
