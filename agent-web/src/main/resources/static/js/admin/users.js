// Users: list, create and change (roles, regions, display name, interface language, enabled, customer tier),
// delete, reset a local password, set or remove SIP phone credentials.
import { t } from '../i18n.js';
import { api, list } from './api.js';
import { catalog, fillSelect, tierLabel } from './catalog.js';
import { createOrChange, editorTitle, listRows, onDelete, onSubmit } from './editor.js';
import { clearErrors, done, refused } from './feedback.js';
import { $ } from '../page-bootstrap.js';

const form = $('user-form');
let editing = null; // the user being changed, null while creating

export async function showUsers() {
  const users = await api.get('/api/admin/users');
  listRows($('user-list'), users, {
    attr: 'data-user',
    key: (u) => u.username,
    cells: (u) => [u.displayName, u.roles.map((r) => t(`role.${r}`)).join(', '), u.regions.join(', '),
      t(`uiLanguage.${u.language}`), u.enabled ? '✓' : '✗', u.sipPhone ? '✓' : '—'],
    edit,
  });
  fillSelect($('user-tier'), [['', '—'], ...catalog.tiers.map((x) => [x.code, tierLabel(x.code)])], form.customerTier.value);
  return users;
}

function edit(user) {
  editing = user;
  clearErrors(form);
  editorTitle('user', 'admin.editUser', user.username);
  form.username.value = user.username;
  form.username.readOnly = true;
  form.displayName.value = user.displayName ?? '';
  form.querySelectorAll('[name=roles]').forEach((c) => { c.checked = user.roles.includes(c.value); });
  form.regions.value = user.regions.join(', ');
  form.language.value = user.language;
  form.customerTier.value = user.customerTier ?? '';
  form.enabled.checked = user.enabled;
  $('user-password').hidden = true;
  $('user-delete').hidden = false;
  $('user-credentials').hidden = false;
  $('sip-state').textContent = t(user.sipPhone ? 'admin.sipIsSet' : 'admin.sipNotSet');
  form.scrollIntoView({ block: 'nearest' });
}

function create() {
  editing = null;
  clearErrors(form);
  form.reset();
  editorTitle('user', 'admin.newUser', '');
  form.username.readOnly = false;
  $('user-password').hidden = false;
  $('user-delete').hidden = true;
  $('user-credentials').hidden = true;
}

function body() {
  const b = {
    displayName: form.displayName.value.trim() || undefined,
    roles: [...form.querySelectorAll('[name=roles]:checked')].map((c) => c.value),
    regions: list(form.regions.value),
    language: form.language.value,
    enabled: form.enabled.checked,
    customerTier: form.customerTier.value || undefined,
  };
  if (!editing) {
    b.username = form.username.value.trim();
    b.password = form.password.value || undefined;
  }
  return b;
}

onSubmit(form, async () => {
  const saved = await createOrChange('/api/admin/users', editing?.username, body());
  done('admin.savedUser', { name: saved.username });
  await showUsers();
  edit(saved);
});

$('user-new').addEventListener('click', create);

onDelete($('user-delete'), form,
  () => editing && { name: editing.username, url: `/api/admin/users/${encodeURIComponent(editing.username)}` },
  () => { create(); return showUsers(); });

onSubmit($('password-form'), async (f) => {
  await api.post(`/api/admin/users/${encodeURIComponent(editing.username)}/password`, { password: f.password.value });
  clearErrors(f);
  f.reset();
  done('admin.passwordSet', { name: editing.username });
});

onSubmit($('sip-form'), async (f) => {
  await api.put(`/api/admin/users/${encodeURIComponent(editing.username)}/sip`, { sipPassword: f.sipPassword.value });
  clearErrors(f);
  f.reset();
  $('sip-state').textContent = t('admin.sipIsSet');
  done('admin.sipSaved', { name: editing.username });
  await showUsers();
});

$('sip-remove').addEventListener('click', async () => {
  try {
    await api.del(`/api/admin/users/${encodeURIComponent(editing.username)}/sip`);
    $('sip-state').textContent = t('admin.sipNotSet');
    done('admin.sipRemoved', { name: editing.username });
    await showUsers();
  } catch (err) { refused($('sip-form'), err); }
});
