// What every signed-in page shares: labels, the session, the navigation by role, log out.
import { currentSession, logout, pagesFor } from './api.js';
import { $, el } from './dom.js';
import { languageSwitcher, loadLanguage, t } from './i18n.js';

/** Loads the labels and the session; sends the user to the login page without one. */
export async function startPage(page) {
  await loadLanguage();
  languageSwitcher($('#lang'));
  let session;
  try {
    session = await currentSession();
  } catch {
    location.assign('/');
    throw new Error('not logged in');
  }
  const pages = pagesFor(session);
  const nav = $('#nav');
  for (const name of pages) {
    nav.append(el('a', {
      href: `/${name}.html`,
      'data-i18n': `nav.${name}`,
      'aria-current': name === page ? 'page' : null,
      text: t(`nav.${name}`),
    }));
  }
  $('#who').textContent = session.name;
  $('#logout').addEventListener('click', async () => {
    await logout();
    location.assign('/');
  });
  return session;
}

/** Shows an error (status and reason) in a role=alert element; clears it when error is null. */
export function showError(element, error) {
  if (!error) {
    element.textContent = '';
    element.hidden = true;
    delete element.dataset.status;
    return;
  }
  element.hidden = false;
  element.dataset.status = String(error.status ?? '');
  element.textContent = error.status ? `${error.status}: ${error.message}` : String(error.message || error);
}
