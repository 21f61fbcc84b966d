// Music for a customer whose advisor put the call on hold: the soft three-note chime SIP callers hear in the queue,
// played by Web Audio in the page (the relay sends no media while a call is held). body[data-hold-music] says
// whether it is playing.
const NOTES = [523.25, 659.25, 783.99, 0, 659.25, 523.25, 0, 0];
const NOTE_SECONDS = 0.5;

export class HoldMusic {
  async start() {
    if (this.context) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    this.context = new Context();
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
      tone.connect(gain).connect(this.context.destination);
      tone.start(now);
      tone.stop(now + NOTE_SECONDS);
    };
    this.timer = setInterval(play, NOTE_SECONDS * 1000);
    play();
    try { await this.context.resume(); } catch { /* the browser may refuse sound until the customer touches the page */ }
    document.body.dataset.holdMusic = this.context?.state === 'running' ? 'playing' : 'blocked';
  }

  stop() {
    clearInterval(this.timer);
    this.context?.close();
    this.context = null;
    delete document.body.dataset.holdMusic;
  }
}
