import { useState, useEffect, useRef } from 'preact/hooks';
import { html, mount, useNow } from '../lib/ui.js';
import { get, post, retrying, ApiError } from '../lib/api.js';
import { stream } from '../lib/sse.js';
import { t, duration, number, percent, dateTime } from '../lib/i18n.js';
import { Pop, contextFor } from './pop.js';
import { ring } from './ring.js';
import { Chats } from './chats.js';

/** Channels whose contacts are conversations in messaging-service: accepted, they open a chat card, not a call. */
const MESSAGING = new Set(['CHAT', 'SMS', 'EMAIL', 'WEB']);

const REASONS = ['break', 'lunch', 'training', 'meeting', 'coaching', 'admin'];
const CATEGORIES = ['FAULT_REPORT', 'SERVICE_REQUEST', 'FOLLOW_UP', 'INFORMATION', 'COMPLAINT', 'SUGGESTION'];
const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

function Desk({ session }) {
  const agentId = session.user;
  const [agent, setAgent] = useState(null);
  const [offers, setOffers] = useState({});       // pending offers by offerId
  const [active, setActive] = useState(null);     // {offer, acceptedAt}
  const [wrap, setWrap] = useState(null);         // {offer, notes} after complete
  const [notice, setNotice] = useState(null);
  const [link, setLink] = useState('connecting');
  const [day, setDay] = useState(null);
  const handled = useRef(new Set());              // offers answered here: a reconnect repeats them
  const now = useNow(500);

  const refreshAgent = () => get(`/routing/agents/${encodeURIComponent(agentId)}`).then(setAgent)
    .catch(e => setNotice({ kind: 'error', text: e.message }));
  const refreshDay = () => {
    const from = new Date(); from.setHours(0, 0, 0, 0);
    const to = new Date(Math.max(Date.now(), from.getTime() + 60_000));
    return get(`/reports/agents/${encodeURIComponent(agentId)}/intervals?from=${from.toISOString()}&to=${to.toISOString()}&interval=P1D`)
      .then(rows => setDay(summarize(rows))).catch(() => {});
  };

  useEffect(() => {
    refreshAgent();
    refreshDay();
    const dayTimer = setInterval(refreshDay, 60_000);
    const s = stream(`/routing/agents/${encodeURIComponent(agentId)}/offers`, offer => {
      if (handled.current.has(offer.offerId) || offer.status !== 'PENDING') return;
      setOffers(o => (o[offer.offerId] ? o : { ...o, [offer.offerId]: offer }));
      refreshAgent();
    }, setLink);
    return () => { s.close(); clearInterval(dayTimer); };
  }, [agentId]);

  // an offer nobody answered in time is gone (routing re-queues the contact)
  const pending = Object.values(offers).filter(o => Date.parse(o.expiresAt) > now);
  useEffect(() => { ring(pending.length > 0); }, [pending.length > 0]);
  useEffect(() => {
    const expired = Object.values(offers).filter(o => Date.parse(o.expiresAt) <= now);
    if (expired.length) {
      expired.forEach(o => handled.current.add(o.offerId));
      setOffers(o => Object.fromEntries(Object.entries(o).filter(([id]) => !expired.some(x => x.offerId === id))));
      setNotice({ kind: 'warn', text: () => t('offer.timedOut') });
      refreshAgent();
    }
  }, [now]);

  const drop = offerId => {
    handled.current.add(offerId);
    setOffers(o => { const n = { ...o }; delete n[offerId]; return n; });
  };
  const accept = async offer => {
    drop(offer.offerId);
    try {
      await post(`/routing/offers/${offer.offerId}/accept`);
      if (MESSAGING.has(offer.channel)) setNotice(null); // the chat card comes with messaging-service's stream
      else { setActive({ offer, acceptedAt: Date.now(), notes: '' }); setNotice(null); }
    } catch (e) {
      setNotice({ kind: 'error', text: () => t('offer.gone') + ' ' + e.message });
    }
    refreshAgent();
  };
  const reject = async offer => {
    drop(offer.offerId);
    await post(`/routing/offers/${offer.offerId}/reject`).catch(e => setNotice({ kind: 'error', text: e.message }));
    setNotice({ kind: 'info', text: () => t('offer.rejected') });
    refreshAgent();
  };
  const startWrap = async () => {
    if (!active) return;
    try {
      await post(`/routing/contacts/${encodeURIComponent(active.offer.contactId)}/complete`, {});
      setWrap({ offer: active.offer, notes: active.notes, talkSeconds: (Date.now() - active.acceptedAt) / 1000 });
      setActive(null);
    } catch (e) { setNotice({ kind: 'error', text: e.message }); }
    refreshAgent();
  };
  const transferred = text => { setActive(null); setNotice({ kind: 'info', text }); refreshAgent(); };

  // keyboard: A accept, R reject, W wrap up (not while typing)
  useEffect(() => {
    const onKey = e => {
      if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
      const key = e.key.toLowerCase();
      if (key === 'a' && pending[0]) { e.preventDefault(); accept(pending[0]); }
      else if (key === 'r' && pending[0]) { e.preventDefault(); reject(pending[0]); }
      else if (key === 'w' && active) { e.preventDefault(); startWrap(); }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return html`
    <div class="desk">
      <section class="card status-bar" aria-label=${t('desk.status')}>
        <${StateControl} agentId=${agentId} agent=${agent} onChange=${setAgent} onError=${text => setNotice({ kind: 'error', text })} />
        <p class="link" data-testid="link" data-state=${link} role="status">${t('desk.link.' + link)}</p>
      </section>
      ${notice && html`<p role=${notice.kind === 'error' ? 'alert' : 'status'} class=${'notice ' + notice.kind}
        data-testid="notice">${typeof notice.text === 'function' ? notice.text() : notice.text}</p>`}
      <div class="desk-grid">
        <div class="work">
          ${pending.map(o => html`<${OfferCard} key=${o.offerId} offer=${o} now=${now} onAccept=${accept} onReject=${reject} />`)}
          <${Chats} agentId=${agentId} onError=${text => setNotice({ kind: 'error', text })}
            onEnded=${conv => { setWrap({ offer: { contactId: conv.contactId, queueId: conv.queueId }, notes: '' });
              setNotice({ kind: 'info', text: () => t('chat.ended', { who: conv.name || conv.email || conv.phone || '' }) });
              refreshAgent(); }} />
          ${active && html`<${ActiveContact} active=${active} now=${now} onNotes=${notes => setActive({ ...active, notes })}
            onWrap=${startWrap} onTransferred=${transferred} />`}
          ${wrap && html`<${WrapUp} wrap=${wrap} onDone=${text => { setWrap(null); setNotice({ kind: 'info', text }); refreshDay(); refreshAgent(); }} />`}
          ${!pending.length && !active && !wrap && html`<section class="card idle" aria-live="polite">
            <p data-testid="idle">${t('desk.waiting')}</p></section>`}
        </div>
        <aside class="card myday" aria-labelledby="myday-h" data-testid="myday">
          <h2 id="myday-h">${t('desk.myDay')}</h2>
          <dl>
            <dt>${t('desk.handled')}</dt><dd data-testid="handled">${day ? number(day.handled) : '–'}</dd>
            <dt>${t('desk.aht')}</dt><dd>${day ? duration(day.aht) : '–'}</dd>
            <dt>${t('desk.occupancy')}</dt><dd>${day ? percent(day.occupancy) : '–'}</dd>
          </dl>
          <p class="hint">${t('desk.shortcuts')}</p>
        </aside>
      </div>
    </div>`;
}

/** The day's rows summed: handled, handle-time-weighted AHT, occupancy = engaged / (available + engaged). */
export function summarize(rows) {
  let handled = 0, handleTotal = 0, available = 0, engaged = 0;
  for (const r of rows || []) {
    handled += r.handled;
    handleTotal += (r.averageHandleSeconds || 0) * r.handled;
    available += r.availableSeconds;
    engaged += r.engagedSeconds;
  }
  return { handled, aht: handled ? handleTotal / handled : null, occupancy: available + engaged > 0 ? engaged / (available + engaged) : null };
}

function StateControl({ agentId, agent, onChange, onError }) {
  const [reason, setReason] = useState(REASONS[0]);
  const set = (state, reasonCode) => post(`/routing/agents/${encodeURIComponent(agentId)}/state`, { state, reasonCode })
    .then(onChange).catch(e => onError(e.message));
  const state = agent?.state;
  return html`
    <div class="state" role="group" aria-label=${t('desk.state')}>
      <p>${t('desk.you')} <strong>${agentId}</strong> · ${t('desk.state')}:${' '}<strong data-testid="agent-state" data-state=${state || ''}>${state ? t('state.' + state) : '–'}</strong>
        ${agent?.reasonCode ? html` (${t('reason.' + agent.reasonCode)})` : ''}</p>
      <button type="button" class="primary" onClick=${() => set('AVAILABLE')} data-testid="go-available">${t('state.AVAILABLE')}</button>
      <label>${t('desk.reason')}
        <select value=${reason} onChange=${e => setReason(e.target.value)} data-testid="reason">
          ${REASONS.map(r => html`<option value=${r}>${t('reason.' + r)}</option>`)}
        </select>
      </label>
      <button type="button" onClick=${() => set('NOT_READY', reason)} data-testid="go-not-ready">${t('state.NOT_READY')}</button>
      <button type="button" onClick=${() => set('LOGGED_OUT')} data-testid="go-logged-out">${t('state.LOGGED_OUT')}</button>
    </div>`;
}

function OfferCard({ offer, now, onAccept, onReject }) {
  const left = Math.max(0, (Date.parse(offer.expiresAt) - now) / 1000);
  const total = Math.max(1, (Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)) / 1000);
  return html`
    <section class="card offer" role="alertdialog" aria-labelledby=${'offer-' + offer.offerId} data-testid="offer"
        data-offer=${offer.offerId} data-contact=${offer.contactId}>
      <h2 id=${'offer-' + offer.offerId}>${t('offer.incoming', { channel: t('channel.' + offer.channel), queue: offer.queueId })}</h2>
      <p>${t('offer.waited', { time: duration(offer.waitedSeconds) })} ·${' '}<span data-testid="countdown" aria-live="off">${t('offer.ringsFor', { s: Math.ceil(left) })}</span></p>
      <progress max=${total} value=${left} aria-label=${t('offer.timeLeft')}></progress>
      <${Pop} offer=${offer} />
      <div class="actions">
        <button type="button" class="primary" onClick=${() => onAccept(offer)} aria-keyshortcuts="A" data-testid="accept">${t('offer.accept')} (A)</button>
        <button type="button" onClick=${() => onReject(offer)} aria-keyshortcuts="R" data-testid="reject">${t('offer.reject')} (R)</button>
      </div>
    </section>`;
}

function ActiveContact({ active, now, onNotes, onWrap, onTransferred }) {
  const { offer } = active;
  const [panel, setPanel] = useState(null);
  return html`
    <section class="card active" aria-labelledby="active-h" data-testid="active" data-contact=${offer.contactId}>
      <h2 id="active-h">${t('active.title', { queue: offer.queueId })}</h2>
      <p class="timers">${t('active.talk')} <strong data-testid="talk-timer">${duration((now - active.acceptedAt) / 1000)}</strong>
        · ${t('active.waited')} ${duration(offer.waitedSeconds)}</p>
      <${Pop} offer=${offer} />
      <label class="notes">${t('active.notes')}
        <textarea rows="3" value=${active.notes} onInput=${e => onNotes(e.target.value)} data-testid="notes"></textarea>
      </label>
      <div class="actions" role="toolbar" aria-label=${t('active.actions')}>
        <button type="button" onClick=${() => setPanel(panel === 'transfer' ? null : 'transfer')} aria-expanded=${panel === 'transfer'} data-testid="open-transfer">${t('active.transfer')}</button>
        <button type="button" onClick=${() => setPanel(panel === 'callback' ? null : 'callback')} aria-expanded=${panel === 'callback'} data-testid="open-callback">${t('active.callback')}</button>
        <button type="button" onClick=${() => setPanel(panel === 'case' ? null : 'case')} aria-expanded=${panel === 'case'} data-testid="open-case">${t('active.case')}</button>
        <button type="button" class="primary" onClick=${onWrap} aria-keyshortcuts="W" data-testid="wrap">${t('active.wrap')} (W)</button>
      </div>
      ${panel === 'transfer' && html`<${Transfer} offer=${offer} onDone=${onTransferred} />`}
      ${panel === 'callback' && html`<${Callback} offer=${offer} />`}
      ${panel === 'case' && html`<${CaseForm} offer=${offer} />`}
    </section>`;
}

function Transfer({ offer, onDone }) {
  const [queues, setQueues] = useState([]);
  const [queueId, setQueueId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [error, setError] = useState(null);
  useEffect(() => { get('/routing/queues').then(q => { setQueues(q); setQueueId(q.find(x => x.queueId !== offer.queueId)?.queueId || ''); }); }, []);
  const submit = async e => {
    e.preventDefault();
    try {
      await post(`/routing/contacts/${encodeURIComponent(offer.contactId)}/transfer`,
        agentId ? { agentId, queueId: queueId || null } : { queueId });
      onDone(() => t('transfer.done', { target: agentId || queueId }));
    } catch (err) { setError(err.message); }
  };
  return html`<form class="panel" onSubmit=${submit} aria-label=${t('active.transfer')} data-testid="transfer-form">
    <label>${t('transfer.queue')}
      <select value=${queueId} onChange=${e => setQueueId(e.target.value)} data-testid="transfer-queue">
        ${queues.map(q => html`<option value=${q.queueId}>${q.queueId}</option>`)}
      </select></label>
    <label>${t('transfer.agent')} <input value=${agentId} onInput=${e => setAgentId(e.target.value)} /></label>
    <p class="hint">${t('transfer.hint')}</p>
    <button type="submit" class="primary" data-testid="transfer-submit">${t('transfer.submit')}</button>
    ${error && html`<p role="alert" class="error">${error}</p>`}
  </form>`;
}

function Callback({ offer }) {
  const [phone, setPhone] = useState(offer.attributes?.callerNumber || '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [result, setResult] = useState(null);
  const submit = async e => {
    e.preventDefault();
    try {
      const cb = await post('/callbacks', { phone, queueId: offer.queueId, origin: 'api', parentContactId: offer.contactId,
        windowStart: start ? start + ':00' : null, windowEnd: end ? end + ':00' : null });
      setResult({ ok: true, text: t('callback.done', { when: dateTime(cb.dueAt) }) });
    } catch (err) { setResult({ ok: false, text: err.message }); }
  };
  return html`<form class="panel" onSubmit=${submit} aria-label=${t('active.callback')}>
    <label>${t('callback.phone')} <input required value=${phone} onInput=${e => setPhone(e.target.value)} /></label>
    <label>${t('callback.from')} <input type="datetime-local" value=${start} onInput=${e => setStart(e.target.value)} data-testid="callback-from" /></label>
    <label>${t('callback.to')} <input type="datetime-local" value=${end} onInput=${e => setEnd(e.target.value)} data-testid="callback-to" /></label>
    <button type="submit" class="primary" data-testid="callback-submit">${t('callback.submit')}</button>
    ${result && html`<p role=${result.ok ? 'status' : 'alert'} class=${result.ok ? '' : 'error'} data-testid="callback-result">${result.text}</p>`}
  </form>`;
}

function CaseForm({ offer }) {
  // the IVR's lookup names the customer; when it could not (CRM slow), the caller's number finds them
  const [customerId, setCustomerId] = useState(offer.attributes?.customerId);
  const [resolving, setResolving] = useState(!offer.attributes?.customerId);
  useEffect(() => {
    if (customerId) return;
    contextFor(offer).then(c => setCustomerId(c?.customer?.customerId)).catch(() => {})
      .finally(() => setResolving(false));
  }, [offer.contactId]);
  const [form, setForm] = useState({ category: 'FAULT_REPORT', priority: 'NORMAL', subject: '', description: '',
    productLine: offer.attributes?.productLine || '', region: offer.attributes?.region || '', dispatch: true });
  const [result, setResult] = useState(null);
  const set = k => e => setForm({ ...form, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const submit = async e => {
    e.preventDefault();
    try {
      const created = await post('/crm/cases', { customerId, contactId: offer.contactId, category: form.category,
        priority: form.priority, subject: form.subject, description: form.description || null,
        productLine: form.productLine || null, region: form.region || null, autoDispatch: form.dispatch });
      setResult({ ok: true, text: t('case.created', { id: created.caseId, status: t('status.' + created.status),
        partner: created.partnerId || '–' }), caseId: created.caseId });
    } catch (err) { setResult({ ok: false, text: err.message }); }
  };
  if (!customerId) return html`<p class="panel">${resolving ? t('common.loading') : t('case.noCustomer')}</p>`;
  return html`<div>
    <${NewCase} offer=${offer} customerId=${customerId} form=${form} set=${set} submit=${submit} result=${result} />
    <${CaseUpdate} offer=${offer} customerId=${customerId} />
  </div>`;
}

const STATUSES = ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELLED', 'REGISTERED'];

/** Moves one of the customer's open cases on: a status with a note, or a dispatch to a partner. */
function CaseUpdate({ customerId }) {
  const [cases, setCases] = useState([]);
  const [caseId, setCaseId] = useState('');
  const [status, setStatus] = useState('IN_PROGRESS');
  const [note, setNote] = useState('');
  const [delay, setDelay] = useState('');
  const [result, setResult] = useState(null);
  const load = () => get(`/crm/customers/${encodeURIComponent(customerId)}/context`).then(c => {
    setCases(c.openCases || []);
    setCaseId(id => id || c.openCases?.[0]?.caseId || '');
  }).catch(() => {});
  useEffect(() => { load(); }, [customerId]);
  if (!cases.length) return null;
  const act = async (call, done) => {
    try { const c = await call(); setResult({ ok: true, text: done(c) }); load(); }
    catch (err) { setResult({ ok: false, text: err.message }); }
  };
  const update = e => {
    e.preventDefault();
    act(() => post(`/crm/cases/${encodeURIComponent(caseId)}/status`, { status, note: note || null, delayReason: delay || null }),
      c => t('case.updated', { id: c.caseId, status: t('status.' + c.status) }));
  };
  const dispatch = () => act(() => post(`/crm/cases/${encodeURIComponent(caseId)}/dispatch`, {}),
    c => t('case.created', { id: c.caseId, status: t('status.' + c.status), partner: c.partnerId || '–' }));
  return html`<form class="panel" onSubmit=${update} aria-label=${t('case.update')} data-testid="case-update">
    <h3>${t('case.update')}</h3>
    <label>${t('boards.case')} <select value=${caseId} onChange=${e => setCaseId(e.target.value)}>
      ${cases.map(c => html`<option value=${c.caseId}>${c.caseId} · ${t('case.' + c.category)} · ${t('status.' + c.status)}</option>`)}</select></label>
    <label>${t('boards.status')} <select value=${status} onChange=${e => setStatus(e.target.value)}>
      ${STATUSES.map(x => html`<option value=${x}>${t('status.' + x)}</option>`)}</select></label>
    ${status === 'ON_HOLD' && html`<label>${t('case.delayReason')} <input required value=${delay} onInput=${e => setDelay(e.target.value)} /></label>`}
    <label>${t('case.note')} <input value=${note} onInput=${e => setNote(e.target.value)} /></label>
    <button type="submit">${t('case.updateSubmit')}</button>
    <button type="button" onClick=${dispatch}>${t('case.dispatchNow')}</button>
    ${result && html`<p role=${result.ok ? 'status' : 'alert'} class=${result.ok ? '' : 'error'}>${result.text}</p>`}
  </form>`;
}

function NewCase({ form, set, submit, result }) {
  return html`<form class="panel" onSubmit=${submit} aria-label=${t('active.case')} data-testid="case-form">
    <label>${t('case.category')} <select value=${form.category} onChange=${set('category')}>
      ${CATEGORIES.map(c => html`<option value=${c}>${t('case.' + c)}</option>`)}</select></label>
    <label>${t('case.priority')} <select value=${form.priority} onChange=${set('priority')}>
      ${PRIORITIES.map(p => html`<option value=${p}>${t('priority.' + p)}</option>`)}</select></label>
    <label>${t('case.subject')} <input required maxlength="200" value=${form.subject} onInput=${set('subject')} data-testid="case-subject" /></label>
    <label>${t('case.productLine')} <input value=${form.productLine} onInput=${set('productLine')} data-testid="case-product" /></label>
    <label>${t('case.region')} <input value=${form.region} onInput=${set('region')} data-testid="case-region" /></label>
    <label>${t('case.description')} <textarea rows="2" value=${form.description} onInput=${set('description')}></textarea></label>
    <label class="check"><input type="checkbox" checked=${form.dispatch} onChange=${set('dispatch')} /> ${t('case.dispatch')}</label>
    <button type="submit" class="primary" data-testid="case-submit">${t('case.submit')}</button>
    ${result && html`<p role=${result.ok ? 'status' : 'alert'} class=${result.ok ? '' : 'error'} data-testid="case-result"
      data-case=${result.caseId || ''}>${result.text}</p>`}
  </form>`;
}

function WrapUp({ wrap, onDone }) {
  const [codes, setCodes] = useState([]);
  const [disposition, setDisposition] = useState('');
  const [notes, setNotes] = useState(wrap.notes || '');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { get('/crm/dispositions').then(c => { setCodes(c); setDisposition(c[0]); }); }, []);
  const submit = async e => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // the interaction follows the contact's events into the CRM: it may trail the desk by a moment
      await retrying(() => post(`/crm/interactions/${encodeURIComponent(wrap.offer.contactId)}/wrap-up`, { disposition, notes }), [404, 409]);
      onDone(() => t('wrap.saved'));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? t('wrap.noInteraction') : err.message);
    } finally { setBusy(false); }
  };
  return html`<section class="card wrapup" aria-labelledby="wrap-h" data-testid="wrapup">
    <h2 id="wrap-h">${t('wrap.title')}</h2>
    <form onSubmit=${submit}>
      <label>${t('wrap.disposition')}
        <select value=${disposition} onChange=${e => setDisposition(e.target.value)} data-testid="disposition">
          ${codes.map(c => html`<option value=${c}>${t('disposition.' + c)}</option>`)}
        </select></label>
      <label>${t('active.notes')} <textarea rows="3" value=${notes} onInput=${e => setNotes(e.target.value)} data-testid="wrap-notes"></textarea></label>
      <button type="submit" class="primary" disabled=${busy} data-testid="wrap-submit">${t('wrap.submit')}</button>
      <button type="button" onClick=${() => onDone(() => t('wrap.skipped'))}>${t('wrap.skip')}</button>
      ${error && html`<p role="alert" class="error">${error}</p>`}
    </form>
  </section>`;
}

mount(Desk, { role: 'agent', title: 'desk.title' });
