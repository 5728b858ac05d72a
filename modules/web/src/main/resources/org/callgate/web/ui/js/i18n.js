// NL/FR/EN labels: one JSON dictionary per language; the choice comes from the browser's
// languages unless the user picked one with the switcher (kept in localStorage).

const LANGUAGES = ['en', 'nl', 'fr'];
let dictionary = {};

export function language() {
  const saved = localStorage.getItem('callgate.lang');
  if (LANGUAGES.includes(saved)) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const prefix = String(tag || '').slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(prefix)) return prefix;
  }
  return 'en';
}

export async function loadLanguage(lang = language()) {
  const response = await fetch(`/i18n/${lang}.json`);
  dictionary = await response.json();
  document.documentElement.lang = lang;
  translate();
}

/** The label for key, with {name} placeholders filled in; the key itself when missing. */
export function t(key, values = {}) {
  let text = dictionary[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** Fills data-i18n (text), data-i18n-aria (aria-label) and data-i18n-placeholder under root. */
export function translate(root = document) {
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of root.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
  for (const e of root.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = t(title.dataset.i18n);
}

/** Wires a <select> to switch language; fires "languagechange" on document after loading. */
export function languageSwitcher(select) {
  select.value = language();
  select.addEventListener('change', async () => {
    localStorage.setItem('callgate.lang', select.value);
    await loadLanguage(select.value);
    document.dispatchEvent(new Event('languagechange'));
  });
}
