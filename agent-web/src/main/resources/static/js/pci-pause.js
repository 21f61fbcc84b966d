// PCI pause, shared by the advisor console (agent-pci.js) and the customer page (customer-pci.js): a button that
// pauses the recording while card details are spoken or typed and resumes it, and a line saying who paused and why.
// The server keeps the state (either side may have paused): it is read again every few seconds while shown.
import { known, t } from './i18n.js';
import { getJson, post } from './http.js';

const REASONS = { 'card details spoken': 'pci.reason.spoken', 'card details typed': 'pci.reason.typed', 'card details': 'pci.reason.card' };

export function reasonText(reason) {
  const key = REASONS[reason];
  return key && known(key) ? t(key) : reason;
}

/**
 * Adds the button (and, with reasons, a select of reasons) before `before` in `container`.
 * url() is the endpoint of the interaction shown now, or null when none is; the button shows only then.
 */
export function pciPauseButton({ container, before, url, reasons = false, pausedLine }) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'pci-pause';
  button.setAttribute('aria-pressed', 'false');
  button.hidden = true;
  let select = null;
  if (reasons) {
    select = document.createElement('select');
    select.id = 'pci-reason';
    select.hidden = true;
    select.replaceChildren(...['card details spoken', 'card details typed'].map((r) => {
      const o = document.createElement('option');
      o.value = r;
      return o;
    }));
    container.insertBefore(select, before);
  }
  container.insertBefore(button, before);
  const line = document.createElement('p');
  line.id = 'pci-status';
  line.className = 'status';
  line.setAttribute('role', 'status');
  line.hidden = true;
  container.after(line);

  let shown = { paused: false };
  const render = () => {
    button.textContent = t(shown.paused ? 'pci.resume' : 'pci.pause');
    button.setAttribute('aria-pressed', String(shown.paused));
    if (select) select.querySelectorAll('option').forEach((o) => { o.textContent = reasonText(o.value); });
    line.hidden = !shown.paused;
    line.textContent = shown.paused ? pausedLine(shown) : '';
    document.body.dataset.pciPaused = String(shown.paused);
  };
  const refresh = async () => {
    const u = url();
    button.hidden = !u;
    if (select) select.hidden = !u;
    if (!u) { shown = { paused: false }; render(); return; }
    try { shown = await getJson(u); } catch { /* the interaction ended meanwhile */ }
    render();
  };
  button.addEventListener('click', async () => {
    const u = url();
    if (!u) return;
    const body = { paused: !shown.paused };
    if (select && !shown.paused) body.reason = select.value;
    shown = await (await post(u, body)).json();
    render();
  });
  document.addEventListener('mvtm:locale', render);
  setInterval(refresh, 3000);
  return refresh;
}
