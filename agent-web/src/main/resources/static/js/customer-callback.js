// "Call me back instead": a waiting customer leaves the queue screen and keeps their place; the advisor who takes
// the callback calls them back on this page (or the bank's app is notified through the server's webhook).
import { t, apply } from './i18n.js';
import { el, post } from './http.js';

const status = document.getElementById('status');
const ask = el('button', { type: 'button', id: 'ask-callback', hidden: true, 'data-i18n': 'callback.ask' });
document.querySelector('#conversation .actions').append(ask);
apply(ask);

function follow() {
  ask.hidden = document.body.dataset.status !== 'QUEUED';
}
new MutationObserver(follow).observe(document.body, { attributes: true, attributeFilter: ['data-status'] });
follow();

ask.addEventListener('click', async () => {
  const conversation = sessionStorage.getItem('mvtm.conversation');
  try {
    await post(`/api/customer/conversations/${encodeURIComponent(conversation)}/callback`, {});
  } catch (e) {
    status.textContent = t('callback.failed');
  }
});

document.addEventListener('mvtm:message', ({ detail: m }) => {
  if (m.type !== 'callback') return;
  if (m.status === 'REQUESTED') {
    status.textContent = t('callback.requested');
    ask.disabled = true;
  }
  if (m.status === 'CALLING') status.textContent = t('callback.calling', { name: m.advisorName });
});
document.addEventListener('mvtm:locale', () => apply(ask));
