// Shared browser launchers for the browser tests, a fresh profile per launch:
//   launch()        Debian's chromium, fake camera/microphone, ICE on loopback (Chrome DevTools Protocol);
//   launchFirefox() Debian's firefox-esr, fake camera/microphone, its own ICE defaults (mDNS host candidates, no
//                   loopback), driven over WebDriver BiDi by playwright-core's "moz-firefox" channel, which works
//                   with a stock Firefox (the Juggler protocol of plain `firefox.launch` needs Playwright's patched
//                   build, which cannot be downloaded here).
// Both return { context, close }. Usage: const { launch, launchFirefox } = require('<repo>/tools/browser/launch.js');
const { chromium, firefox } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function launch(extraArgs = []) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvtm-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--headless'],
    args: [
      '--headless=new', '--no-sandbox',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-gpu', '--disable-quic',
      // keep ICE host candidates on 127.0.0.1 instead of mDNS names
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      ...extraArgs,
    ],
  });
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

async function launchFirefox(extraPrefs = {}) {
  const executablePath = process.env.FIREFOX || '/usr/bin/firefox-esr';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install firefox-esr (./test.sh does it)`);
  // what a profile's user.js would say: fake camera and microphone, no permission prompt, no background traffic
  const browser = await firefox.launch({
    channel: 'moz-firefox',
    executablePath,
    headless: true,
    firefoxUserPrefs: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      'media.autoplay.default': 0,
      'media.autoplay.block-webaudio': false,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...extraPrefs,
    },
  });
  const context = await browser.newContext();
  const close = async () => {
    await context.close().catch(() => {});
    await browser.close();
  };
  return { context, close };
}

module.exports = { launch, launchFirefox };
