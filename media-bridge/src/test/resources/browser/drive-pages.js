// Opens one Chromium page per "leg:party[:option]" argument on the test signalling server and prints, as one JSON
// line per poll, each page's inbound media stats, until every page meets the goal or the deadline passes.
// Usage: node drive-pages.js <baseUrl> <seconds> <goal: av|audio|none> leg:party[:munge][:firefox] ...
// A leg whose spec ends in ":firefox" runs in Firefox ESR, the others in one Chromium.
const path = require('path');
const { launch, launchFirefox } = require(path.join(process.env.MVTM_PROJECT_DIR, 'tools/browser/launch.js'));

function met(goal, s) {
  if (goal === 'av') return s.framesDecoded > 0 && s.audioPackets > 0 && s.audioEnergy > 0;
  if (goal === 'audio') return s.audioPackets > 0 && s.audioEnergy > 0;
  return false;
}

(async () => {
  const [base, seconds, goal, ...legs] = process.argv.slice(2);
  const browsers = {};
  const chromium = async () => {
    if (!browsers.chromium) browsers.chromium = await launch(['--autoplay-policy=no-user-gesture-required']);
    return browsers.chromium;
  };
  const close = async () => {
    for (const b of [browsers.chromium, browsers.firefox]) if (b) await b.close().catch(() => {});
  };
  let deadline = Infinity;
  let exitCode = 1;
  try {
    const pages = [];
    for (const spec of legs) {
      const parts = spec.split(':');
      const inFirefox = parts[parts.length - 1] === 'firefox';
      if (inFirefox) parts.pop();
      const [leg, party, option] = parts;
      if (inFirefox && !browsers.firefox) browsers.firefox = await launchFirefox();
      const { context } = inFirefox ? browsers.firefox : await chromium();
      const page = await context.newPage();
      page.on('console', m => console.error(`[${leg}] ${m.text()}`));
      let url = `${base}/call.html?leg=${leg}&party=${party}`;
      if (option) url += `&munge=${option}`;
      await page.goto(url);
      pages.push({ leg, page });
    }
    // the deadline counts from the moment every page is open (a browser takes a while to start on a busy host)
    deadline = Date.now() + Number(seconds) * 1000;
    while (Date.now() < deadline) {
      const report = {};
      let all = true;
      for (const { leg, page } of pages) {
        const state = await page.evaluate(() => window.state);
        const stats = await page.evaluate(() => window.collect());
        report[leg] = { ...stats, error: state.error, ready: state.ready };
        if (!met(goal, stats)) all = false;
      }
      console.log(JSON.stringify(report));
      if (all) {
        exitCode = 0;
        // keep the call up a little longer so the other side receives plenty too
        await new Promise(r => setTimeout(r, Number(process.env.LINGER_MS || 0)));
        break;
      }
      await new Promise(r => setTimeout(r, 500));
    }
    if (goal === 'none') exitCode = 0;
  } finally {
    await close();
  }
  process.exit(exitCode);
})().catch(e => { console.error(e); process.exit(2); });
