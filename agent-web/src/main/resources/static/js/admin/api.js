// Calls to /api/admin with the CSRF token. A refused change throws ApiError carrying the API's field errors
// ({"field": ..., "message": ..., "errors": [...]}) or the knowledge base's row-numbered problems.
import { csrfToken } from '../http.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `${status}`);
    this.status = status;
    this.body = body ?? {};
  }

  /** Every bad field: the API's `errors`, or its single `field`/`message`. */
  get fieldErrors() {
    if (Array.isArray(this.body.errors)) return this.body.errors;
    return this.body.field ? [{ field: this.body.field, message: this.body.message }] : [];
  }
}

export async function call(method, url, body, contentType = 'application/json') {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  const response = await fetch(url, { method, credentials: 'same-origin', headers, body: payload });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const api = {
  get: (url) => call('GET', url),
  post: (url, body) => call('POST', url, body ?? {}),
  put: (url, body) => call('PUT', url, body),
  del: (url) => call('DELETE', url),
};

/** "a, b ,c" -> ["a","b","c"] */
export const list = (text) => String(text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A number input's value, or undefined when empty (the API keeps or defaults absent fields). */
export const number = (input) => (input.value === '' ? undefined : Number(input.value));
