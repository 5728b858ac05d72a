// Stereo 16-bit PCM WAV: parse the RIFF chunks ourselves and draw both channels (caller left on
// top, agent right below) on one canvas with one time axis.

/** {rate, channels: [Int16Array, ...]} of a PCM WAV file, or throws when it is not one. */
export function parseWav(buffer) {
  const view = new DataView(buffer);
  const tag = (at) => String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
  if (buffer.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let format = null;
  while (offset + 8 <= buffer.byteLength) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = {
        code: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data' && format) {
      if (format.code !== 1 || format.bits !== 16) throw new Error('not 16-bit PCM');
      // a header written while recording may say 0: then the data runs to the end of the file
      const length = size === 0 || body + size > buffer.byteLength ? buffer.byteLength - body : size;
      const frames = Math.floor(length / (2 * format.channels));
      const channels = Array.from({ length: format.channels }, () => new Int16Array(frames));
      for (let i = 0; i < frames; i++) {
        for (let c = 0; c < format.channels; c++) {
          channels[c][i] = view.getInt16(body + (i * format.channels + c) * 2, true);
        }
      }
      return { rate: format.rate, channels };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no PCM data');
}

const AXIS = 24;
const COLOURS = ['#1f6fb2', '#b25a1f'];

/** Draws the waveforms and the time axis; position (seconds) draws the playhead. */
export function drawWaveforms(canvas, wav, position = null) {
  const g = canvas.getContext('2d');
  const width = canvas.width;
  const lanes = Math.min(2, wav.channels.length);
  const laneHeight = (canvas.height - AXIS) / lanes;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, canvas.height);
  const frames = wav.channels[0].length;
  const perPixel = Math.max(1, Math.ceil(frames / width));
  for (let lane = 0; lane < lanes; lane++) {
    const samples = wav.channels[lane];
    const middle = lane * laneHeight + laneHeight / 2;
    g.strokeStyle = '#dddddd';
    g.beginPath();
    g.moveTo(0, middle);
    g.lineTo(width, middle);
    g.stroke();
    g.fillStyle = COLOURS[lane];
    for (let x = 0; x < width; x++) {
      const from = Math.floor((x * frames) / width);
      const to = Math.min(frames, from + perPixel);
      let min = 0;
      let max = 0;
      for (let i = from; i < to; i++) {
        if (samples[i] < min) min = samples[i];
        if (samples[i] > max) max = samples[i];
      }
      const top = middle - (max / 32768) * (laneHeight / 2);
      const bottom = middle - (min / 32768) * (laneHeight / 2);
      g.fillRect(x, top, 1, Math.max(1, bottom - top));
    }
  }
  const seconds = frames / wav.rate;
  g.strokeStyle = '#555555';
  g.fillStyle = '#333333';
  g.font = '12px sans-serif';
  const axisY = canvas.height - AXIS;
  g.beginPath();
  g.moveTo(0, axisY);
  g.lineTo(width, axisY);
  g.stroke();
  const step = niceStep(seconds);
  for (let s = 0; s <= seconds + 1e-9 && step > 0; s += step) {
    const x = Math.min(width - 1, (s / seconds) * width);
    g.beginPath();
    g.moveTo(x, axisY);
    g.lineTo(x, axisY + 5);
    g.stroke();
    g.fillText(`${s.toFixed(step < 1 ? 1 : 0)} s`, Math.min(x + 2, width - 40), axisY + 17);
  }
  if (position !== null && seconds > 0) {
    const x = (position / seconds) * width;
    g.strokeStyle = '#c00000';
    g.beginPath();
    g.moveTo(x, 0);
    g.lineTo(x, axisY);
    g.stroke();
  }
  return seconds;
}

function niceStep(seconds) {
  for (const step of [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800]) {
    if (seconds / step <= 12) return step;
  }
  return 3600;
}
