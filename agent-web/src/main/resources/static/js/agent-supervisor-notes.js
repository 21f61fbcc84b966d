// Private notes from a supervisor reading the advisor's chat (issue 16 item 4): collected every 2 s and shown in the
// advisor console only (the customer never sees them), newest last.
import { apply, t } from './i18n.js';
import { el, getJson } from './http.js';
import { whenPageReady } from './page-bootstrap.js';

const list = el('ol', { id: 'supervisor-notes-list', class: 'transcript small' });
const card = el('section', { class: 'card', id: 'supervisor-notes', 'aria-labelledby': 'supervisor-notes-title', hidden: true },
  el('h2', { id: 'supervisor-notes-title', 'data-i18n': 'notes.title' }, 'From your supervisor'), list);

async function collect() {
  const notes = await getJson('/api/agent/supervisor-notes').catch(() => []);
  if (notes.length === 0) return;
  list.append(...notes.map((n) => el('li', { 'data-interaction': n.interactionId },
    `${t('notes.from', { from: n.from })} ${n.text}`)));
  card.hidden = false;
}

function mount() {
  document.querySelector('main').append(card);
  apply(card);
  setInterval(collect, 2000);
}

whenPageReady(mount);
