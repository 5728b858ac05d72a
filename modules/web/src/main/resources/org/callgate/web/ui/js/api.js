// The JSON API: one fetch wrapper that sends the CSRF token on writes and turns the one error
// shape ({status,type,message,details}) into an ApiError.

const PREFIX = '/api/v1';
let csrf = sessionStorage.getItem('callgate.csrf') || '';

export class ApiError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details || {};
  }
}

/** The error of a failed response, from its JSON body when it has one. */
export async function errorOf(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(response.status, body.message || response.statusText || 'error', body.details);
}

/** Calls the API; rejects with ApiError; a lost session (401) goes back to the login page. */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrf;
  const response = await fetch(PREFIX + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: 'same-origin',
  });
  if (response.status === 401 && path !== '/session') {
    location.assign('/');
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return null;
  return response.json();
}

/** Logs in; keeps the CSRF token for this tab. */
export async function login(name, password) {
  const session = await api('/session', { method: 'POST', body: { name, password } });
  remember(session);
  return session;
}

/** Who is logged in (and the CSRF token after a reload). */
export async function currentSession() {
  const session = await api('/session');
  remember(session);
  return session;
}

export async function logout() {
  try {
    await api('/session', { method: 'DELETE' });
  } finally {
    sessionStorage.removeItem('callgate.csrf');
    csrf = '';
  }
}

function remember(session) {
  csrf = session.csrfToken || '';
  sessionStorage.setItem('callgate.csrf', csrf);
}

/** The pages an account may use, in the order of its home page first. */
export function pagesFor(session) {
  const caps = new Set(session.capabilities || []);
  const pages = [];
  if (caps.has('search')) pages.push('agent');
  if (caps.has('banking_recordings') || caps.has('sampled_recordings') || caps.has('holds') || caps.has('audit')) {
    pages.push('compliance');
  }
  if (caps.has('users') || caps.has('configuration_read')) pages.push('admin');
  return pages;
}

export function homeOf(session) {
  const pages = pagesFor(session);
  return pages.length ? `/${pages[0]}.html` : '/';
}
