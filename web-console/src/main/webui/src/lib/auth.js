// Sign-in. Production: OpenID Connect authorization code with PKCE (oidc-client-ts) against the deployer's
// identity provider; the access token carries the suite's audience and the user's roles in "groups". Dev: a local
// sign-in that web-console offers only with the dev profile on. The session stays in this tab (sessionStorage).
const KEY = 'cc-session';
let listeners = [];

export function session() {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const s = JSON.parse(raw);
  if (s.expiresAt && s.expiresAt < Date.now()) { sessionStorage.removeItem(KEY); return null; }
  return s;
}

export function onSessionChange(fn) { listeners.push(fn); }

function store(s) {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s)); else sessionStorage.removeItem(KEY);
  listeners.forEach(fn => fn(s));
}

/** Claims of a JWT (no verification here: the services verify every call). */
export function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(atob(part).split('').map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

export function sessionFromToken(accessToken) {
  const c = claims(accessToken);
  return {
    accessToken,
    user: c.upn || c.preferred_username || c.sub,
    roles: c.groups || [],
    expiresAt: c.exp ? c.exp * 1000 : Date.now() + 3600_000,
  };
}

export async function loadConfig() {
  const r = await fetch('/auth/config', { headers: { Accept: 'application/json' } });
  return r.ok ? r.json() : { devSignIn: false };
}

export async function devSignIn(user, role) {
  const r = await fetch('/auth/dev/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, role }),
  });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.detail || body.title || `HTTP ${r.status}`);
  store(sessionFromToken(body.accessToken));
}

async function userManager(oidc) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: location.origin + location.pathname,
    post_logout_redirect_uri: location.origin + location.pathname,
    response_type: 'code', // authorization code; oidc-client-ts adds PKCE (S256) itself
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

export async function oidcSignIn(oidc) { (await userManager(oidc)).signinRedirect(); }

/** Finishes a redirect back from the identity provider (?code=&state=), if this page load is one. */
export async function completeOidc(oidc) {
  const params = new URLSearchParams(location.search);
  if (!oidc || !params.has('code') || !params.has('state')) return false;
  const user = await (await userManager(oidc)).signinRedirectCallback();
  history.replaceState(null, '', location.pathname);
  store(sessionFromToken(user.access_token));
  return true;
}

export function signOut() { store(null); }

/**
 * A token handed over in the URL's fragment (#token=…, as the wallboard takes it; the fragment never reaches a
 * server): taken into this tab's session and removed from the address bar. For scripted checks and shared screens.
 */
export function adoptFragmentToken() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (!token) return;
  params.delete('token');
  history.replaceState(null, '', location.pathname + location.search + (params.toString() ? '#' + params : ''));
  try { store(sessionFromToken(token)); } catch { /* not a JWT: ignore */ }
}
