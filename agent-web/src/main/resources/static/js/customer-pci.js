// The customer page's PCI pause button: shown while an advisor is connected, it pauses the recording while the
// customer gives their card details (the same endpoint a bank's app calls).
import { t } from './i18n.js';
import { pciPauseButton } from './pci-pause.js';

const hangup = document.getElementById('hangup');
const refresh = pciPauseButton({
  container: hangup.parentElement,
  before: hangup,
  url: () => {
    const id = sessionStorage.getItem('mvtm.conversation');
    return document.body.dataset.status === 'CONNECTED' && id ? `/api/customer/conversations/${encodeURIComponent(id)}/pci-pause` : null;
  },
  pausedLine: () => t('pci.customerPaused'),
});
new MutationObserver(refresh).observe(document.body, { attributes: true, attributeFilter: ['data-status'] });
