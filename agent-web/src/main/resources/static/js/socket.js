// A WebSocket that reconnects with exponential backoff (0.5 s doubling to 15 s, with jitter) after a network
// drop or a server restart. onOpen runs after every (re)connect so the page can say hello and restore its state.
// query (optional, async) gives a query string for each handshake, e.g. a fresh access_token.
// The server closes the socket with 4409 once another user signs in in this browser (a shared desk) or this one signs
// out (in any tab): the tab then goes to / (the console of whoever is signed in now, or the sign-in page) as soon
// as the browser holds the session cookie of whoever signed in.
export class ReconnectingSocket {
  constructor(path, { onMessage, onOpen, onStatus, query }) {
    this.query = query;
    this.url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
    this.onMessage = onMessage;
    this.onOpen = onOpen;
    this.onStatus = onStatus ?? (() => {});
    this.delay = 500;
    this.closed = false;
    // a page on its way elsewhere (Sign out posted, a link followed) lets that navigation win
    window.addEventListener('beforeunload', () => { this.leaving = true; });
    this.connect();
  }

  async connect() {
    this.onStatus('connecting');
    let url = this.url;
    if (this.query) {
      try { const q = await this.query(); if (q) url += `?${q}`; } catch { /* server down: the handshake fails and retries */ }
    }
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.addEventListener('open', () => {
      this.delay = 500;
      this.onStatus('online');
      this.onOpen?.();
    });
    ws.addEventListener('message', (e) => {
      let message;
      try { message = JSON.parse(e.data); } catch { return; }
      this.onMessage(message);
    });
    ws.addEventListener('close', (e) => {
      if (this.closed) return;
      this.onStatus('offline');
      if (this.leaving && (e.code === 4409 || e.code === 1008 || e.code === 4401)) return;
      if (e.code === 4409 && e.reason === 'SIGNED_IN_USER_CHANGED') { this.followWhoeverSignedIn(); return; }
      if (e.code === 4409) { location.assign('/'); return; }
      if (e.code === 1008 || e.code === 4401) { location.href = '/login'; return; }
      const wait = this.delay * (0.75 + Math.random() * 0.5);
      this.delay = Math.min(this.delay * 2, 15000);
      setTimeout(() => this.reconnectAfterCheck(), wait);
    });
  }

  // Someone else signed in in another tab. The close can reach this tab before the answer to that sign-in has given
  // the browser the new session cookie: / asked for with the old one would lead to the sign-in page. Wait (at most
  // 3 s) until the server answers for someone (200, or 409: another user than this page's), then go to / (their
  // console).
  async followWhoeverSignedIn() {
    for (let waited = 0; waited < 3000; waited += 250) {
      try {
        const me = await fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (me.ok || me.status === 409) break;
      } catch { /* not answered: ask again */ }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    location.assign('/');
  }

  // a refused handshake (session expired after a restart) looks like a close: check the session first
  async reconnectAfterCheck() {
    try {
      const me = await fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (me.status === 401) { location.href = '/login'; return; }
    } catch { /* server still down: try the socket anyway */ }
    this.connect();
  }

  send(message) {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  close() {
    this.closed = true;
    this.ws?.close();
  }
}
