// The first administrator of an empty database, from the one-time token the server printed at first start.
import { initLocales, locale } from './i18n.js';
import { api, list } from './admin/api.js';
import { clearErrors, done, refused } from './admin/feedback.js';

await initLocales(document.getElementById('langs'));
const form = document.getElementById('setup-form');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const admin = await api.post('/api/admin/bootstrap', {
      token: form.token.value.trim(), username: form.username.value.trim(), password: form.password.value,
      displayName: form.displayName.value.trim() || undefined, regions: list(form.regions.value), language: locale(),
    });
    clearErrors(form);
    form.reset();
    done('setup.created', { name: admin.username });
  } catch (err) { refused(form, err); }
});
document.body.dataset.ready = 'true';
