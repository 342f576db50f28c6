// The agent desktop and supervisor console in headless Chromium, driven as people use them.
// Usage: node workspace.mjs <scenario.json>. The scenario names the web-console URL, the queues, agents, the customer
// and the flow the Java test provisioned; the script prints one JSON line with what each page showed, which the
// test compares with the services' own records. Screenshots go to scenario.shots (docs/screenshots when regenerated).
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';

const s = JSON.parse(readFileSync(process.argv[2], 'utf8'));
mkdirSync(s.shots, { recursive: true });
const out = { steps: [] };
const step = name => { out.steps.push(name); };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
const errors = [];
const csp = [];

async function page(name) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p = await context.newPage();
  p.on('pageerror', e => errors.push(`${name}: ${e}`));
  p.on('console', m => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  return p;
}

async function signIn(p, path, user) {
  const response = await p.goto(s.base + path);
  out.cspHeader ||= response.headers()['content-security-policy'] || '';
  await p.locator('[data-testid=dev-signin] input[name=user]').fill(user);
  await p.locator('[data-testid=dev-signin] button[type=submit]').click();
  await p.locator('[data-testid=who]').waitFor();
}

async function telephony(method, path, body) {
  const r = await fetch(s.base + path, { method, headers: { Authorization: `Bearer ${s.telephonyToken}`,
    'Content-Type': 'application/json', Accept: 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** A caller through the IVR as the telephony edge drives it: the flow's menu, key 1, the serial number. */
async function call(callId) {
  const start = await telephony('POST', '/ivr/calls', { callId, from: s.customerPhone, to: s.number });
  let actions = start.actions, session = start.sessionId;
  const say = actions.filter(a => a.type === 'say').map(a => a.text).join(' ');
  for (const digits of ['1', s.serial]) {
    const next = await telephony('POST', `/ivr/calls/${session}/events`, { type: 'digits', digits });
    actions = next.actions;
  }
  const enqueued = actions.find(a => a.type === 'enqueued');
  return { say, contactId: enqueued?.contactId, session };
}

const popOf = async p => ({
  name: (await p.locator('[data-testid=offer] [data-testid=pop-name]').first().textContent())?.trim(),
  segment: (await p.locator('[data-testid=offer] [data-testid=pop-segment]').first().textContent())?.trim(),
  cases: await p.locator('[data-testid=offer] [data-testid=pop-cases] li').evaluateAll(l => l.map(e => e.dataset.case)),
  intent: (await p.locator('[data-testid=offer] [data-testid=pop-ivr] dd[data-attr=intent]').first().textContent())?.trim(),
  serial: (await p.locator('[data-testid=offer] [data-testid=pop-ivr] dd[data-attr=serial]').first().textContent())?.trim(),
});

let code = 0;
try {
  // ---- an agent's day: the call rings at the first agent, with the screen pop
  const ann = await page('ann');
  await signIn(ann, '/desk/', s.agentA);
  await ann.locator('[data-testid=go-available]').click();
  await ann.locator('[data-testid=agent-state][data-state=AVAILABLE]').waitFor();
  step('ann available');
  const first = await call(`desk-call-${s.run}`);
  out.firstContact = first.contactId;
  await ann.locator('[data-testid=offer]').waitFor({ timeout: 20000 });
  await ann.locator('[data-testid=offer] [data-testid=pop-name]').waitFor({ timeout: 10000 });
  await ann.locator('[data-testid=offer] [data-testid=pop-cases] li').first().waitFor({ timeout: 10000 });
  out.ringing = await ann.evaluate(() => document.body.dataset.ringing);
  out.popA = await popOf(ann);
  out.countdown = await ann.locator('[data-testid=countdown]').textContent();
  await ann.screenshot({ path: `${s.shots}/desk-offer.png`, fullPage: true });
  step('ann rings with the pop');

  // a reconnect mid-offer: the pending offer comes back with the stream
  await ann.reload();
  await ann.locator(`[data-testid=offer][data-contact="${first.contactId}"]`).waitFor({ timeout: 15000 });
  out.offerBackAfterReload = true;
  step('offer back after reload');

  // accept with the keyboard, talk, transfer to the second queue
  await ann.locator('body').press('a');
  await ann.locator('[data-testid=active]').waitFor({ timeout: 10000 });
  await ann.waitForTimeout(2500);
  out.talkTimer = await ann.locator('[data-testid=talk-timer]').textContent();
  await ann.locator('[data-testid=notes]').fill('Customer reports a puncture; serial read back.');
  // a callback for tomorrow morning on the customer's clock, booked from the contact
  const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
  await ann.locator('[data-testid=open-callback]').click();
  await ann.locator('[data-testid=callback-from]').fill(`${tomorrow}T10:00`);
  await ann.locator('[data-testid=callback-to]').fill(`${tomorrow}T12:00`);
  await ann.locator('[data-testid=callback-submit]').click();
  await ann.locator('[data-testid=callback-result]').filter({ hasText: /booked/ }).waitFor({ timeout: 10000 });
  out.callbackText = await ann.locator('[data-testid=callback-result]').textContent();
  step('callback booked');
  await ann.locator('[data-testid=open-transfer]').click();
  await ann.locator('[data-testid=transfer-queue]').selectOption(s.queueB);
  await ann.screenshot({ path: `${s.shots}/desk-active.png`, fullPage: true });
  await ann.locator('[data-testid=transfer-submit]').click();
  await ann.locator('[data-testid=idle]').waitFor({ timeout: 10000 });
  out.transferNotice = await ann.locator('[data-testid=notice]').textContent();
  step('ann transferred');

  // the second agent gets the same context
  const bob = await page('bob');
  await signIn(bob, '/desk/', s.agentB);
  await bob.locator('[data-testid=go-available]').click();
  await bob.locator('[data-testid=offer]').waitFor({ timeout: 20000 });
  await bob.locator('[data-testid=offer] [data-testid=pop-name]').waitFor({ timeout: 10000 });
  await bob.locator('[data-testid=offer] [data-testid=pop-cases] li').first().waitFor({ timeout: 10000 });
  out.popB = await popOf(bob);
  await bob.locator('[data-testid=accept]').click();
  await bob.locator('[data-testid=active]').waitFor();
  step('bob accepted the transfer');

  // a case dispatched to a partner, then wrap-up with a disposition (W)
  await bob.locator('[data-testid=open-case]').click();
  await bob.locator('[data-testid=case-subject]').fill('Puncture, front left tyre');
  await bob.locator('[data-testid=case-product]').fill(s.productLine);
  await bob.locator('[data-testid=case-region]').fill(s.region);
  await bob.locator('[data-testid=case-submit]').click();
  const caseResult = bob.locator('[data-testid=case-result][data-case]:not([data-case=""])');
  await caseResult.waitFor({ timeout: 10000 });
  out.caseId = await caseResult.getAttribute('data-case');
  out.caseText = await caseResult.textContent();
  await bob.waitForTimeout(1500);
  await bob.locator('body').press('w');
  await bob.locator('[data-testid=wrapup]').waitFor();
  await bob.locator('[data-testid=disposition]').selectOption('case-opened');
  await bob.locator('[data-testid=wrap-notes]').fill('Dispatched to the partner; customer informed.');
  await bob.screenshot({ path: `${s.shots}/desk-wrapup.png`, fullPage: true });
  await bob.locator('[data-testid=wrap-submit]').click();
  await bob.locator('[data-testid=idle]').waitFor({ timeout: 30000 });
  out.wrapNotice = await bob.locator('[data-testid=notice]').textContent();
  step('bob wrapped up');

  // Persian: right-to-left layout, Persian digits and calendar
  await bob.locator('[data-testid=language]').selectOption('fa');
  await bob.waitForTimeout(300);
  out.rtl = await bob.evaluate(() => ({
    dir: document.documentElement.dir, lang: document.documentElement.lang,
    header: getComputedStyle(document.querySelector('header')).direction,
    main: getComputedStyle(document.querySelector('main')).direction,
    myday: getComputedStyle(document.querySelector('[data-testid=myday]')).direction,
    mydayLeftOfWork: document.querySelector('[data-testid=myday]').getBoundingClientRect().left
      < document.querySelector('.work').getBoundingClientRect().left,
    title: document.querySelector('h1').textContent,
  }));
  await bob.screenshot({ path: `${s.shots}/desk-fa.png`, fullPage: true });
  await bob.locator('[data-testid=language]').selectOption('en');
  step('fa layout checked');

  // ---- a ring timeout, then a reject, at a third agent
  const carl = await page('carl');
  await signIn(carl, '/desk/', s.agentC);
  await carl.locator('[data-testid=go-available]').click();
  await carl.locator('[data-testid=agent-state][data-state=AVAILABLE]').waitFor();
  for (const id of [`${s.run}-timeout`, `${s.run}-reject`]) {
    await telephony('POST', '/routing/contacts', { contactId: id, queueId: s.queueC, channel: 'VOICE', priority: 1,
      attributes: { intent: 'billing' } });
  }
  await carl.locator(`[data-testid=offer][data-contact="${s.run}-timeout"]`).waitFor({ timeout: 20000 });
  await carl.locator(`[data-testid=offer][data-contact="${s.run}-timeout"]`).waitFor({ state: 'detached', timeout: 30000 });
  out.timeoutNotice = await carl.locator('[data-testid=notice]').textContent();
  step('carl rang out');
  await carl.locator(`[data-testid=offer][data-contact="${s.run}-reject"]`).waitFor({ timeout: 20000 });
  await carl.locator('[data-testid=reject]').click();
  await carl.locator(`[data-testid=offer][data-contact="${s.run}-reject"]`).waitFor({ state: 'detached', timeout: 5000 });
  await carl.locator('[data-testid=notice]').filter({ hasText: /rejected/ }).waitFor({ timeout: 5000 });
  out.rejectNotice = await carl.locator('[data-testid=notice]').textContent();
  await carl.locator('[data-testid=go-logged-out]').click();
  step('carl rejected');

  // ---- a supervisor's task: live view, move a waiting contact, boards, the flow editor
  const sup = await page('supervisor');
  await signIn(sup, '/console/', s.supervisor);
  await sup.locator(`[data-testid=queues] tr[data-queue="${s.queueC}"]`).waitFor({ timeout: 20000 });
  await sup.locator('[data-testid=queue-filter]').fill(s.run);
  out.filteredQueues = await sup.locator('[data-testid=queues] tbody tr[data-queue]').evaluateAll(l => l.map(e => e.dataset.queue));
  await sup.locator(`[data-testid=queues] tr[data-queue="${s.queueC}"] [data-testid=open-waiting]`).click();
  const waitingRow = sup.locator('[data-testid=waiting] tr[data-contact]').first();
  await waitingRow.waitFor({ timeout: 15000 });
  out.movedContact = await waitingRow.getAttribute('data-contact');
  await waitingRow.locator('[data-testid=move]').selectOption(s.queueB);
  await sup.locator('[data-testid=waiting-message]').waitFor();
  out.moveMessage = await sup.locator('[data-testid=waiting-message]').textContent();
  await sup.locator('[data-testid=agent-filter]').fill(s.agentB);
  await sup.locator(`[data-testid=agents] tr[data-agent="${s.agentB}"]`).waitFor({ timeout: 10000 });
  await sup.locator(`[data-testid=agents] tr[data-agent="${s.agentB}"] [data-testid=set-state]`).selectOption('NOT_READY:supervisor');
  await sup.locator('[data-testid=agents-message]').waitFor();
  await sup.locator('[data-testid=queue-filter]').fill('');
  await sup.locator('[data-testid=agent-filter]').fill('');
  await sup.screenshot({ path: `${s.shots}/console-live.png`, fullPage: true });
  step('supervisor live view');

  await sup.locator('[data-testid=tab-boards]').click();
  await sup.locator(`[data-testid=cases] tr[data-case="${out.caseId}"]`).waitFor({ timeout: 20000 });
  await sup.screenshot({ path: `${s.shots}/console-boards.png`, fullPage: true });
  step('boards');

  await sup.locator('[data-testid=tab-flows]').click();
  await sup.locator('[data-testid=flow-id]').fill(s.editFlow);
  await sup.locator('[data-testid=flow-doc]').fill(s.brokenFlow);
  await sup.locator('[data-testid=flow-save]').click();
  await sup.locator('[data-testid=flow-errors] [data-node-error]').first().waitFor({ timeout: 10000 });
  out.invalidNodes = await sup.locator('[data-testid=flow-graph] g[data-invalid=true]').evaluateAll(l => l.map(e => e.dataset.node));
  out.errorNodes = await sup.locator('[data-testid=flow-errors] [data-node-error]').evaluateAll(l => l.map(e => e.dataset.nodeError));
  await sup.screenshot({ path: `${s.shots}/console-flow-error.png`, fullPage: true });
  step('flow error marked');

  await sup.locator('[data-testid=flow-doc]').fill(s.fixedFlow);
  await sup.locator('[data-testid=flow-save]').click();
  await sup.locator('[data-testid=flow-message]').filter({ hasText: /1/ }).waitFor();
  out.savedMessage = await sup.locator('[data-testid=flow-message]').textContent();
  out.invalidAfterFix = await sup.locator('[data-testid=flow-graph] g[data-invalid=true]').count();
  await sup.locator('[data-testid=sim-inputs]').fill(`1, ${s.serial}`);
  await sup.locator('[data-testid=sim-run]').click();
  await sup.locator('[data-testid=sim-result]').waitFor();
  out.simPath = await sup.locator('[data-testid=sim-path]').textContent();
  out.simEffects = await sup.locator('[data-testid=sim-effects]').textContent().catch(() => '');
  out.visitedNodes = await sup.locator('[data-testid=flow-graph] g.visited').evaluateAll(l => l.map(e => e.dataset.node));
  await sup.screenshot({ path: `${s.shots}/console-flow.png`, fullPage: true });
  await sup.locator('[data-testid=flow-publish]').click();
  await sup.locator('[data-testid=versions] tr[data-version="1"][data-active=true]').waitFor({ timeout: 10000 });
  step('flow v1 published');

  // version 2, published: a new call hears it; rolled back: the next call hears version 1 again
  await sup.locator('[data-testid=flow-doc]').fill(s.fixedFlow.replace(s.greetingV1, s.greetingV2));
  await sup.locator('[data-testid=flow-save]').click();
  await sup.locator('[data-testid=versions] tr[data-version="2"]').waitFor({ timeout: 10000 });
  await sup.locator('[data-testid=flow-publish]').click();
  await sup.locator('[data-testid=versions] tr[data-version="2"][data-active=true]').waitFor({ timeout: 10000 });
  out.greetingAfterPublish = (await telephony('POST', '/ivr/calls', { callId: `v2-${s.run}`, from: '+4930999000', to: s.editNumber }))
    .actions.filter(a => a.type === 'say').map(a => a.text).join(' ');
  await sup.locator('[data-testid=versions] tr[data-version="1"] [data-testid=rollback]').click();
  await sup.locator('[data-testid=versions] tr[data-version="1"][data-active=true]').waitFor({ timeout: 10000 });
  out.greetingAfterRollback = (await telephony('POST', '/ivr/calls', { callId: `v1-${s.run}`, from: '+4930999000', to: s.editNumber }))
    .actions.filter(a => a.type === 'say').map(a => a.text).join(' ');
  step('published and rolled back');

  await sup.locator('[data-testid=language]').selectOption('fa');
  await sup.locator('[data-testid=tab-live]').click();
  await sup.waitForTimeout(1500);
  out.consoleRtl = await sup.evaluate(() => ({ dir: document.documentElement.dir,
    main: getComputedStyle(document.querySelector('main')).direction,
    tabs: getComputedStyle(document.querySelector('[role=tablist]')).direction }));
  await sup.screenshot({ path: `${s.shots}/console-fa.png`, fullPage: true });
  // dates in the Persian calendar with Persian digits: the new case's SLA due time on the boards
  await sup.locator('[data-testid=tab-boards]').click();
  const sla = sup.locator(`[data-testid=cases] tr[data-case="${out.caseId}"] td`).last();
  await sla.waitFor({ timeout: 15000 });
  out.slaFa = await sla.textContent();
  await sup.locator('[data-testid=language]').selectOption('en');
  step('console fa');
} catch (e) {
  console.error(String(e?.stack || e));
  code = 1;
} finally {
  out.errors = errors;
  out.cspViolations = csp;
  console.log(JSON.stringify(out));
  await browser.close();
}
process.exit(code);
