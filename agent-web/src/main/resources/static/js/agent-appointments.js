// The advisor's booked video appointments of the day, and a form to publish availability for bookings
// (/api/agent/appointments). Its own card at the end of the console; agent.js only loads it. A booking of one of
// the advisor's slots is pushed to the console (type appointment, status BOOKED) and refreshes the list.
import { t, apply, locale } from './i18n.js';
import { el, getJson, post } from './http.js';
import { desk } from './agent.js';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const list = el('tbody');
const note = el('p', { class: 'small', role: 'status', 'aria-live': 'polite' });
const starts = el('input', { id: 'availability-start', type: 'datetime-local', required: true });
const hours = el('input', { id: 'availability-hours', type: 'number', min: '0.5', max: '12', step: '0.5', value: '1', required: true });
const queue = el('input', { id: 'availability-queue', required: true, maxlength: '64', value: 'wealth' });
const card = el('section', { id: 'appointments', class: 'card', 'aria-labelledby': 'appointments-title' },
  el('h2', { id: 'appointments-title', 'data-i18n': 'appointments.title' }),
  el('table', { id: 'appointments-today' },
    el('thead', {}, el('tr', {},
      el('th', { 'data-i18n': 'appointments.time' }),
      el('th', { 'data-i18n': 'agent.customer' }),
      el('th', { 'data-i18n': 'agent.queue' }))),
    list),
  el('form', { id: 'availability-form', class: 'inline', onsubmit: publish },
    el('label', { for: 'availability-start', 'data-i18n': 'appointments.from' }), starts,
    el('label', { for: 'availability-hours', 'data-i18n': 'appointments.hours' }), hours,
    el('label', { for: 'availability-queue', 'data-i18n': 'agent.queue' }), queue,
    el('button', { type: 'submit', 'data-i18n': 'appointments.publish' })),
  note);
document.querySelector('main').append(card);
apply(card);

let appointments = [];

function time(iso) {
  return new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', timeZone: zone });
}

function render() {
  list.replaceChildren(...(appointments.length === 0
    ? [el('tr', {}, el('td', { colspan: '3' }, t('appointments.none')))]
    : appointments.map((a) => el('tr', { 'data-appointment': a.id },
      el('td', {}, `${time(a.startsAt)}–${time(a.endsAt)}`), el('td', {}, a.customer), el('td', {}, a.queue)))));
}

async function load() {
  try {
    appointments = await getJson(`/api/agent/appointments?zone=${encodeURIComponent(zone)}`);
    render();
  } catch (e) {
    note.textContent = t('appointments.failed');
  }
}

async function publish(event) {
  event.preventDefault();
  const from = new Date(starts.value);
  const until = new Date(from.getTime() + Number(hours.value) * 3600_000);
  try {
    await post('/api/agent/appointments/availability',
      { queue: queue.value, startsAt: from.toISOString(), endsAt: until.toISOString(), slotMinutes: 30 });
    note.textContent = t('appointments.published');
  } catch (e) {
    note.textContent = `${t('appointments.refused')} ${e.message}`;
  }
}

document.addEventListener('mvtm:locale', () => { apply(card); render(); });
// a customer booked one of this advisor's slots: the server pushes the confirmation to the console
desk.on('appointment', (m) => {
  if (m.status !== 'BOOKED') return;
  const a = m.appointment;
  note.textContent = t('appointments.newBooking', { customer: a.customer, day: new Date(a.startsAt).toLocaleDateString(locale(), { timeZone: zone }), time: time(a.startsAt) });
  load();
});
await load();
setInterval(load, 60_000);
