// Lighthouse accessibility (and performance) of the agent desktop and supervisor console, their load time in
// headless Debian chromium, and the size of what they load. Usage:
//   node bench.mjs <baseUrl> <agentToken> <supervisorToken> <assetsDir> <out.md> [runs]
// The pages are opened signed in (#token=…), so the audits see the working screens, not the sign-in form.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import os from 'node:os';

const [base, agentToken, supervisorToken, assets, outFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const pages = [
  { name: 'desk', url: `${base}/desk/#token=${agentToken}`, ready: '[data-testid=myday]' },
  { name: 'console', url: `${base}/console/#token=${supervisorToken}`, ready: '[data-testid=queues]' },
  { name: 'console, flow editor', url: `${base}/console/#tab=flows&token=${supervisorToken}`, ready: '[data-testid=flow-doc]' },
  { name: 'wallboard (baseline: hand-written page, no framework)', url: `${base.replace(/:\d+$/, ':8085')}/wallboard/#token=${supervisorToken}`, ready: '#queues' },
];

const results = [];
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM || '/usr/bin/chromium', chromeFlags: flags });
try {
  for (const p of pages) {
    const r = await lighthouse(p.url, { port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['accessibility', 'performance', 'best-practices'], formFactor: 'desktop',
      screenEmulation: { mobile: false, width: 1366, height: 900, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'provided' });
    const lhr = r.lhr;
    const failed = Object.values(lhr.audits).filter(a => a.score !== null && a.score < 1
      && lhr.categories.accessibility.auditRefs.some(ref => ref.id === a.id && ref.weight > 0)).map(a => a.id);
    results.push({ page: p.name, accessibility: Math.round(lhr.categories.accessibility.score * 100),
      performance: Math.round(lhr.categories.performance.score * 100),
      bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
      fcp: lhr.audits['first-contentful-paint'].numericValue, lcp: lhr.audits['largest-contentful-paint'].numericValue,
      failedA11y: failed });
  }
} finally {
  await chrome.kill();
}

// load time as a user waits for it: navigation start to the working screen drawn with live data, cold cache each run
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: flags.slice(1) });
const timings = {};
try {
  for (const p of pages) {
    timings[p.name] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(p.url);
      await page.locator(p.ready).first().waitFor({ timeout: 20000 });
      const ready = Date.now() - t0;
      const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0];
        return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: performance.getEntriesByType('resource')
          .filter(r => /\.(js|css)$/.test(new URL(r.name).pathname))
          .reduce((s, r) => s + (r.transferSize || r.encodedBodySize || 0), 0) + (n.transferSize || n.encodedBodySize) }; });
      timings[p.name].push({ ready, ...nav });
      await context.close();
    }
  }
} finally {
  await browser.close();
}

// scale: the console with 100 queues and 2,000 agents. The two read APIs are answered by the browser itself with
// synthetic data (page.route), so this measures the page's own work: first draw, a filter keystroke, a sort, a regroup.
const QUEUES = 100, AGENTS = 2000;
const states = ['AVAILABLE', 'BUSY', 'WRAP_UP', 'NOT_READY', 'RESERVED', 'LOGGED_OUT'];
const frame = { at: new Date().toISOString(), agentsByState: {}, backlog: { waitingContacts: 0, scheduledCallbacks: 0, openCases: 0, overdueCases: 0 },
  queues: Array.from({ length: QUEUES }, (_, i) => ({ queueId: `${['sales', 'repairs', 'billing', 'vip'][i % 4]}-q${String(i).padStart(3, '0')}`,
    waiting: (i * 7) % 13, longestWaitSeconds: (i * 37) % 240, estimatedWaitSeconds: (i * 11) % 90, serviceLevelToday: ((i * 17) % 100) / 100,
    offeredToday: 50 + i, answeredToday: 40 + i, abandonedToday: i % 9, scheduledCallbacks: i % 5 })) };
const agentRows = Array.from({ length: AGENTS }, (_, i) => ({ agentId: `agent-${String(i).padStart(4, '0')}`, state: states[i % states.length],
  reasonCode: i % 6 === 3 ? 'break' : null, secondsInState: (i * 13) % 3600, contactsHandledToday: i % 40 }));
const scale = {};
{
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: flags.slice(1) });
  try {
    const page = await (await b.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.route('**/reports/realtime/stream', r => r.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' },
      body: `data: ${JSON.stringify(frame)}\n\n` }));
    await page.route('**/reports/realtime/agents', r => r.fulfill({ json: agentRows }));
    const timed = async (what, action, done) => { const t0 = performance.now(); await action(); await done(); scale[what] = Math.round(performance.now() - t0); };
    await timed('first draw (100 queues, 2,000 agents)', () => page.goto(`${base}/console/#token=${supervisorToken}`),
      () => page.waitForFunction(n => document.querySelectorAll('[data-testid=queues] tr[data-queue]').length === n
        && document.querySelectorAll('[data-testid=agents] tr[data-agent]').length > 0, QUEUES));
    await timed('agent filter keystroke (2,000 → 1)', () => page.locator('[data-testid=agent-filter]').fill('agent-1999'),
      () => page.waitForFunction(() => document.querySelectorAll('[data-testid=agents] tr[data-agent]').length === 1));
    await page.locator('[data-testid=agent-filter]').fill('');
    await timed('agent state filter (2,000 → 334)', () => page.locator('[data-testid=agent-state-filter]').selectOption('BUSY'),
      () => page.waitForFunction(() => [...document.querySelectorAll('[data-testid=agents] tr[data-agent]')].length === 100));
    await timed('queue sort by service level', () => page.locator('[data-testid=queues] thead button', { hasText: 'Service level' }).click(),
      () => page.waitForFunction(() => document.querySelector('[data-testid=queues] tbody tr[data-queue]')?.dataset.queue === 'sales-q000'));
    await timed('queues grouped by prefix', () => page.locator('[data-testid=queue-group]').selectOption('prefix'),
      () => page.waitForFunction(() => document.querySelectorAll('[data-testid=queues] tr.group').length === 4));
    scale.alertsShown = await page.locator('[data-testid=alerts] details').count();
    scale.alertQueues = await page.locator('[data-testid=alerts] summary').allTextContents();
    scale.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  } finally {
    await b.close();
  }
}

const files = readdirSync(assets).map(f => {
  const raw = readFileSync(join(assets, f));
  return { file: f, bytes: statSync(join(assets, f)).size, gzip: gzipSync(raw).length };
}).sort((a, b) => b.bytes - a.bytes);

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = v => `${Math.round(v)} ms`;
const lines = [];
lines.push('# Front end: accessibility, load time, bundle size', '');
lines.push(`Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, `
  + `Node ${process.version}, Debian chromium (headless), against the packaged web-console and services on this machine (loopback, no throttling).`, '');
lines.push('Command: `./contact-center bench frontend` (starts the suite with `up`, signs in with dev tokens, runs '
  + '`tools/frontend-bench/bench.mjs`). Baseline in the same run: the wallboard, the hand-written page reporting-service '
  + 'serves without a framework or bundler.', '');
lines.push('## Lighthouse (desktop, lighthouse ' + JSON.parse(readFileSync(new URL('./node_modules/lighthouse/package.json', import.meta.url))).version + ')', '');
lines.push('| page | accessibility | performance | best practices | FCP | LCP | accessibility audits not passed |', '|---|---|---|---|---|---|---|');
for (const r of results) lines.push(`| ${r.page} | **${r.accessibility}** | ${r.performance} | ${r.bestPractices} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${r.failedA11y.join(', ') || 'none'} |`);
lines.push('', `## Load time (${runs} cold loads each; navigation start → working screen with live data)`, '');
lines.push('| page | median ready | each run (ready) | median DOMContentLoaded | bytes transferred (html+js+css) |', '|---|---|---|---|---|');
const baseline = pages[pages.length - 1].name;
const wb = median(timings[baseline].map(t => t.ready));
for (const p of pages) {
  const t = timings[p.name];
  const m = median(t.map(x => x.ready));
  lines.push(`| ${p.name} | ${ms(m)} (${(m / wb).toFixed(2)}× the wallboard) | ${t.map(x => x.ready).join(', ')} | ${ms(median(t.map(x => x.dcl)))} | ${median(t.map(x => x.bytes))} |`);
}
lines.push('', `## Scale: the console at ${QUEUES} queues and ${AGENTS} agents (synthetic data served by the browser)`, '');
lines.push('The two read APIs are answered inside the browser (Playwright `page.route`) with 100 queues and 2,000 agents, so '
  + 'these are the page\'s own costs, action to the table redrawn, as Playwright sees them (its round trips included).', '');
lines.push('| action | ms |', '|---|---|');
for (const [k, v] of Object.entries(scale)) if (typeof v === 'number' && k !== 'alertsShown' && k !== 'domNodes') lines.push(`| ${k} | ${v} |`);
lines.push('', `Alerts: ${scale.alertsShown} aggregated lines for ${QUEUES} queues (${scale.alertQueues.join('; ')}); `
  + `${scale.domNodes} DOM elements with both tables drawn (100 rows per group, the rest on request).`);
lines.push('', '## Bundle (vite build output, `web-console/target/classes/META-INF/resources/web-assets`)', '');
lines.push('| file | bytes | gzip |', '|---|---|---|');
for (const f of files) lines.push(`| ${f.file} | ${f.bytes} | ${f.gzip} |`);
lines.push(`| **total** | ${files.reduce((s, f) => s + f.bytes, 0)} | ${files.reduce((s, f) => s + f.gzip, 0)} |`);
lines.push('', 'The OIDC client (oidc-client-ts) is a chunk of its own, loaded only when an identity provider is configured; '
  + 'with dev sign-in the pages never fetch it.', '', '## Raw', '', '```json', JSON.stringify({ results, timings, scale, files }, null, 1), '```', '');
writeFileSync(outFile, lines.join('\n'));
console.log(JSON.stringify(results));
const worst = Math.min(...results.slice(0, -1).map(r => r.accessibility));
if (worst < 95) { console.error(`accessibility ${worst} < 95`); process.exit(1); }
