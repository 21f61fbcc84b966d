// The cameras of the others in a three-way video call (issue 16), each in a tile of its own: the page offers the
// relay one receive-only video m-line more than a two-party call needs (EXTRA_CAMERAS, no renegotiation when someone
// joins) and the relay sends every other participant's camera on a video stream of its own (media-bridge
// VideoSlots). A tile shows while its stream decodes frames and goes when they stop for TILE_GONE_MS (the colleague
// left, the call was transferred); a SIP phone in the call sends no video, so it never gets a tile.
// cameras(report) lists each received camera with its decoded frames (read by the browser tests).
import { t } from './i18n.js';

/** Receive-only video m-lines a call page adds to its own: room for one colleague's camera. */
export const EXTRA_CAMERAS = 1;
const TILE_GONE_MS = 2000;

export class CameraTiles {
  // tiles are inserted into `container` before `before` (null: at its end)
  constructor(container, before = null) {
    this.container = container;
    this.before = before;
    this.tiles = [];
  }

  /** Adds EXTRA_CAMERAS receive-only video transceivers to pc, each shown in a tile. */
  addTransceivers(pc) {
    for (let i = 0; i < EXTRA_CAMERAS; i++) this.watch(pc.addTransceiver('video', { direction: 'recvonly' }));
  }

  /** Shows what arrives on this transceiver in a tile of its own. */
  watch(transceiver) {
    const video = document.createElement('video');
    Object.assign(video, { autoplay: true, playsInline: true, muted: true });
    video.setAttribute('aria-label', t('call.participant'));
    video.dataset.i18nAriaLabel = 'call.participant';
    const caption = document.createElement('figcaption');
    caption.dataset.i18n = 'call.participant';
    caption.textContent = t('call.participant');
    const figure = document.createElement('figure');
    figure.className = 'camera-tile';
    figure.hidden = true;
    figure.append(video, caption);
    this.container.insertBefore(figure, this.before);
    this.tiles.push({ transceiver, video, figure, frames: 0, framesAt: 0 });
  }

  /** A track event of the peer connection: true when it was one of the tiles' (the caller ignores it then). */
  onTrack(e) {
    const tile = this.tiles.find((x) => x.transceiver === e.transceiver);
    if (tile) tile.video.srcObject = new MediaStream([e.track]);
    return Boolean(tile);
  }

  /** Shows the tiles whose camera decodes frames, hides those that stopped; from a getStats report. */
  sample(report) {
    const now = performance.now();
    this.tiles.forEach((tile) => {
      const frames = framesOf(report, tile.transceiver);
      if (frames > tile.frames) { tile.frames = frames; tile.framesAt = now; }
      const showing = tile.framesAt > 0 && now - tile.framesAt < TILE_GONE_MS;
      if (tile.figure.hidden === showing) tile.figure.hidden = !showing;
      tile.figure.dataset.showing = String(showing);
    });
  }

  remove() {
    this.tiles.forEach((tile) => { tile.video.srcObject = null; tile.figure.remove(); });
    this.tiles = [];
  }
}

// the frames decoded on a transceiver's receiver (inbound-rtp names its mid, or its track)
function framesOf(report, transceiver) {
  let frames = 0;
  report.forEach((s) => {
    if (s.type === 'inbound-rtp' && s.kind === 'video'
      && (s.mid === transceiver.mid || s.trackIdentifier === transceiver.receiver.track.id)) frames = s.framesDecoded ?? 0;
  });
  return frames;
}

/** Every camera the report receives: { mid, framesDecoded, frameWidth } per video inbound-rtp. */
export function cameras(report) {
  const found = [];
  report.forEach((s) => {
    if (s.type === 'inbound-rtp' && s.kind === 'video') found.push({ mid: s.mid ?? '', framesDecoded: s.framesDecoded ?? 0, frameWidth: s.frameWidth ?? 0 });
  });
  return found;
}
