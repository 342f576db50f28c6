// Signs in to the agent desktop through OpenID Connect (authorization code + PKCE) in headless Chromium.
// Usage: node oidc-signin.mjs <web-console base URL> <fake IdP base URL>. Prints one JSON line with what it saw.
import { chromium } from 'playwright-core';

const [base, idp] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const out = { errors: [], csp: [] };
let code = 0;
try {
  const page = await browser.newPage();
  page.on('pageerror', e => out.errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) out.csp.push(m.text()); });
  await page.goto(`${base}/desk/`);
  out.devFormShown = await page.locator('[data-testid=dev-signin]').count();
  await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
  await page.locator('[data-testid=who]').waitFor({ timeout: 15000 });
  out.who = await page.locator('[data-testid=who]').textContent();
  out.url = page.url();
  out.session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('cc-session')));
  delete out.session?.accessToken;
  out.log = await (await fetch(`${idp}/log`)).json();
} catch (e) {
  console.error(String(e?.stack || e));
  code = 1;
} finally {
  console.log(JSON.stringify(out));
  await browser.close();
}
process.exit(code);
