// Records ~durationMs of VP8+Opus WebM from Chromium's fake camera/microphone with MediaRecorder and writes it to
// outFile. Usage: node record.js <projectDir> <pageUrl> <outFile> <durationMs>
const fs = require('fs');
const path = require('path');
const [projectDir, url, outFile, durationMs] = process.argv.slice(2);
const { launch } = require(path.join(projectDir, 'tools/browser/launch.js'));

(async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    const b64 = await page.evaluate(async (ms) => {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { width: 320, height: 240, frameRate: 30 }, audio: true });
      const rec = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8,opus', videoBitsPerSecond: 400000 });
      const chunks = [];
      rec.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
      const stopped = new Promise((r) => { rec.onstop = r; });
      rec.start(250);
      await new Promise((r) => setTimeout(r, ms));
      rec.stop();
      await stopped;
      stream.getTracks().forEach((t) => t.stop());
      const buf = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let s = '';
      for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
      return btoa(s);
    }, Number(durationMs));
    fs.writeFileSync(outFile, Buffer.from(b64, 'base64'));
    console.log('RECORDED ' + fs.statSync(outFile).size);
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
