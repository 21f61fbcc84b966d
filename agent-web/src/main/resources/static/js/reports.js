// Interval reports for supervisors: filters (date range, rows per queue/channel/advisor, queue, region), two charts
// drawn by Chart.js (served by the app, js/vendor), the rows as a table and the same rows as CSV.
import { t } from './i18n.js';
import { el, getJson, refusalWords } from './http.js';
import { $, startPage } from './page-bootstrap.js';

const me = await startPage();

const today = new Date().toISOString().slice(0, 10);
$('from').value = today;
$('to').value = today;
$('region').append(...me.regions.map((r) => el('option', { value: r }, r)));
// the queues to filter by; without them (the database does not answer) the page still opens and says why
try {
  const board = await getJson('/api/reports/wallboard');
  $('queue').append(...board.queues.map((q) => el('option', { value: q.queue }, q.name)));
} catch { /* show() below says what failed */ }

const charts = {};
const pct = (x) => (x == null ? '' : `${Math.round(x * 1000) / 10}%`);
const secs = (x) => (x == null ? '' : `${x < 10 ? x.toFixed(1) : Math.round(x)} s`);

function params() {
  const p = new URLSearchParams();
  for (const name of ['from', 'to', 'by', 'queue', 'region']) {
    if ($(name).value) p.set(name, $(name).value);
  }
  return p;
}

async function show() {
  const p = params();
  $('csv').href = `/api/reports/intervals.csv?${p}`;
  const response = await fetch(`/api/reports/intervals?${p}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    $('message').hidden = false;
    $('message').textContent = body.field ? `${t(`reports.${body.field}`)}: ${body.message}`
      : refusalWords(body, response.statusText);
    return;
  }
  $('message').hidden = true;
  render(body.rows);
  document.body.dataset.shown = p.toString();
}

// the figures of all rows of one interval together (sums, and ratios from the sums)
function perInterval(rows) {
  const by = new Map();
  for (const r of rows) {
    const s = by.get(r.start) ?? { offered: 0, answered: 0, abandoned: 0, within: 0, wait: 0 };
    s.offered += r.offered; s.answered += r.answered; s.abandoned += r.abandoned; s.within += r.answeredWithinSla;
    s.wait += (r.asaSeconds ?? 0) * r.answered;
    by.set(r.start, s);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function draw(id, config) {
  charts[id]?.destroy();
  charts[id] = new window.Chart($(id), config);
}

function render(rows) {
  const intervals = perInterval(rows);
  const labels = intervals.map(([start]) => start.slice(11, 16));
  const series = (f) => intervals.map(([, s]) => f(s));
  draw('volume-chart', {
    type: 'bar',
    data: { labels, datasets: [
      { label: t('reports.offered'), data: series((s) => s.offered), backgroundColor: '#0b5cab' },
      { label: t('reports.answered'), data: series((s) => s.answered), backgroundColor: '#1b7f3b' },
      { label: t('reports.abandoned'), data: series((s) => s.abandoned), backgroundColor: '#b3261e' },
    ] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { title: { display: true, text: t('reports.volumeChart') } } },
  });
  draw('service-chart', {
    type: 'line',
    data: { labels, datasets: [
      { label: t('reports.sl'), data: series((s) => (s.answered + s.abandoned ? (100 * s.within) / (s.answered + s.abandoned) : null)), yAxisID: 'pct', borderColor: '#0b5cab' },
      { label: t('reports.asa'), data: series((s) => (s.answered ? s.wait / s.answered : null)), yAxisID: 'sec', borderColor: '#b25e00' },
    ] },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { title: { display: true, text: t('reports.serviceChart') } },
      scales: { pct: { position: 'left', min: 0, max: 100 }, sec: { position: 'right', min: 0, grid: { drawOnChartArea: false } } } },
  });
  $('rows').tBodies[0].replaceChildren(...rows.map((r) => el('tr', { 'data-start': r.start, 'data-key': r.key },
    el('td', {}, `${r.start.slice(0, 10)} ${r.start.slice(11, 16)}`), el('th', { scope: 'row' }, r.key),
    el('td', {}, r.offered), el('td', {}, r.answered), el('td', {}, r.abandoned), el('td', {}, secs(r.averageAbandonSeconds)),
    el('td', {}, pct(r.serviceLevel)), el('td', {}, secs(r.asaSeconds)), el('td', {}, secs(r.ahtSeconds)),
    el('td', {}, secs(r.talkSeconds)), el('td', {}, secs(r.holdSeconds)), el('td', {}, secs(r.wrapSeconds)),
    el('td', {}, pct(r.occupancy)), el('td', {}, r.transfers), el('td', {}, r.callbacks))));
}

$('filters').addEventListener('submit', (e) => { e.preventDefault(); show(); });
document.addEventListener('mvtm:locale', () => show());
await show();
document.body.dataset.ready = 'true';
