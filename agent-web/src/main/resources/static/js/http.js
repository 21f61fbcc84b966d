// Same-origin fetch with the CSRF token from the XSRF-TOKEN cookie.
import { known, t } from './i18n.js';

export function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.split('=')[1]) : '';
}

/**
 * From now on every request of this page to its own server says whom the page was opened for. When someone else
 * has signed in in this browser since (another tab of a shared desk: the session cookie is the browser's), the server
 * refuses the request before doing anything (409 with X-Mvtm-Signed-In-User) and the tab goes to the console of
 * whoever is signed in now, so that a tab showing one user never acts as another. Once per page (startPage calls it).
 */
export function followSignedInUser(username) {
  if (window.fetch.pageUser !== undefined) return;
  const plain = window.fetch.bind(window);
  const following = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin) return plain(input, init);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set('X-Mvtm-Page-User', encodeURIComponent(username));
    const response = await plain(input, { ...init, headers });
    // the root sends whoever is signed in now to their own console (this page may be one they cannot open)
    if (response.status === 409 && response.headers.has('X-Mvtm-Signed-In-User')) location.assign('/');
    return response;
  };
  following.pageUser = username;
  window.fetch = following;
}

export async function getJson(url, headers = {}) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } });
  if (!response.ok) {
    throw new Error(await errorText(response));
  }
  return response.json();
}

/**
 * A request with the session cookie and the CSRF token, `body` sent as JSON (no body when undefined); `headers` add to
 * or override the JSON and CSRF ones. The fetch Response: each caller reads an answer or a refusal its own way.
 */
export function sendJson(method, url, body, headers = {}) {
  return fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function post(url, body, headers = {}) {
  const response = await sendJson('POST', url, body ?? {}, headers);
  if (!response.ok) {
    throw new Error(await errorText(response));
  }
  return response;
}

/**
 * The words of a refusal's JSON body for the user: those of its code in the page's language when the bundles have
 * them (`error.<code>`, e.g. error.DATABASE_UNAVAILABLE), else the server's own message (English), else `fallback`.
 */
export function refusalWords(body, fallback) {
  const code = body?.error;
  if (code && known(`error.${code}`)) return t(`error.${code}`);
  return body?.message ?? code ?? fallback;
}

async function errorText(response) {
  try {
    const body = await response.json();
    return `${response.status}: ${refusalWords(body, response.statusText)}`;
  } catch {
    return `${response.status}: ${response.statusText}`;
  }
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
