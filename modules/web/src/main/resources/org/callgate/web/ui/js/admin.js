// The admin page: users (list, add, disable, enable) and the running configuration, read-only
// (secrets arrive already replaced by "***").
import { api } from './api.js';
import { $, clear, el, table, time } from './dom.js';
import { t, translate } from './i18n.js';
import { showError, startPage } from './shell.js';

const session = await startPage('admin');
const caps = new Set(session.capabilities);
const list = (value) => value.split(',').map((s) => s.trim()).filter(Boolean);

async function loadUsers() {
  showError($('#users-error'), null);
  try {
    const { users } = await api('/users');
    clear($('#user-list')).append(table(
      [t('login.name'), t('admin.roles'), t('admin.services'), t('admin.disabled'), t('dossier.updated'), ''],
      users.map((u) => [u.name, (u.roles || []).join(', '), (u.services || []).join(', '),
        u.disabled ? t('common.yes') : t('common.no'), time(u.changed || u.created),
        el('button', {
          type: 'button', 'data-user': u.name, text: t(u.disabled ? 'admin.enable' : 'admin.disable'),
          onclick: () => toggle(u),
        })])));
  } catch (e) {
    showError($('#users-error'), e);
  }
}

async function toggle(user) {
  try {
    await api(`/users/${encodeURIComponent(user.name)}/${user.disabled ? 'enable' : 'disable'}`, { method: 'POST', body: {} });
    await loadUsers();
  } catch (e) {
    showError($('#users-error'), e);
  }
}

$('#user-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api('/users', {
      method: 'POST',
      body: { name: $('#u-name').value.trim(), roles: list($('#u-roles').value), services: list($('#u-services').value), password: $('#u-password').value },
    });
    $('#user-form').reset();
    await loadUsers();
  } catch (e) {
    showError($('#users-error'), e);
  }
});

async function loadConfiguration() {
  try {
    $('#config').textContent = JSON.stringify(await api('/configuration'), null, 2);
  } catch (e) {
    showError($('#config-error'), e);
  }
}

$('#users').hidden = !caps.has('users');
$('#configuration').hidden = !caps.has('configuration_read');
if (caps.has('users')) loadUsers();
if (caps.has('configuration_read')) loadConfiguration();
document.addEventListener('languagechange', () => {
  translate();
  if (caps.has('users')) loadUsers();
});
document.body.dataset.ready = 'true';
