// The services' public APIs, same origin (an ingress or web-console forwards them), with the user's bearer token.
import { session, signOut } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(method, path, body, { contentType = 'application/json', signal } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${session()?.accessToken}` };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  const response = await fetch(path, { method, headers, body: payload, signal });
  if (response.status === 401) {
    signOut();
    throw new ApiError(401, { detail: 'signed out: the token expired or was refused' });
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function safeJson(text) { try { return JSON.parse(text); } catch { return { detail: text }; } }

export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, body, opts) => api('POST', path, body, opts);
export const put = (path, body, opts) => api('PUT', path, body, opts);

/** Retries a call while it answers one of the given statuses (e.g. a read model that trails by a moment). */
export async function retrying(call, statuses, { attempts = 20, delayMs = 750 } = {}) {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof ApiError) || !statuses.includes(e.status) || i >= attempts) throw e;
      await new Promise(r => setTimeout(r, delayMs));
    }
  }
}

/** Problem details' field errors as {field: [messages]} (e.g. nodes.menu for a flow's node). */
export function fieldErrors(error) {
  const out = {};
  for (const e of error?.problem?.errors || []) (out[e.field || ''] ||= []).push(e.message);
  return out;
}
