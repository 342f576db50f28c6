// Opens the wallboard in headless Chromium and checks it renders a queue live from the SSE stream,
// with its alert, the day's service-level chart and the backlog. Usage: node wallboard.mjs <baseUrl> <bearerToken> <queueId> <screenshot.png>
// Prints one JSON line with what it saw; exits 1 when the page does not show the queue in time.
import { chromium } from 'playwright-core';

const [base, token, queue, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let code = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  // the page's Content-Security-Policy must not have to block anything it does itself
  const cspViolations = [];
  page.on('console', m => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  const response = await page.goto(`${base}/wallboard/#token=${encodeURIComponent(token)}&target=0.8&maxWait=60`);
  const csp = response.headers()['content-security-policy'] || '';
  const row = page.locator(`tr[data-queue="${queue}"]`);
  await row.waitFor({ timeout: 15000 });
  const cells = await row.locator('td').allTextContents();
  const alerts = await page.locator('#alerts li').allTextContents();
  const status = await page.locator('#status').textContent();
  const tokenInUrl = page.url().includes('token=');
  const line = page.locator(`#chart polyline[data-queue="${queue}"]`);
  await line.waitFor({ state: 'attached', timeout: 15000 });
  const chartPoints = Number(await line.getAttribute('data-points'));
  const backlog = await page.locator('#backlog').textContent();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ cells, alerts, status, tokenInUrl, errors, chartPoints, backlog, csp, cspViolations }));
} catch (e) {
  console.error(String(e));
  code = 1;
} finally {
  await browser.close();
}
process.exit(code);
