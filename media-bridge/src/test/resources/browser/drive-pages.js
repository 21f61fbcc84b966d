// Opens one Chromium page per "leg:party[:option]" argument on the test signalling server and prints, as one JSON
// line per poll, each page's inbound media stats, until every page meets the goal or the deadline passes.
// Usage: node drive-pages.js <baseUrl> <seconds> <goal: av|audio|none> leg:party[:munge] ...
const path = require('path');
const { launch } = require(path.join(process.env.MVTM_PROJECT_DIR, 'tools/browser/launch.js'));

function met(goal, s) {
  if (goal === 'av') return s.framesDecoded > 0 && s.audioPackets > 0 && s.audioEnergy > 0;
  if (goal === 'audio') return s.audioPackets > 0 && s.audioEnergy > 0;
  return false;
}

(async () => {
  const [base, seconds, goal, ...legs] = process.argv.slice(2);
  const { context, close } = await launch(['--autoplay-policy=no-user-gesture-required']);
  const deadline = Date.now() + Number(seconds) * 1000;
  let exitCode = 1;
  try {
    const pages = [];
    for (const spec of legs) {
      const [leg, party, option] = spec.split(':');
      const page = await context.newPage();
      page.on('console', m => console.error(`[${leg}] ${m.text()}`));
      let url = `${base}/call.html?leg=${leg}&party=${party}`;
      if (option) url += `&munge=${option}`;
      await page.goto(url);
      pages.push({ leg, page });
    }
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
