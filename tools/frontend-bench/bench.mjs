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
lines.push('', '## Bundle (vite build output, `web-console/target/classes/META-INF/resources/web-assets`)', '');
lines.push('| file | bytes | gzip |', '|---|---|---|');
for (const f of files) lines.push(`| ${f.file} | ${f.bytes} | ${f.gzip} |`);
lines.push(`| **total** | ${files.reduce((s, f) => s + f.bytes, 0)} | ${files.reduce((s, f) => s + f.gzip, 0)} |`);
lines.push('', 'The OIDC client (oidc-client-ts) is a chunk of its own, loaded only when an identity provider is configured; '
  + 'with dev sign-in the pages never fetch it.', '', '## Raw', '', '```json', JSON.stringify({ results, timings, files }, null, 1), '```', '');
writeFileSync(outFile, lines.join('\n'));
console.log(JSON.stringify(results));
const worst = Math.min(...results.slice(0, -1).map(r => r.accessibility));
if (worst < 95) { console.error(`accessibility ${worst} < 95`); process.exit(1); }
