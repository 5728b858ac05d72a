// The agent page: search as you type, the dossier and its calls, create/edit, checks (R17), and
// the live panel that pops the caller's dossier when a call rings.
import { api } from './api.js';
import { $, clear, debounce, el, table, time } from './dom.js';
import { t, translate } from './i18n.js';
import { startLivePanel } from './live.js';
import { showError, startPage } from './shell.js';

const session = await startPage('agent');
let searching = null;
let current = null;

async function search(query) {
  searching?.abort();
  const results = $('#results');
  showError($('#search-error'), null);
  if (!query.trim()) {
    clear(results);
    $('#search-count').textContent = '';
    results.dataset.answered = '';
    return;
  }
  searching = new AbortController();
  try {
    const page = await api(`/dossiers?q=${encodeURIComponent(query)}&limit=20`, { signal: searching.signal });
    clear(results);
    $('#search-count').textContent = t('search.count', { n: page.hits.length, total: page.total });
    for (const hit of page.hits) results.append(resultItem(hit));
    results.dataset.answered = query;
  } catch (e) {
    if (e.name !== 'AbortError') {
      clear(results);
      $('#search-count').textContent = '';
      showError($('#search-error'), e);
      results.dataset.answered = query;
    }
  }
}

function resultItem(hit) {
  const details = [hit.dossier, hit.service, (hit.phones || []).join(', '), hit.maskedIban, (hit.barcodes || []).join(', '),
    hit.kind === 'dossier' ? null : time(hit.time)]
    .filter(Boolean)
    .join(' · ');
  const kind = hit.kind === 'dossier' ? null : el('span', { class: 'kind', text: t(`kind.${hit.kind}`) });
  const label = [kind, el('strong', { text: hit.displayName || hit.dossier || hit.id }), el('span', { class: 'muted', text: ` ${details}` })];
  if (!hit.dossier) return el('li', { class: 'hit unlinked' }, label);
  return el('li', {},
    el('button', {
      type: 'button',
      class: 'hit',
      'data-dossier': hit.dossier,
      'data-kind': hit.kind,
      onclick: () => openDossier(hit.dossier),
    }, label));
}

/** Opens a dossier (the server audits the read) and moves focus to it. */
export async function openDossier(number, { focus = true } = {}) {
  try {
    const dossier = await api(`/dossiers/${encodeURIComponent(number)}`);
    current = dossier;
    renderDossier(dossier);
    if (focus) $('#dossier').focus();
  } catch (e) {
    showError($('#search-error'), e);
  }
}

function renderDossier(d) {
  $('#dossier').hidden = false;
  $('#dossier').dataset.number = d.number;
  $('#dossier-title').textContent = `${d.displayName} (${d.number})`;
  const fields = clear($('#dossier-fields'));
  const rows = [
    ['dossier.number', d.number],
    ['dossier.service', d.service],
    ['dossier.phones', (d.phones || []).join(', ')],
    ['dossier.iban', d.maskedIban],
    ['dossier.email', d.email],
    ['dossier.notes', d.notes],
    ['dossier.calls', Array.isArray(d.calls) ? d.calls.length : d.calls],
    ['dossier.updated', time(d.updated)],
  ];
  for (const [key, value] of rows) {
    fields.append(el('dt', { 'data-i18n': key, text: t(key) }), el('dd', { text: value === null || value === undefined || value === '' ? '–' : value }));
  }
  const history = d.history || [];
  clear($('#dossier-history')).append(history.length
    ? table([t('history.time'), t('history.kind'), t('history.service'), t('history.id')],
      history.map((h) => [time(h.time), t(`kind.${h.kind}`), h.service, h.id]))
    : el('p', { class: 'muted', 'data-i18n': 'history.none', text: t('history.none') }));
  $('#check-outcome').textContent = '';
  $('#callback-outcome').textContent = '';
  $('#cb-number').value = (d.phones || [])[0] || '';
}

async function callBack(event) {
  event.preventDefault();
  if (!current) return;
  const phone = $('#cb-phone').value.trim();
  localStorage.setItem('callgate.phone', phone);
  const outcome = $('#callback-outcome');
  outcome.className = 'muted';
  outcome.textContent = t('callback.asking');
  try {
    const body = { phone, number: $('#cb-number').value.trim(), service: current.service, dossier: current.number };
    const answer = await api('/callbacks', { method: 'POST', body });
    outcome.className = 'ok';
    outcome.textContent = t('callback.accepted', { status: answer.sipStatus });
  } catch (e) {
    outcome.className = 'error';
    outcome.textContent = `${e.status ?? ''}: ${e.message}`;
  }
}

function openEditor(dossier) {
  $('#dossier-editor').hidden = false;
  $('#dossier-editor').dataset.number = dossier?.number || '';
  $('#dossier-editor').dataset.version = dossier?.version ?? '';
  $('#f-service').value = dossier?.service || (session.services || [])[0] || '';
  $('#f-name').value = dossier?.name || '';
  $('#f-firstName').value = dossier?.firstName || '';
  $('#f-phones').value = (dossier?.phones || []).join(', ');
  $('#f-iban').value = '';
  // The API never sends an IBAN back (only masked); an edit that leaves the field empty keeps it.
  const hint = $('#f-iban-hint');
  hint.hidden = !dossier?.maskedIban;
  hint.textContent = dossier?.maskedIban ? t('dossier.ibanRetype', { masked: dossier.maskedIban }) : '';
  $('#f-email').value = dossier?.email || '';
  $('#f-notes').value = dossier?.notes || '';
  showError($('#editor-error'), null);
  $('#f-name').focus();
}

async function saveDossier(event) {
  event.preventDefault();
  const editor = $('#dossier-editor');
  const body = {
    service: $('#f-service').value.trim(),
    name: $('#f-name').value.trim(),
    firstName: $('#f-firstName').value.trim() || null,
    phones: $('#f-phones').value.split(',').map((p) => p.trim()).filter(Boolean),
    email: $('#f-email').value.trim() || null,
    notes: $('#f-notes').value.trim() || null,
  };
  const iban = $('#f-iban').value.trim();
  if (iban || !editor.dataset.number) body.iban = iban || null;
  try {
    let saved;
    if (editor.dataset.number) {
      body.version = Number(editor.dataset.version);
      saved = await api(`/dossiers/${encodeURIComponent(editor.dataset.number)}`, { method: 'PUT', body });
    } else {
      saved = await api('/dossiers', { method: 'POST', body });
    }
    editor.hidden = true;
    current = saved;
    renderDossier(saved);
    $('#dossier').focus();
  } catch (e) {
    showError($('#editor-error'), e);
    const field = e.details?.field;
    if (field && $(`#f-${field}`)) $(`#f-${field}`).focus();
  }
}

async function recordCheck(event) {
  event.preventDefault();
  if (!current) return;
  const kind = $('#check-kind').value;
  const body = { kind, note: $('#check-note').value.trim() || null };
  if (kind === 'iban') body.value = $('#check-value').value.trim();
  else body.result = $('#check-result').value;
  const outcome = $('#check-outcome');
  try {
    const check = await api(`/dossiers/${encodeURIComponent(current.number)}/checks`, { method: 'POST', body });
    const verdict = check.matches === true ? 'check.matches' : check.matches === false ? 'check.differs' : 'check.recorded';
    outcome.textContent = t(verdict);
    outcome.className = check.matches === false ? 'error' : 'ok';
    $('#check-value').value = '';
  } catch (e) {
    outcome.className = 'error';
    outcome.textContent = `${e.status ?? ''}: ${e.message}`;
  }
}

function syncCheckFields() {
  const iban = $('#check-kind').value === 'iban';
  $('#check-value').disabled = !iban;
  $('#check-result').disabled = iban;
}

const typed = debounce((value) => search(value), 150);
$('#q').addEventListener('input', (event) => typed(event.target.value));
$('#search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  search($('#q').value);
});
$('#new-dossier').addEventListener('click', () => openEditor(null));
$('#edit-dossier').addEventListener('click', () => openEditor(current));
$('#editor-cancel').addEventListener('click', () => {
  $('#dossier-editor').hidden = true;
});
$('#dossier-form').addEventListener('submit', saveDossier);
$('#check-form').addEventListener('submit', recordCheck);
$('#callback-form').addEventListener('submit', callBack);
$('#cb-phone').value = localStorage.getItem('callgate.phone') || '';
$('#callback-form').hidden = !(session.capabilities || []).includes('callbacks');
$('#check-kind').addEventListener('change', syncCheckFields);
syncCheckFields();
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !$('#dossier-editor').hidden) $('#dossier-editor').hidden = true;
});
document.addEventListener('languagechange', () => {
  if (current) renderDossier(current);
  translate();
});
startLivePanel(openDossier);
$('#q').focus();
document.body.dataset.ready = 'true';
