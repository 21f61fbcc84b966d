// The page a browser gets instead of a console it cannot open (403) or an address that leads nowhere (404): in the
// user's language, who is signed in, the way to their own console (/ sends each role to theirs) and to sign out.
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
