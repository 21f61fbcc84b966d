// Second sign-in step of admins and compliance officers: a TOTP code (and, on first use, enrolment of the app).
import { initLocales, t } from './i18n.js';
import { csrfToken } from './http.js';

// the form works before the translations and the enrolment state arrive (a POST without the CSRF token is refused)
document.getElementById('csrf').value = csrfToken();
document.getElementById('code-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrfToken();
});
await initLocales(document.getElementById('langs'));
const message = document.getElementById('code-message');
const show = (text) => { message.textContent = text; message.hidden = false; };
const state = await fetch('/login/second-factor/state', { headers: { Accept: 'application/json' } });
if (state.status === 401) location.href = '/login?error=expired';
const s = state.ok ? await state.json() : {};
if (s.enrolled === false) {
  document.getElementById('secret').textContent = s.secret;
  document.getElementById('otpauth').href = s.otpauthUri;
  document.getElementById('enrol').hidden = false;
}
if (new URLSearchParams(location.search).get('error') === 'code') show(t('totp.wrong'));
