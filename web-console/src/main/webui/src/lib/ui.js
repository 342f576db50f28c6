// Shared page parts: the html tag, the sign-in screen, the header with language and sign-out.
import { h, render } from 'preact';
import { useState, useEffect } from 'preact/hooks';
import htm from 'htm';
import { t, languages, language, setLanguage, applyToDocument } from './i18n.js';
import { session, onSessionChange, loadConfig, devSignIn, oidcSignIn, completeOidc, signOut, adoptFragmentToken } from './auth.js';
import '../style.css';

export const html = htm.bind(h);

/** Mounts a page: sign-in first, then the app with the session; re-renders on language or session change. */
export function mount(App, { role, title }) {
  applyToDocument();
  adoptFragmentToken();
  const root = document.getElementById('app');
  const draw = () => render(html`<${Shell} App=${App} role=${role} title=${title} />`, root);
  onSessionChange(draw);
  draw();
}

function Shell({ App, role, title }) {
  const [config, setConfig] = useState(null);
  const [, setLang] = useState(language());
  const [error, setError] = useState(null);
  useEffect(() => {
    loadConfig().then(async c => {
      try { await completeOidc(c.oidc); } catch (e) { setError(String(e.message || e)); }
      setConfig(c);
    });
  }, []);
  const s = session();
  document.title = t(title);
  const changeLang = code => { setLanguage(code); setLang(code); };
  return html`
    <a class="skip" href="#main">${t('common.skip')}</a>
    <header class="top" role="banner">
      <h1>${t(title)}</h1>
      <div class="top-tools">
        <label>${t('common.language')}
          <select value=${language()} onChange=${e => changeLang(e.target.value)} data-testid="language">
            ${languages.map(l => html`<option value=${l.code} lang=${l.code}>${l.name}</option>`)}
          </select>
        </label>
        ${s && html`<span class="who" data-testid="who">${s.user}</span>
          <button type="button" onClick=${() => signOut()}>${t('common.signOut')}</button>`}
      </div>
    </header>
    <main id="main" tabindex="-1">
      ${error && html`<p role="alert" class="error">${error}</p>`}
      ${!config ? html`<p>${t('common.loading')}</p>`
        : !s ? html`<${SignIn} config=${config} role=${role} />`
        : html`<${App} session=${s} />`}
    </main>`;
}

function SignIn({ config, role }) {
  const [user, setUser] = useState('');
  const [error, setError] = useState(null);
  const submit = async e => {
    e.preventDefault();
    setError(null);
    try { await devSignIn(user, role); } catch (err) { setError(err.message); }
  };
  return html`
    <section class="card signin" aria-labelledby="signin-h">
      <h2 id="signin-h">${t('signin.title')}</h2>
      ${config.oidc && html`<button type="button" class="primary" onClick=${() => oidcSignIn(config.oidc)}>
        ${t('signin.oidc')}</button>`}
      ${config.devSignIn && html`
        <form onSubmit=${submit} data-testid="dev-signin">
          <p class="hint">${t('signin.devHint')}</p>
          <label>${t('signin.user')}
            <input name="user" required autocomplete="username" value=${user} onInput=${e => setUser(e.target.value)} />
          </label>
          <button type="submit" class="primary">${t('signin.submit')}</button>
        </form>`}
      ${!config.oidc && !config.devSignIn && html`<p role="alert">${t('signin.none')}</p>`}
      ${error && html`<p role="alert" class="error">${error}</p>`}
    </section>`;
}

/** A live ticking clock value for timers. */
export function useNow(ms = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const id = setInterval(() => setNow(Date.now()), ms); return () => clearInterval(id); }, [ms]);
  return now;
}
