// Shared browser launchers for the browser tests, a fresh profile (cookies, storage) per launch:
//   launch()        Debian's chromium, fake camera/microphone, ICE on loopback (Chrome DevTools Protocol); every
//                   launch with the same arguments is a new browser context in one Chromium process of the script,
//                   which starts with the first and exits with the last (a Chromium per user cost seconds each);
//   launchFirefox() Debian's firefox-esr, fake camera/microphone, its own ICE defaults (mDNS host candidates, no
//                   loopback), driven over WebDriver BiDi by playwright-core's "moz-firefox" channel, which works
//                   with a stock Firefox (the Juggler protocol of plain `firefox.launch` needs Playwright's patched
//                   build, which cannot be downloaded here).
// Both return { context, close }. Usage: const { launch, launchFirefox } = require('<repo>/tools/browser/launch.js');
const { chromium, firefox } = require('playwright-core');
const fs = require('fs');

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox',
  '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-gpu', '--disable-quic',
  // keep ICE host candidates on 127.0.0.1 instead of mDNS names
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

// the script's running Chromium processes by their extra arguments: { browser (a promise), contexts (how many open) }
const chromiums = new Map();

async function launch(extraArgs = []) {
  const key = JSON.stringify(extraArgs);
  let shared = chromiums.get(key);
  if (!shared) {
    shared = {
      contexts: 0,
      browser: chromium.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        ignoreDefaultArgs: ['--headless'],
        args: [...CHROMIUM_ARGS, ...extraArgs],
      }),
    };
    chromiums.set(key, shared);
  }
  shared.contexts++;
  let context;
  try {
    context = await (await shared.browser).newContext();
  } catch (e) {
    await release(key, shared);
    throw e;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    await release(key, shared);
  };
  return { context, close };
}

async function release(key, shared) {
  if (--shared.contexts > 0) return;
  if (chromiums.get(key) === shared) chromiums.delete(key);
  await (await shared.browser.catch(() => null))?.close().catch(() => {});
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
