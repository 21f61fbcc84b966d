// Music for a customer whose advisor put the call on hold: the soft three-note chime SIP callers hear in the queue
// and on hold, played by Web Audio in the page (the relay sends a held browser nothing). body[data-hold-music] says
// whether it is playing; level() is how loud it is right now (RMS of what goes to the speakers, 0 when stopped).
const NOTES = [523.25, 659.25, 783.99, 0, 659.25, 523.25, 0, 0];
const NOTE_SECONDS = 0.5;

export class HoldMusic {
  async start() {
    if (this.context) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    this.context = new Context();
    this.meter = this.context.createAnalyser();
    this.meter.connect(this.context.destination);
    let next = 0;
    const play = () => {
      const frequency = NOTES[next++ % NOTES.length];
      if (!frequency || !this.context) return;
      const now = this.context.currentTime;
      const tone = this.context.createOscillator();
      const gain = this.context.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.12, now);
      gain.gain.exponentialRampToValueAtTime(0.001, now + NOTE_SECONDS);
      tone.connect(gain).connect(this.meter);
      tone.start(now);
      tone.stop(now + NOTE_SECONDS);
    };
    this.timer = setInterval(play, NOTE_SECONDS * 1000);
    play();
    try { await this.context.resume(); } catch { /* the browser may refuse sound until the customer touches the page */ }
    document.body.dataset.holdMusic = this.context?.state === 'running' ? 'playing' : 'blocked';
  }

  level() {
    if (!this.meter) return 0;
    const samples = new Float32Array(this.meter.fftSize);
    this.meter.getFloatTimeDomainData(samples);
    return Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
  }

  stop() {
    clearInterval(this.timer);
    this.context?.close();
    this.context = null;
    this.meter = null;
    delete document.body.dataset.holdMusic;
  }
}
