// The recording player: a reason first (it goes into the audit entry), then ONE audited fetch of
// the WAV whose blob feeds both the <audio> element and the waveforms. Escape closes it.
import { errorOf } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { showError } from './shell.js';
import { drawWaveforms, parseWav } from './waveform.js';

let callId = null;
let objectUrl = null;
let wav = null;

export function initPlayer() {
  const dialog = $('#player');
  $('#reason-form').addEventListener('submit', (event) => {
    event.preventDefault();
    play();
  });
  $('#player-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', reset);
  const audio = $('#audio');
  audio.addEventListener('timeupdate', () => {
    if (wav) drawWaveforms($('#waveform'), wav, audio.currentTime);
  });
}

/** Opens the player for a recording: asks for the reason. */
export function openPlayer(id, label = '') {
  reset();
  callId = id;
  $('#player-call').textContent = label || id;
  $('#player').dataset.call = id;
  $('#player').showModal();
  $('#reason').focus();
}

async function play() {
  const reason = $('#reason').value.trim();
  const error = $('#player-error');
  if (!reason) {
    showError(error, { message: t('player.reasonRequired') });
    $('#reason').focus();
    return;
  }
  showError(error, null);
  const url = `/api/v1/recordings/${encodeURIComponent(callId)}/audio?reason=${encodeURIComponent(reason)}`;
  const dialog = $('#player');
  dialog.dataset.state = 'loading';
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw await errorOf(response);
    const blob = await response.blob();
    objectUrl = URL.createObjectURL(blob);
    const audio = $('#audio');
    audio.src = objectUrl;
    try {
      wav = parseWav(await blob.arrayBuffer());
      drawWaveforms($('#waveform'), wav, 0);
      dialog.dataset.waveform = 'drawn';
    } catch (e) {
      showError(error, { message: `${t('player.noWaveform')} (${e.message})` });
    }
    dialog.dataset.state = 'ready';
    audio.play().catch(() => {
      // autoplay refused: the controls are there
    });
    audio.focus();
  } catch (e) {
    dialog.dataset.state = 'refused';
    showError(error, e);
  }
}

function reset() {
  const audio = $('#audio');
  audio.pause();
  audio.removeAttribute('src');
  audio.load();
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = null;
  wav = null;
  const canvas = $('#waveform');
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
  const dialog = $('#player');
  delete dialog.dataset.state;
  delete dialog.dataset.waveform;
  showError($('#player-error'), null);
  $('#reason').value = '';
}
