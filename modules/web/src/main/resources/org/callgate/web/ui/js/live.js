// The live panel: calls routed to the agent's services, from the server-sent event stream
// (GET /api/v1/calls/live, event "call"). A ringing call with an identified caller pops the
// dossier, with a notice that takes the focus and is read out by screen readers.
import { $, clear, el, time } from './dom.js';
import { t } from './i18n.js';

const calls = new Map();

export function startLivePanel(openDossier) {
  const state = $('#live-state');
  const source = new EventSource('/api/v1/calls/live');
  source.addEventListener('open', () => {
    setState(state, 'live.connected');
    render();
  });
  source.addEventListener('error', () => setState(state, source.readyState === EventSource.CLOSED ? 'live.unavailable' : 'live.reconnecting'));
  source.addEventListener('call', (event) => {
    let call;
    try {
      call = JSON.parse(event.data);
    } catch {
      return;
    }
    if (call.state === 'ended') calls.delete(call.callId);
    else calls.set(call.callId, call);
    render();
    if (call.state === 'routing') ring(call, openDossier);
  });

  $('#popup-close').addEventListener('click', closePopup);
  $('#popup').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closePopup();
  });
  return source;
}

function setState(element, key) {
  element.dataset.i18n = key;
  element.textContent = t(key);
  element.dataset.state = key;
}

function describe(call) {
  const who = call.dossier ? `${call.dossier.displayName} (${call.dossier.number})` : t('live.unknown');
  return `${call.caller || t('live.hidden')} · ${who} · ${call.service || ''}`;
}

function render() {
  const list = clear($('#live-calls'));
  if (!calls.size) list.append(el('li', { class: 'muted', text: t('live.none') }));
  for (const call of calls.values()) {
    list.append(el('li', { 'data-call': call.callId, 'data-state': call.state },
      el('span', { text: describe(call) }),
      el('span', { class: 'muted', text: ` ${t(`live.state.${call.state}`)} ${time(call.time)}` })));
  }
}

function ring(call, openDossier) {
  const popup = $('#popup');
  $('#popup-text').textContent = describe(call);
  popup.dataset.call = call.callId;
  popup.dataset.dossier = call.dossier?.number || '';
  const open = $('#popup-open');
  open.hidden = !call.dossier;
  open.onclick = () => {
    closePopup();
    openDossier(call.dossier.number);
  };
  popup.hidden = false;
  $('#live-announce').textContent = `${t('live.incoming')}: ${describe(call)}`;
  if (call.dossier) openDossier(call.dossier.number, { focus: false });
  popup.focus();
}

function closePopup() {
  $('#popup').hidden = true;
  $('#q').focus();
}
