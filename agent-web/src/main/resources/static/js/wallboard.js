// A wall screen: one tile per queue, now (waiting, longest wait) and today so far (UTC), refreshed every 5 seconds.
// The live numbers do not need the database: when today's cannot be read, the tiles show them with a dash for today's
// and the page says why.
import { locale, t } from './i18n.js';
import { el, getJson } from './http.js';
import { $, startPage } from './page-bootstrap.js';
import { mmss } from './time-format.js';

await startPage({ who: null });
const pct = (x) => (x == null ? '—' : `${Math.round(x * 100)}%`);
let last;

function row(key, value, warn = false) {
  return [el('dt', {}, t(key)), el('dd', { class: warn ? 'warn' : '' }, value)];
}

function render(b) {
  last = b;
  $('clock').textContent = new Date(b.at).toLocaleTimeString(locale());
  const noToday = b.todayUnavailable ?? null;
  $('message').hidden = noToday === null;
  $('message').textContent = noToday === null ? '' : t(`wallboard.noToday.${noToday}`);
  const count = (x) => (noToday === null ? x ?? 0 : '—');
  $('tiles').replaceChildren(...b.queues.map((q) => {
    const d = q.today ?? {};
    return el('section', { class: 'card tile', 'data-queue': q.queue }, el('h2', {}, q.name), el('dl', {},
      ...row('wallboard.waiting', q.waiting, q.waiting > 0 && q.longestWaitSeconds > q.answerWithinSeconds),
      ...row('wallboard.longest', mmss(q.longestWaitSeconds), q.longestWaitSeconds > q.answerWithinSeconds),
      ...row('wallboard.sl', `${pct(d.serviceLevel)} / ${pct(q.serviceLevelTarget)}`, d.serviceLevel != null && d.serviceLevel < q.serviceLevelTarget),
      ...row('reports.offered', count(d.offered)), ...row('reports.answered', count(d.answered)),
      ...row('reports.abandoned', count(d.abandoned)), ...row('reports.asa', mmss(d.asaSeconds)),
      ...row('reports.aht', mmss(d.ahtSeconds))));
  }));
}

async function refresh() {
  try {
    render(await getJson('/api/reports/wallboard'));
  } catch (e) {
    $('clock').textContent = e.message;
  }
}

document.addEventListener('mvtm:locale', () => { if (last) render(last); });
await refresh();
setInterval(refresh, 5000);
document.body.dataset.ready = 'true';
