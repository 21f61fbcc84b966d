// Calls whose media was on a node that died. The page's socket closes with that node and reconnects (through the
// load balancer) to a surviving one; the media relay of the dead node is gone too, so the call would stay silent.
// After every reconnect (not the first connect) each call is watched for a moment: a call that no longer receives
// anything (or whose connection failed) is started again, a fresh offer with new ICE credentials and DTLS to the
// survivor, which takes the call over and answers from its own relay. A call still receiving (the socket dropped but
// the relay lives) or on hold is left alone. Used by customer.js and agent.js:
//   const rehome = new MediaRehome({ calls: () => [[key, call], ...], restart: (key, call) => ... });
//   socket onOpen: rehome.opened();
const WATCH_MS = 1500;

async function received(call) {
  if (!call?.pc) return -1;
  let bytes = 0;
  (await call.pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp') bytes += s.bytesReceived ?? 0; });
  return bytes;
}

export class MediaRehome {
  constructor({ calls, restart }) {
    this.calls = calls;
    this.restart = restart;
    this.connects = 0;
    window.mvtmMediaRehomes = 0; // the cluster test reads how many calls were started again
  }

  opened() {
    this.connects += 1;
    if (this.connects > 1) this.check();
  }

  async check() {
    const watched = await Promise.all(this.calls().filter(([, call]) => call && !call.held)
      .map(async ([key, call]) => ({ key, call, bytes: await received(call) })));
    if (watched.length === 0) return;
    await new Promise((resolve) => { setTimeout(resolve, WATCH_MS); });
    const current = new Map(this.calls());
    for (const { key, call, bytes } of watched) {
      if (current.get(key) !== call) continue; // ended or started again meanwhile
      if (call.failure || call.pc?.connectionState === 'failed' || await received(call) <= bytes) {
        window.mvtmMediaRehomes += 1;
        this.restart(key, call);
      }
    }
  }
}
