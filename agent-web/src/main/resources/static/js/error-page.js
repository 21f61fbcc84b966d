// The page a browser gets for an error on a page request (pages/ErrorPages fills in the status and its English text):
// a console it cannot open (403), an address that leads nowhere (404), a failure on our side (5xx) or another refusal.
// This script puts it in the user's language, says who is signed in, and offers the way to their own console (/ sends
// each role to theirs) and to sign out.
import { initLocales, localeForLanguage } from './i18n.js';
import { csrfToken } from './http.js';

const answer = await fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .catch(() => null);
const me = answer?.ok ? await answer.json() : null;
await initLocales(document.getElementById('langs'), localeForLanguage(me?.language));
if (me) {
  document.getElementById('who').textContent = me.displayName;
  document.getElementById('signed-in').hidden = false;
  document.querySelectorAll('.csrf').forEach((i) => { i.value = csrfToken(); });
  document.getElementById('logout').hidden = false;
}
document.body.dataset.ready = 'true';
