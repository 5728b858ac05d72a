import { currentSession, homeOf, login } from './api.js';
import { $ } from './dom.js';
import { languageSwitcher, loadLanguage, t } from './i18n.js';

await loadLanguage();
languageSwitcher($('#lang'));

try {
  const session = await currentSession();
  location.assign(homeOf(session));
} catch {
  // not logged in: show the form
}

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('#login-error');
  error.textContent = '';
  try {
    const session = await login($('#name').value, $('#password').value);
    location.assign(homeOf(session));
  } catch (e) {
    error.textContent = e.status === 401 ? t('login.wrong') : `${e.status ?? ''} ${e.message}`;
    $('#password').select();
  }
});
$('#name').focus();
