// Web chat in headless Chromium: customers on a shop's own page (another origin, strict CSP) chat through the embedded
// widget with an agent in the agent desktop. Usage: node chat.mjs <scenario.json>; prints one JSON line of what each
// side saw, which the Java test compares with messaging-service, routing and the CRM.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';

const s = JSON.parse(readFileSync(process.argv[2], 'utf8'));
mkdirSync(s.shots, { recursive: true });
const out = { steps: [] };
const errors = [];
const csp = [];

// the shop: a page of the business's own site that embeds the widget with one script tag
const shopPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example Appliances</title></head>
<body><main><h1>Example Appliances</h1><p>Washing machines, dryers, dishwashers.</p></main>
<script src="${s.messaging}/widget/cc-chat.js" data-queue="${s.queue}" data-title="Chat with us" async></script></body></html>`;
const shop = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8',
    // strict: no inline script or style, scripts and API calls only to the contact center
    'content-security-policy': `default-src 'self'; script-src ${s.messaging}; connect-src ${s.messaging}; style-src 'self'; img-src 'self'` });
  res.end(shopPage);
});
await new Promise(r => shop.listen(s.shopPort, '127.0.0.1', r));
const shopUrl = `http://localhost:${s.shopPort}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
async function page(name, viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport });
  const p = await context.newPage();
  p.on('pageerror', e => errors.push(`${name}: ${e}`));
  p.on('console', m => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(`${name}: ${m.text()}`); });
  return p;
}
const widget = p => p.locator('#cc-chat');

async function startChat(p, who) {
  await p.goto(shopUrl);
  await widget(p).locator('button.launch').click();
  const form = widget(p).locator('form.prechat');
  await form.locator('input[name=name]').fill(who.name);
  if (who.email) await form.locator('input[name=email]').fill(who.email);
  if (who.phone) await form.locator('input[name=phone]').fill(who.phone);
  await form.locator('textarea[name=text]').fill(who.text);
  await form.locator('button[type=submit]').click();
  await widget(p).locator('.chat .status').filter({ hasText: /Waiting|chatting/ }).waitFor();
}

try {
  // a customer the CRM knows by e-mail writes first, before any agent is available: the widget says they wait
  const mia = await page('customer-1', { width: 420, height: 720 });
  await mia.goto(shopUrl);
  const badForm = widget(mia);
  await badForm.locator('button.launch').click();
  await badForm.locator('input[name=name]').fill('Mia');
  await badForm.locator('form.prechat button[type=submit]').click();
  out.prechatRefusal = (await badForm.locator('form.prechat .error').textContent()).trim();
  await startChat(mia, { name: s.customerName, email: s.customerEmail, text: 'My washer leaks at the door.' });
  out.waitingStatus = (await widget(mia).locator('.chat .status').textContent()).trim();
  out.steps.push('customer waiting');

  // the agent signs in to the desk and becomes available: the chat is offered, accepted, and opens as a card
  const desk = await page('desk');
  out.typingRequests = [];
  desk.on('response', r => { if (r.url().includes('/typing')) out.typingRequests.push(`${r.request().method()} ${r.status()}`); });
  await desk.goto(s.web + '/desk/');
  await desk.locator('[data-testid=dev-signin] input[name=user]').fill(s.agent);
  await desk.locator('[data-testid=dev-signin] button[type=submit]').click();
  await desk.locator('[data-testid=who]').waitFor();
  await desk.locator('[data-testid=go-available]').click();
  const offer = desk.locator('[data-testid=offer]').first();
  await offer.waitFor({ timeout: 20000 });
  out.offerChannel = await offer.locator('h2').textContent();
  await offer.locator('[data-testid=accept]').click();
  const card = desk.locator('[data-testid=chat]').first();
  await card.waitFor({ timeout: 15000 });
  await card.locator('[data-testid=transcript] li[data-direction=IN]').first().waitFor();
  out.agentFirstMessage = (await card.locator('[data-testid=transcript] li[data-direction=IN] .text').first().textContent()).trim();
  out.conversation = await card.getAttribute('data-conversation');
  await widget(mia).locator('.chat .status').filter({ hasText: 'chatting with' }).waitFor({ timeout: 15000 });
  out.assignedStatus = (await widget(mia).locator('.chat .status').textContent()).trim();
  out.steps.push('agent accepted');

  // typing shows on the other side; the agent's reply reaches the customer, the customer's answer the agent
  await card.locator('[data-testid=chat-input]').type('Hello', { delay: 20 });
  await widget(mia).locator('.typing').filter({ hasText: 'typing' }).waitFor({ timeout: 10000 });
  out.customerSawTyping = true;
  await card.locator('[data-testid=chat-input]').fill('Hello, this is ' + s.agent + '. Is the door seal torn?');
  await card.locator('[data-testid=chat-send]').click();
  await widget(mia).locator('.log .m.OUT').first().waitFor({ timeout: 10000 });
  out.customerSawReply = (await widget(mia).locator('.log .m.OUT').first().textContent()).trim();
  await widget(mia).locator('.send textarea').fill('Yes, at the bottom.');
  await widget(mia).locator('.send textarea').press('Enter');
  await card.locator('[data-testid=transcript] li[data-direction=IN]').nth(1).waitFor({ timeout: 10000 });
  out.agentSawAnswer = (await card.locator('[data-testid=transcript] li[data-direction=IN] .text').nth(1).textContent()).trim();
  out.steps.push('messages both ways');

  // "call me instead": the widget asks the number and books the callback; the chat shows the note
  mia.once('dialog', d => d.accept(s.callMe));
  await widget(mia).locator('button.callme').click();
  await widget(mia).locator('.log .m.SYSTEM').filter({ hasText: 'Callback to' }).waitFor({ timeout: 10000 });
  out.callbackNote = (await widget(mia).locator('.log .m.SYSTEM').filter({ hasText: 'Callback to' }).textContent()).trim();

  // a reload keeps the chat: same conversation, whole history, still with the agent
  await mia.reload();
  await widget(mia).locator('.log .m').nth(2).waitFor({ timeout: 10000 });
  out.afterReload = await widget(mia).locator('.log .m').evaluateAll(l => l.map(e => e.textContent));

  // a second customer at the same time: the agent holds two chats (capacity 2)
  const noah = await page('customer-2', { width: 420, height: 720 });
  await startChat(noah, { name: 'Noah Neu', phone: s.secondPhone, text: 'Where is my repair?' });
  const offer2 = desk.locator('[data-testid=offer]').first();
  await offer2.waitFor({ timeout: 20000 });
  await offer2.locator('[data-testid=accept]').click();
  await desk.locator('[data-testid=chat]').nth(1).waitFor({ timeout: 15000 });
  out.chatsAtOnce = await desk.locator('[data-testid=chat]').count();
  await desk.screenshot({ path: `${s.shots}/desk-chats.png` });
  await mia.screenshot({ path: `${s.shots}/chat-widget.png` });
  out.steps.push('two chats');

  // the agent ends the first: the customer sees it ended, the desk asks for the wrap-up
  await card.locator('[data-testid=chat-end]').click();
  await desk.locator('[data-testid=wrapup]').waitFor({ timeout: 10000 });
  await widget(mia).locator('.chat .status').filter({ hasText: 'ended' }).waitFor({ timeout: 15000 });
  out.endedStatus = (await widget(mia).locator('.chat .status').textContent()).trim();
  out.chatsAfterEnd = await desk.locator('[data-testid=chat]').count();
  out.steps.push('ended');
} catch (e) {
  out.error = String(e && e.stack || e);
} finally {
  out.errors = errors;
  out.csp = csp;
  await browser.close();
  shop.close();
  console.log(JSON.stringify(out));
}
