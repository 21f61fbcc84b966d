// Booking a video meeting with an advisor from their published free times, and joining it at the time
// (/api/customer/appointments; the join is the customer socket's 'appointment' message).
import { t, apply, locale } from './i18n.js';
import { el, getJson, post } from './http.js';

const queue = el('input', { id: 'appointment-queue', value: 'wealth', maxlength: '64' });
const slots = el('div', { id: 'appointment-slots', class: 'choices' });
const mine = el('ul', { id: 'my-appointments' });
const note = el('p', { id: 'appointment-note', role: 'status', 'aria-live': 'polite' });
const card = el('section', { id: 'appointments', 'aria-labelledby': 'appointments-book-title' },
  el('h2', { id: 'appointments-book-title', 'data-i18n': 'appointments.book' }),
  el('label', { for: 'appointment-queue', 'data-i18n': 'agent.queue' }), queue,
  el('button', { type: 'button', id: 'appointment-free', 'data-i18n': 'appointments.freeTimes', onclick: freeTimes }),
  slots, note,
  el('h3', { 'data-i18n': 'appointments.yours' }), mine);
document.querySelector('main').append(card);
apply(card);

const when = (iso) => new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

async function freeTimes() {
  try {
    const free = await getJson(`/api/customer/appointments/slots?queue=${encodeURIComponent(queue.value)}`);
    slots.replaceChildren(...(free.length === 0 ? [el('p', {}, t('appointments.noSlots'))]
      : free.slice(0, 24).map((s) => el('button', { type: 'button', 'data-slot': s, onclick: () => book(s) }, when(s)))));
  } catch (e) {
    note.textContent = `${t('appointments.refused')} ${e.message}`;
  }
}

async function book(startsAt) {
  try {
    const booked = await (await post('/api/customer/appointments', { queue: queue.value, startsAt })).json();
    note.textContent = t('appointments.booked', { time: when(booked.startsAt) });
    slots.replaceChildren();
    await load();
  } catch (e) {
    note.textContent = `${t('appointments.refused')} ${e.message}`;
  }
}

async function load() {
  const list = await getJson('/api/customer/appointments');
  mine.replaceChildren(...list.map((a) => el('li', { 'data-appointment': a.id }, `${when(a.startsAt)} · ${a.queue} `,
    el('button', { type: 'button', 'data-i18n': 'appointments.join',
      onclick: () => window.mvtmSocket?.send({ type: 'appointment', appointmentId: a.id }) }, t('appointments.join')))));
}

document.addEventListener('mvtm:locale', () => apply(card));
// outside opening hours the bot offers the queue's next free meeting times (type appointment-offer): bookable here
document.addEventListener('mvtm:message', (e) => {
  if (e.detail.type !== 'appointment-offer') return;
  queue.value = e.detail.queue;
  slots.replaceChildren(...e.detail.slots.map((s) => el('button', { type: 'button', 'data-slot': s, onclick: () => book(s) }, when(s))));
});
// the server's confirmation of a booking (made here or in the bank's app), pushed over the open connection
document.addEventListener('mvtm:message', (e) => {
  if (e.detail.type !== 'appointment' || e.detail.status !== 'BOOKED') return;
  note.textContent = t('appointments.confirmed', { time: when(e.detail.appointment.startsAt), queue: e.detail.appointment.queue });
  load().catch(() => {});
});
await load().catch(() => {});
