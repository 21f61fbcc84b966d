// One browser call leg: camera/microphone, an RTCPeerConnection to the server's media bridge (ICE-lite,
// DTLS-SRTP), the SDP offer sent through the page's socket, trickled candidates, and quality from getStats().
// A failed connection (this browser's ICE/DTLS, or the server's word that either leg failed) is reported once
// through onFailure and stops the "waiting for media" quality line. A video call also receives the camera of a
// third participant (a colleague in a three-way call) in a tile beside the remote video (CameraTiles).
import { CameraTiles, cameras } from './camera-tiles.js';

// a quality line from best to worst, and how a measure over the fair and poor marks grades it
const GRADES = ['good', 'fair', 'poor'];
const grade = (value, fair, poor) => (value > poor ? 'poor' : value > fair ? 'fair' : 'good');

export class BrowserCall {
  constructor({ video, localVideo, remoteVideo, sendOffer, sendCandidate, onQuality, onFailure }) {
    this.video = video;
    this.localVideo = localVideo;
    this.remoteVideo = remoteVideo;
    this.sendOffer = sendOffer;
    this.sendCandidate = sendCandidate;
    this.onQuality = onQuality ?? (() => {});
    this.onFailure = onFailure ?? (() => {});
    this.failure = null;
    this.stats = { cameras: [], framesDecoded: 0, videoBytesReceived: 0, audioPacketsReceived: 0, audioBytesReceived: 0, audioEnergy: 0, audioConcealedSamples: 0, audioSamplesReceived: 0, audioPacketsDiscarded: 0, audioCodec: '', packetsLost: 0, jitterMs: 0, rttMs: 0, qualityByLoss: 'good', qualityByJitter: 'good' };
    // a hold pauses media on purpose (the relay continues the sequence numbers after it, so it is not loss)
    this.held = false;
    // a new call (also the one a Retry starts after a failure) waits for media until its first sample says otherwise
    this.onQuality('none', this.stats);
    window.mvtmCallStats = this.stats;
  }

  async start() {
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: this.video });
    this.localVideo.srcObject = this.stream;
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.pc = pc;
    this.stream.getTracks().forEach((track) => pc.addTrack(track, this.stream));
    if (this.video) {
      this.tiles = new CameraTiles(this.remoteVideo.closest('.media'), this.remoteVideo.closest('figure').nextSibling);
      this.tiles.addTransceivers(pc);
    }
    pc.addEventListener('track', (e) => {
      if (this.tiles?.onTrack(e)) return;
      if (this.remoteVideo.srcObject !== e.streams[0]) this.remoteVideo.srcObject = e.streams[0];
    });
    pc.addEventListener('icecandidate', (e) => this.sendCandidate(e.candidate ? e.candidate.candidate : ''));
    pc.addEventListener('connectionstatechange', () => { if (pc.connectionState === 'failed') this.fail('local'); });
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.sendOffer(pc.localDescription.sdp);
    this.timer = setInterval(() => this.sample(), 1000);
  }

  async answer(sdp) {
    await this.pc?.setRemoteDescription({ type: 'answer', sdp });
  }

  // side: 'local' (this browser saw it) or the party whose leg the server reports failed
  fail(side) {
    if (this.failure || !this.pc) return;
    this.failure = side;
    this.stats.failed = side;
    this.onFailure(side);
  }

  /** The call is put on hold (no media either way) or resumed. */
  setHeld(held) {
    this.held = held;
  }

  setMuted(muted) {
    this.stream?.getAudioTracks().forEach((t) => { t.enabled = !muted; });
  }

  async sample() {
    if (!this.pc || this.failure) return;
    const report = await this.pc.getStats();
    // the call may have failed or stopped while the browser gathered the numbers: a quality line now would
    // overwrite the failure the page shows, and nothing would put it back (sampling stops at a failure)
    if (!this.pc || this.failure) return;
    let frames = 0; let videoBytes = 0; let audioBytes = 0; let audio = 0; let lost = 0; let received = 0; let jitter = 0; let rtt = 0; let energy = 0; let codec = ''; let concealed = 0; let samples = 0; let discarded = 0;
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') { frames += s.framesDecoded ?? 0; videoBytes += s.bytesReceived ?? 0; }
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        audio += s.packetsReceived ?? 0;
        audioBytes += s.bytesReceived ?? 0;
        jitter = Math.max(jitter, (s.jitter ?? 0) * 1000);
        energy += s.totalAudioEnergy ?? 0; // how loud what arrived was (the end-to-end tests read it)
        // what was played out made up (concealment), of all played, and packets the jitter buffer threw away: when a
        // test hears nothing, these tell a silent payload from audio that arrived and was not played
        concealed += s.concealedSamples ?? 0;
        samples += s.totalSamplesReceived ?? 0;
        discarded += s.packetsDiscarded ?? 0;
        codec = report.get(s.codecId)?.mimeType ?? codec;
      }
      if (s.type === 'inbound-rtp') { lost += s.packetsLost ?? 0; received += s.packetsReceived ?? 0; }
      if (s.type === 'candidate-pair' && s.nominated && s.currentRoundTripTime !== undefined) rtt = s.currentRoundTripTime * 1000;
    });
    this.tiles?.sample(report);
    Object.assign(this.stats, { cameras: cameras(report), framesDecoded: frames, videoBytesReceived: videoBytes, audioPacketsReceived: audio, audioBytesReceived: audioBytes, audioEnergy: energy, audioConcealedSamples: concealed, audioSamplesReceived: samples, audioPacketsDiscarded: discarded, audioCodec: codec, packetsLost: lost, jitterMs: Math.round(jitter), rttMs: Math.round(rtt) });
    const lossRate = received + lost > 0 ? lost / (received + lost) : 0;
    // the line is the worse of what loss and jitter each say; both are published, so a test (or support) can tell
    // a line made poor by loss from one made poor by a loaded machine's jitter
    const byLoss = grade(lossRate, 0.01, 0.05);
    const byJitter = grade(jitter, 30, 60);
    Object.assign(this.stats, { qualityByLoss: byLoss, qualityByJitter: byJitter });
    const level = this.held ? 'held' : received === 0 ? 'none' : GRADES[Math.max(GRADES.indexOf(byLoss), GRADES.indexOf(byJitter))];
    this.onQuality(level, this.stats);
  }

  stop() {
    clearInterval(this.timer);
    this.pc?.close();
    this.stream?.getTracks().forEach((t) => t.stop());
    this.pc = null;
    this.tiles?.remove();
    this.tiles = null;
    this.localVideo.srcObject = null;
    this.remoteVideo.srcObject = null;
  }
}
