// The register of data-subject requests on the compliance page (R12, R20, R22): log one, see the
// deadlines (overdue, due within a week), check the identity, carry it out (erasure, objection,
// withdrawal, restriction: the answer says what was erased and what was kept, and why), download
// an access request's export, answer or refuse it. The server enforces every rule (R22: nothing is
// released or erased before the identity check) and audits every step.
import { api } from './api.js';
import { $, clear, el, table, time } from './dom.js';
import { t } from './i18n.js';
import { showError } from './shell.js';

const CHANGES_RECORDS = new Set(['erasure', 'objection', 'withdrawal', 'restriction']);
const EXPORTED = new Set(['access', 'portability']);
let pending = null;

export async function loadRequests() {
  showError($('#requests-error'), null);
  try {
    const { requests } = await api(`/requests?all=${$('#q-closed').checked}`);
    const list = clear($('#request-list'));
    if (!requests.length) {
      list.append(el('p', { class: 'muted', text: t('req.none') }));
      return;
    }
    list.append(table(
      [t('req.id'), t('req.type'), t('req.status'), t('req.received'), t('req.due'), t('req.subject'), ''],
      requests.map((r) => [
        r.id, t(`req.type.${r.type}`), t(`req.status.${r.status}`), time(r.received), due(r),
        [...r.subject.phones, ...r.subject.dossiers].join(', '), actions(r),
      ])));
  } catch (e) {
    showError($('#requests-error'), e);
  }
}

function due(r) {
  const flag = r.overdue ? 'overdue' : r.dueSoon ? 'due-soon' : null;
  return el('span', { class: flag, 'data-deadline': flag }, time(r.due), flag ? ` (${t(`req.${flag}`)})` : '');
}

function actions(r) {
  const cell = el('span', { class: 'actions' });
  const button = (name, onclick) => cell.append(el('button', {
    type: 'button', class: name, 'data-request': r.id, 'aria-label': `${t(`req.${name}`)} ${r.id}`, onclick,
    text: t(`req.${name}`),
  }));
  if (r.status === 'open') button('verify', () => ask(r, 'verify', 'method'));
  if (r.status === 'verified' && CHANGES_RECORDS.has(r.type)) button('carry-out', () => carryOut(r));
  if (r.status === 'verified' && EXPORTED.has(r.type)) {
    cell.append(el('a', {
      class: 'export', href: `/api/v1/requests/${encodeURIComponent(r.id)}/export`, download: `${r.id}.zip`,
      text: t('req.export'),
    }));
  }
  if (r.status === 'verified') button('answer', () => ask(r, 'answer', 'text'));
  if (r.status === 'open' || r.status === 'verified') button('refuse', () => ask(r, 'refuse', 'reason'));
  return cell;
}

/** Shows the one-field form of a step: the identity check's method, the answer, the refusal's reason. */
function ask(request, step, field) {
  pending = { request, step, field };
  $('#step-title').textContent = `${t(`req.${step}`)} ${request.id}`;
  $('#step-label').textContent = t(`req.${step}.field`);
  $('#step-text').value = '';
  $('#step-form').hidden = false;
  $('#step-text').focus();
}

async function takeStep(event) {
  event.preventDefault();
  if (!pending) return;
  const { request, step, field } = pending;
  try {
    const after = await api(`/requests/${encodeURIComponent(request.id)}/${step}`, {
      method: 'POST', body: { [field]: $('#step-text').value.trim() },
    });
    $('#requests-status').textContent = t('req.stepped', { id: after.id, status: t(`req.status.${after.status}`) });
    closeStep();
    await loadRequests();
  } catch (e) {
    showError($('#requests-error'), e);
  }
}

function closeStep() {
  pending = null;
  $('#step-form').hidden = true;
}

async function carryOut(request) {
  try {
    const outcome = await api(`/requests/${encodeURIComponent(request.id)}/carry-out`, { method: 'POST', body: {} });
    const shown = $('#request-outcome');
    shown.textContent = outcome.text;
    shown.hidden = false;
    $('#requests-status').textContent = t('req.carriedOut', { id: request.id });
    showError($('#requests-error'), null);
  } catch (e) {
    showError($('#requests-error'), e);
  }
}

async function logRequest(event) {
  event.preventDefault();
  const phone = $('#q-phone').value.trim();
  const dossier = $('#q-dossier').value.trim();
  const via = $('#q-via').value.trim();
  const body = { type: $('#q-type').value, phones: phone ? [phone] : [], dossiers: dossier ? [dossier] : [] };
  if (via) body.via = via;
  try {
    const opened = await api('/requests', { method: 'POST', body });
    $('#requests-status').textContent = t('req.logged', { id: opened.id });
    $('#request-form').reset();
    showError($('#requests-error'), null);
    await loadRequests();
  } catch (e) {
    showError($('#requests-error'), e);
  }
}

$('#request-form').addEventListener('submit', logRequest);
$('#step-form').addEventListener('submit', takeStep);
$('#step-cancel').addEventListener('click', closeStep);
$('#q-closed').addEventListener('change', loadRequests);
