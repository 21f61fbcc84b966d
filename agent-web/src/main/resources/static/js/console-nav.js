// Links to the other consoles the signed-in user may open (by role), for the header of every staff console.
import { t } from './i18n.js';

const CONSOLES = [
  { path: '/agent', role: 'AGENT', key: 'nav.agent' },
  { path: '/supervisor', roles: ['SUPERVISOR', 'ADMIN'], key: 'nav.supervisor' },
  { path: '/compliance', role: 'COMPLIANCE', key: 'nav.compliance' },
  { path: '/admin', role: 'ADMIN', key: 'nav.admin' },
];

export function consoleLinks(nav, me) {
  if (!nav) return;
  const mine = CONSOLES.filter((c) => (c.roles ?? [c.role]).some((r) => me.roles.includes(r)));
  nav.replaceChildren(...mine.filter((c) => c.path !== location.pathname).map((c) => {
    const a = document.createElement('a');
    a.href = c.path;
    a.dataset.i18n = c.key;
    a.textContent = t(c.key);
    return a;
  }));
}
