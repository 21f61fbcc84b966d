// One more browser leg through the server's relay, besides the console's main call: the supervisor's monitoring
// leg (audio only) and a colleague's leg in a three-way call. The leg is a resource at `url` on the server: start(fields)
// opens the microphone, POSTs the offer there as {...fields, sdp} (answered with the relay's SDP answer: ICE-lite, no
// trickle), plays what arrives in `audio` and keeps `stats` (audio packets and totalAudioEnergy received, also read by
// the browser tests); stop() closes it all in the page, hangUp() also DELETEs it on the server.
// With `tiles` (a CameraTiles: a colleague joining a video call) it also sends the camera and shows the camera of
// each other participant in a tile of its own; stats.cameras then lists the cameras received.
import { sendJson } from './http.js';
import { cameras } from './camera-tiles.js';

export class AudioLeg {
  constructor(url, audio, tiles = null) {
    this.url = url;
    this.audio = audio;
    this.tiles = tiles;
    this.stats = { audioPacketsReceived: 0, audioEnergy: 0, cameras: [] };
  }

  async start(fields = {}) {
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: Boolean(this.tiles) });
    this.pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.stream.getTracks().forEach((track) => {
      const sender = this.pc.addTrack(track, this.stream);
      if (track.kind === 'video') this.tiles.watch(this.pc.getTransceivers().find((x) => x.sender === sender));
    });
    this.tiles?.addTransceivers(this.pc);
    this.pc.addEventListener('track', (e) => {
      if (e.track.kind === 'audio') this.audio.srcObject = new MediaStream([e.track]);
      else this.tiles?.onTrack(e);
    });
    try {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      const { sdp } = await requestJson('POST', this.url, { ...fields, sdp: this.pc.localDescription.sdp });
      await this.pc.setRemoteDescription({ type: 'answer', sdp });
    } catch (e) {
      this.stop();
      throw e;
    }
    this.timer = setInterval(() => this.sample(), 500);
  }

  async sample() {
    if (!this.pc) return;
    const report = await this.pc.getStats();
    if (!this.pc) return; // stopped while the browser gathered the numbers: its tiles are gone
    this.tiles?.sample(report);
    this.stats.cameras = cameras(report);
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        this.stats.audioPacketsReceived = s.packetsReceived ?? 0;
        this.stats.audioEnergy = s.totalAudioEnergy ?? 0;
      }
    });
  }

  stop() {
    clearInterval(this.timer);
    this.pc?.close();
    this.stream?.getTracks().forEach((track) => track.stop());
    this.pc = null;
    this.tiles?.remove();
  }

  // stop(), and the server ends the leg too (a refusal is passed over: the leg is gone in the page either way)
  async hangUp() {
    this.stop();
    await requestJson('DELETE', this.url).catch(() => {});
  }
}

// a JSON request with the CSRF token; the parsed answer ({} for 204), or an Error with the server's message
export async function requestJson(method, url, body) {
  const response = await sendJson(method, url, body || undefined);
  const answer = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.message ?? `${response.status}`);
  return answer;
}
