// The advisor console's PCI pause button, in the call controls of the interaction shown (its id is the call
// section's data-interaction, set by agent.js).
import { t } from './i18n.js';
import { pciPauseButton, reasonText } from './pci-pause.js';

const call = document.getElementById('call');
const refresh = pciPauseButton({
  container: call.querySelector('.actions'),
  before: document.getElementById('hangup'),
  reasons: true,
  url: () => (!call.hidden && call.dataset.interaction ? `/api/agent/interactions/${encodeURIComponent(call.dataset.interaction)}/pci-pause` : null),
  pausedLine: (s) => t('pci.paused', { by: s.party === 'CUSTOMER' ? t('agent.customer') : s.by, reason: reasonText(s.reason) }),
});
new MutationObserver(refresh).observe(call, { attributes: true, attributeFilter: ['hidden', 'data-interaction'] });
