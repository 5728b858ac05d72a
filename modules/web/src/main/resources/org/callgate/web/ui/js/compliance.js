// The compliance page (and the supervisor's recordings): recordings with filters and the player,
// legal holds, data-subject requests (requests.js), completeness and purge reports, the audit log, the dashboard. Sections show by
// capability; the server enforces the same rules (403) whatever the page shows.
import { api } from './api.js';
import { $, $$, clear, el, table, time } from './dom.js';
import { t, translate } from './i18n.js';
import { initPlayer, openPlayer } from './player.js';
import { showError, startPage } from './shell.js';

const session = await startPage('compliance');
const caps = new Set(session.capabilities);
caps.add(caps.has('banking_recordings') || caps.has('sampled_recordings') ? 'recordings' : '');
const loaded = new Set();
const loaders = {
  recordings: loadRecordings,
  holds: loadHolds,
  requests: async () => (await import('./requests.js')).loadRequests(),
  reports: loadPurges,
  audit: () => loadAudit(null),
  dashboard: async () => (await import('./dashboard.js')).loadDashboard(),
};

function select(tab) {
  for (const other of $$('[role=tab]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(`#${other.getAttribute('aria-controls')}`).hidden = !selected;
  }
  const name = tab.getAttribute('aria-controls');
  if (!loaded.has(name)) {
    loaded.add(name);
    loaders[name]?.();
  }
}

const tabs = $$('[role=tab]').filter((tab) => {
  const allowed = caps.has(tab.dataset.cap);
  tab.hidden = !allowed;
  return allowed;
});
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) {
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next.focus();
      select(next);
    }
  });
});

// Recordings

function isoDay(value, endOfDay) {
  if (!value) return null;
  return endOfDay ? `${value}T23:59:59Z` : `${value}T00:00:00Z`;
}

async function loadRecordings() {
  const params = new URLSearchParams();
  const add = (name, value) => value && params.set(name, value);
  add('service', $('#r-service').value.trim());
  add('from', isoDay($('#r-from').value, false));
  add('to', isoDay($('#r-to').value, true));
  add('number', $('#r-number').value.trim());
  add('dossier', $('#r-dossier').value.trim());
  showError($('#recordings-error'), null);
  const list = clear($('#recording-list'));
  try {
    const recordings = await api(`/recordings?${params}`);
    if (!recordings.length) {
      list.append(el('p', { class: 'muted', text: t('rec.none') }));
      return;
    }
    list.append(table(
      [t('rec.start'), t('rec.service'), t('rec.duration'), t('rec.caller'), t('rec.banking'), t('rec.retainUntil'), t('rec.hold'), ''],
      recordings.map((r) => [
        time(r.start), r.service, r.durationSeconds == null ? '' : `${r.durationSeconds} s`, r.caller,
        r.banking ? t('common.yes') : t('common.no'), time(r.retainUntil), r.legalHold ? t('common.yes') : '',
        el('button', {
          type: 'button', class: 'play', 'data-call': r.callId,
          'aria-label': `${t('player.play')} ${r.service} ${time(r.start)}`,
          onclick: () => openPlayer(r.callId, `${r.service} · ${time(r.start)} · ${r.caller ?? ''}`),
          text: t('player.play'),
        }),
      ])));
  } catch (e) {
    showError($('#recordings-error'), e);
  }
}

$('#recording-filter').addEventListener('submit', (event) => {
  event.preventDefault();
  loadRecordings();
});
$('#open-call').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = $('#call-id').value.trim();
  if (id) openPlayer(id);
});

// Legal holds

async function loadHolds() {
  showError($('#holds-error'), null);
  const released = $('#h-released').checked;
  try {
    const { holds } = await api(`/holds?released=${released}`);
    const list = clear($('#hold-list'));
    if (!holds.length) {
      list.append(el('p', { class: 'muted', text: t('hold.none') }));
      return;
    }
    list.append(table(
      [t('hold.scope'), t('hold.value'), t('hold.case'), t('hold.reason'), t('hold.placed'), t('hold.released'), ''],
      holds.map((h) => [
        t(`hold.scope.${h.scope}`), h.value, h.caseId, h.reason, `${h.placedBy} ${time(h.placedAt)}`,
        h.releasedAt ? `${h.releasedBy} ${time(h.releasedAt)}` : '',
        h.releasedAt ? '' : el('button', {
          type: 'button', class: 'release', 'data-hold': h.id,
          'aria-label': `${t('hold.release')} ${h.caseId}`,
          onclick: () => releaseHold(h), text: t('hold.release'),
        }),
      ])));
  } catch (e) {
    showError($('#holds-error'), e);
  }
}

async function placeHold(event) {
  event.preventDefault();
  const body = {
    scope: $('#h-scope').value,
    value: $('#h-value').value.trim(),
    caseId: $('#h-case').value.trim(),
    reason: $('#h-reason').value.trim(),
  };
  try {
    const hold = await api('/holds', { method: 'POST', body });
    $('#holds-status').textContent = t('hold.placedOk', { case: hold.caseId });
    $('#hold-form').reset();
    showError($('#holds-error'), null);
    await loadHolds();
  } catch (e) {
    showError($('#holds-error'), e);
  }
}

async function releaseHold(hold) {
  try {
    await api(`/holds/${encodeURIComponent(hold.id)}/release`, { method: 'POST', body: {} });
    $('#holds-status').textContent = t('hold.releasedOk', { case: hold.caseId });
    await loadHolds();
  } catch (e) {
    showError($('#holds-error'), e);
  }
}

$('#hold-form').addEventListener('submit', placeHold);
$('#h-released').addEventListener('change', loadHolds);

// Reports

async function loadCompleteness(event) {
  event.preventDefault();
  showError($('#reports-error'), null);
  const target = clear($('#completeness'));
  try {
    const report = await api(`/reports/completeness?from=${$('#c-from').value}&to=${$('#c-to').value}`);
    target.append(el('p', {
      class: report.complete ? 'ok' : 'error', role: 'status',
      text: report.complete ? t('report.complete') : t('report.incomplete'),
    }));
    target.append(el('dl', { class: 'fields' },
      Object.entries(report.counts || {}).map(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])));
    const calls = report.calls || [];
    if (calls.length) {
      target.append(table([t('rec.callId'), t('rec.service'), t('rec.start'), t('report.status'), t('report.detail')],
        calls.map((c) => [c.callId, c.service, time(c.time), c.status, [c.meaning, c.detail].filter(Boolean).join(': ')])));
    }
  } catch (e) {
    showError($('#reports-error'), e);
  }
}

async function loadPurges() {
  const today = new Date().toISOString().slice(0, 10);
  if (!$('#c-from').value) $('#c-from').value = today;
  if (!$('#c-to').value) $('#c-to').value = today;
  const target = clear($('#purges'));
  try {
    const { reports } = await api('/reports/purges?limit=20');
    if (!reports.length) {
      target.append(el('p', { class: 'muted', text: t('report.noPurges') }));
      return;
    }
    const keys = [...new Set(reports.flatMap((r) => Object.keys(r)))];
    target.append(table(keys, reports.map((r) => keys.map((k) => {
      const v = r[k];
      if (v !== null && typeof v === 'object') return JSON.stringify(v);
      return /^(started|finished)$/.test(k) ? time(v) : v;
    }))));
  } catch (e) {
    showError($('#reports-error'), e);
  }
}

$('#completeness-form').addEventListener('submit', loadCompleteness);

// Audit log

let oldest = null;

async function loadAudit(before) {
  showError($('#audit-error'), null);
  try {
    const page = await api(`/audit?limit=100${before ? `&before=${before}` : ''}`);
    const v = page.verification || {};
    const state = $('#audit-verification');
    state.dataset.state = v.state || 'unverified';
    state.className = v.state === 'intact' ? 'ok' : v.state === 'broken' ? 'error' : 'muted';
    state.textContent = `${t(`audit.${v.state || 'unverified'}`)} · ${t('audit.entries', { n: v.entries ?? '?' })}`
      + `${v.checkedAt ? ` · ${time(v.checkedAt)}` : ''}${v.message ? ` · ${v.message}` : ''}`;
    $('#audit-head').textContent = page.head ? `${t('audit.head')} #${page.head.sequence} ${page.head.hash}` : '';
    const list = $('#audit-list');
    if (!before) clear(list);
    const entries = page.entries || [];
    list.append(table([t('audit.sequence'), t('audit.time'), t('audit.action'), t('audit.actor'), t('audit.details')],
      entries.map((e) => [e.sequence, time(e.time), e.action, e.actor, JSON.stringify(e.details ?? {})])));
    oldest = page.next ?? null;
    $('#audit-older').hidden = oldest === null;
  } catch (e) {
    showError($('#audit-error'), e);
  }
}

$('#audit-older').addEventListener('click', () => loadAudit(oldest));

document.addEventListener('languagechange', () => {
  translate();
  for (const name of loaded) loaders[name]?.();
});

initPlayer();
const first = tabs.find((tab) => location.hash === `#${tab.getAttribute('aria-controls')}`) || tabs[0];
if (first) select(first);
const wanted = new URLSearchParams(location.hash.slice(1)).get('play');
if (wanted) openPlayer(wanted);
document.body.dataset.ready = 'true';
