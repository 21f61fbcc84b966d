// Admin console: users, advisors, queues, VIP tiers, the FAQ knowledge base and the audit log, one section at a time.
// Each section's script is in js/admin/; this file signs the page in and switches sections.
import { $, startPage } from './page-bootstrap.js';
import { loadCatalog } from './admin/catalog.js';
import { refused } from './admin/feedback.js';
import { showUsers } from './admin/users.js';
import { showAdvisors } from './admin/advisors.js';
import { showQueues } from './admin/queues.js';
import { showTiers } from './admin/tiers.js';
import { showKnowledgeBase } from './admin/knowledge-base.js';
import { showAudit } from './admin/audit.js';

await startPage();

const SECTIONS = {
  users: showUsers,
  advisors: () => showAdvisors(),
  queues: showQueues,
  tiers: showTiers,
  kb: showKnowledgeBase,
  audit: showAudit,
};

async function open(name) {
  const section = SECTIONS[name] ? name : 'users';
  document.querySelectorAll('main > section').forEach((s) => { s.hidden = s.id !== section; });
  document.querySelectorAll('#sections button').forEach((b) => b.setAttribute('aria-current', String(b.dataset.section === section)));
  $('message').hidden = true;
  $('done').hidden = true;
  document.body.dataset.section = section;
  try { await SECTIONS[section](); } catch (err) { refused(null, err); }
  document.body.dataset.loaded = section;
}

document.querySelectorAll('#sections button').forEach((b) => b.addEventListener('click', () => {
  history.replaceState(null, '', `#${b.dataset.section}`);
  open(b.dataset.section);
}));
// labels drawn from code (skills, tiers, states) follow a change of interface language
document.addEventListener('mvtm:locale', () => open(document.body.dataset.section));

// without the catalogue (the database does not answer) the page still opens and says why
try { await loadCatalog(); } catch (err) { refused(null, err); }
await open(location.hash.slice(1));
document.body.dataset.ready = 'true';
