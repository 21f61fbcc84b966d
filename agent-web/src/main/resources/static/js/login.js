import { initLocales, t } from './i18n.js';
import { csrfToken } from './http.js';

// the form must work before the translations arrive: someone who types fast (or a slow network) submits before
// initLocales resolves, and a POST without the CSRF token is refused back to this page
document.getElementById('csrf').value = csrfToken();
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrfToken();
});
await initLocales(document.getElementById('langs'));
const params = new URLSearchParams(location.search);
const message = document.getElementById('login-message');
const show = (text) => { message.textContent = text; message.hidden = false; };
const render = () => {
  if (params.get('error') === 'locked') show(t('login.locked', { minutes: params.get('minutes') ?? '15' }));
  else if (params.get('error') === 'slow') show(t('login.slow', { seconds: params.get('seconds') ?? '60' }));
  else if (params.get('error') === 'oidc') show(t('login.oidcRefused'));
  else if (params.has('error')) show(t('login.failed'));
  else if (params.has('logout')) show(t('login.loggedOut'));
};
render();
document.addEventListener('mvtm:locale', render);
// staff of a bank with an OpenID Connect provider sign in there
fetch('/login/providers', { headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.json() : null)).then((p) => {
  if (!p?.oidc) return;
  document.getElementById('oidc-link').href = p.url;
  document.getElementById('oidc').hidden = false;
}).catch(() => {});
