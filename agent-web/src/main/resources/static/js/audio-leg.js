// One audio-only browser leg through the server's relay, besides the console's main call: the supervisor's monitoring
// leg and a colleague's leg in a three-way call. start(sendOffer) opens the microphone, sends the offer through
// sendOffer (which answers the relay's SDP answer: ICE-lite, no trickle), plays what arrives in `audio` and keeps
// `stats` (audio packets and totalAudioEnergy received, also read by the browser tests); stop() closes it all.
import { csrfToken } from './http.js';

export class AudioLeg {
  constructor(audio) {
    this.audio = audio;
    this.stats = { audioPacketsReceived: 0, audioEnergy: 0 };
  }

  async start(sendOffer) {
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    this.pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.stream.getTracks().forEach((track) => this.pc.addTrack(track, this.stream));
    this.pc.addEventListener('track', (e) => { this.audio.srcObject = new MediaStream([e.track]); });
    try {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      const answer = await sendOffer(this.pc.localDescription.sdp);
      await this.pc.setRemoteDescription({ type: 'answer', sdp: answer });
    } catch (e) {
      this.stop();
      throw e;
    }
    this.timer = setInterval(() => this.sample(), 500);
  }

  async sample() {
    if (!this.pc) return;
    (await this.pc.getStats()).forEach((s) => {
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
  }
}

// a JSON request with the CSRF token; the parsed answer ({} for 204), or an Error with the server's message
export async function requestJson(method, url, body) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.message ?? `${response.status}`);
  return answer;
}
