// Plays a WebM in a <video> element: waits for metadata, plays, seeks to the middle and reports what Chromium saw.
// Usage: node play.js <projectDir> <pageUrl> <mediaUrl>   -> prints one JSON line
const path = require('path');
const [projectDir, url, mediaUrl] = process.argv.slice(2);
const { launch } = require(path.join(projectDir, 'tools/browser/launch.js'));

(async () => {
  const { context, close } = await launch(['--autoplay-policy=no-user-gesture-required']);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const result = await page.evaluate(async (src) => {
      const v = document.createElement('video');
      v.muted = true;
      document.body.appendChild(v);
      const once = (ev) => new Promise((res, rej) => {
        v.addEventListener(ev, () => res(), { once: true });
        v.addEventListener('error', () => rej(new Error('media error ' + (v.error && v.error.code) + ' '
          + (v.error && v.error.message))), { once: true });
      });
      const meta = once('loadedmetadata');
      v.src = src;
      await meta;
      const out = { duration: v.duration, width: v.videoWidth, height: v.videoHeight };
      let frames = 0;
      const countFrames = () => v.requestVideoFrameCallback(() => { frames++; countFrames(); });
      countFrames();
      // wait for decoded frames rather than a fixed time (slow CI machines decode slowly)
      const until = async (cond, ms) => {
        const end = Date.now() + ms;
        while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      };
      await v.play();
      await until(() => frames >= 10, 15000);
      out.framesWhilePlaying = frames;
      v.pause();
      const target = v.duration / 2;
      const seeked = once('seeked');
      v.currentTime = target;
      await seeked;
      out.seekTarget = target;
      out.currentTimeAfterSeek = v.currentTime;
      const framesBefore = frames;
      await v.play();
      await until(() => frames - framesBefore >= 5 && v.currentTime > target + 0.1, 15000);
      v.pause();
      out.framesAfterSeek = frames - framesBefore;
      out.timeAfterSeekPlayback = v.currentTime;
      out.quality = v.getVideoPlaybackQuality().totalVideoFrames;
      return out;
    }, mediaUrl);
    console.log(JSON.stringify(result));
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
