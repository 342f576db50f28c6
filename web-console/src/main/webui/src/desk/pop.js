// The screen pop: who is calling and why, from the offer's attributes (what the IVR collected) and crm-service's
// caller context (profile, risk, history, open cases), so the agent never asks twice.
import { useState, useEffect } from 'preact/hooks';
import { html } from '../lib/ui.js';
import { get, ApiError } from '../lib/api.js';
import { t, has, dateTime, number } from '../lib/i18n.js';

/** Attributes the IVR or routing set for machines, not for the agent's eyes. */
const INTERNAL = new Set(['customerId', 'callerNumber', 'callId', 'sessionId', 'ivrSessionId', 'flowId', 'flowVersion', 'contactId']);

/**
 * The caller's context for a contact, fetched once per contact: the pop shows it while the offer rings and again on
 * the contact, and the case form needs the customer id from it.
 */
const contexts = new Map();
export function contextFor(offer) {
  if (!contexts.has(offer.contactId)) {
    if (contexts.size > 50) contexts.delete(contexts.keys().next().value);
    contexts.set(offer.contactId, loadContext(offer.attributes).catch(e => { contexts.delete(offer.contactId); throw e; }));
  }
  return contexts.get(offer.contactId);
}

async function loadContext(attributes) {
  if (attributes?.customerId) return get(`/crm/customers/${encodeURIComponent(attributes.customerId)}/context`);
  if (attributes?.callerNumber) {
    try {
      return await get(`/crm/customers/lookup?phone=${encodeURIComponent(attributes.callerNumber)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }
  return null;
}

export function Pop({ offer }) {
  const [ctx, setCtx] = useState(undefined);
  const [timeline, setTimeline] = useState([]);
  const [error, setError] = useState(null);
  const attributes = offer.attributes || {};
  useEffect(() => {
    let live = true;
    contextFor(offer).then(async c => {
      if (!live) return;
      setCtx(c);
      if (c?.customer?.customerId) {
        const items = await get(`/crm/customers/${encodeURIComponent(c.customer.customerId)}/interactions?limit=5`).catch(() => []);
        if (live) setTimeline(items);
      }
    }).catch(e => live && setError(e.message));
    return () => { live = false; };
  }, [offer.contactId]);
  const collected = Object.entries(attributes).filter(([k]) => !INTERNAL.has(k));
  const customer = ctx?.customer;
  return html`
    <section class="card pop" aria-labelledby=${'pop-' + offer.contactId} data-testid="pop">
      <h3 id=${'pop-' + offer.contactId}>
        ${customer ? html`<span data-testid="pop-name">${customer.displayName}</span>` : t('pop.unknown')}
        ${customer?.segment && html` <span class=${'badge ' + (customer.segment === 'VIP' ? 'vip' : '')}
          data-testid="pop-segment">${customer.segment === 'VIP' ? t('pop.vip') : customer.segment}</span>`}
      </h3>
      ${error && html`<p role="alert" class="error">${t('pop.crmError')}: ${error}</p>`}
      ${ctx === undefined && !error && html`<p>${t('common.loading')}</p>`}
      <div class="pop-grid">
        <div>
          <h4>${t('pop.collected')}</h4>
          <dl data-testid="pop-ivr">
            ${collected.length === 0 && html`<dd>${t('pop.nothingCollected')}</dd>`}
            ${collected.map(([k, v]) => html`<dt>${has('attr.' + k) ? t('attr.' + k) : k}</dt><dd data-attr=${k}>${v}</dd>`)}
          </dl>
        </div>
        ${ctx?.risk && html`<div>
          <h4>${t('pop.risk')}</h4>
          <p data-testid="pop-risk"><span class=${'badge risk-' + ctx.risk.level}>${t('risk.' + ctx.risk.level)}</span>
            ${' '}${number(ctx.risk.score)}/${number(100)}</p>
          <ul>${ctx.risk.reasons.map(r => html`<li>${r}</li>`)}</ul>
        </div>`}
        ${ctx && html`<div>
          <h4>${t('pop.openCases')}</h4>
          ${ctx.openCases.length === 0 ? html`<p>${t('pop.noCases')}</p>` : html`
          <ul data-testid="pop-cases">
            ${ctx.openCases.map(c => html`<li data-case=${c.caseId} class=${c.overdue ? 'overdue' : ''}>
              <strong>${c.caseId}</strong> · ${t('case.' + c.category)} · ${t('status.' + c.status)}
              <br/>${t('pop.slaDue')} ${dateTime(c.slaDueAt)} ${c.overdue ? html`<span class="badge bad">${t('pop.overdue')}</span>` : ''}
            </li>`)}
          </ul>`}
        </div>`}
        ${ctx && html`<div>
          <h4>${t('pop.recent')}</h4>
          <p>${t('pop.contactsInWindow', { n: ctx.history.contacts, days: ctx.history.windowDays })}</p>
          <ul data-testid="pop-recent">
            ${timeline.map(i => html`<li>${dateTime(i.startedAt)} · ${i.channel || i.kind} · ${i.queueId || ''}
              · <strong>${t('outcome.' + i.outcome)}</strong>${i.disposition ? ' · ' + i.disposition : ''}</li>`)}
          </ul>
        </div>`}
      </div>
    </section>`;
}
