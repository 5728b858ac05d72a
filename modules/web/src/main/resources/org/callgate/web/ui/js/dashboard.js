// The dashboard: calls, recordings and coverage per service per day, as a uPlot chart (the
// WebJar); a text summary for screen readers beside it.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { api } from './api.js';
import { $, clear } from './dom.js';
import { t } from './i18n.js';
import { showError } from './shell.js';

const PALETTE = ['#1f6fb2', '#b25a1f', '#2e8b57', '#8b2e7a', '#6b6b00', '#00727a'];

export async function loadDashboard() {
  showError($('#dashboard-error'), null);
  const chart = clear($('#chart'));
  try {
    const data = await api('/reports/dashboard?days=14');
    const x = data.days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const series = [{}];
    const columns = [x];
    data.services.forEach((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      series.push({ label: `${s.service} ${t('dash.calls')}`, stroke: colour, width: 2, scale: 'n' });
      columns.push(s.calls);
      series.push({ label: `${s.service} ${t('dash.recorded')}`, stroke: colour, dash: [6, 4], scale: 'n' });
      columns.push(s.recorded);
      series.push({
        label: `${s.service} ${t('dash.coverage')}`, stroke: colour, dash: [2, 3], scale: '%',
        value: (u, v) => (v == null ? '–' : `${Math.round(v * 100)} %`),
      });
      columns.push(s.coverage.map((c) => (c == null ? null : c)));
    });
    const width = Math.max(320, Math.min(1000, chart.clientWidth || 900));
    new uPlot({
      width,
      height: 320,
      series,
      scales: { '%': { range: [0, 1] } },
      axes: [{}, { scale: 'n', label: t('dash.count'), incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] },
        { scale: '%', side: 1, grid: { show: false }, values: (u, v) => v.map((c) => `${Math.round(c * 100)}%`) }],
    }, columns, chart);
    chart.dataset.drawn = 'true';
    $('#chart-summary').textContent = data.services.map((s) => `${s.service}: ${s.calls.reduce((a, b) => a + (b || 0), 0)}`
      + ` ${t('dash.calls')}, ${s.recorded.reduce((a, b) => a + (b || 0), 0)} ${t('dash.recorded')}`).join('; ');
  } catch (e) {
    showError($('#dashboard-error'), e);
  }
}
