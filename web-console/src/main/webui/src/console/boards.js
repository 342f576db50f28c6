// Callbacks and cases, overdue first: what needs a supervisor's attention before what is merely open.
import { useState, useEffect } from 'preact/hooks';
import { html } from '../lib/ui.js';
import { get } from '../lib/api.js';
import { t, dateTime, number } from '../lib/i18n.js';
import { overdueFirst } from '../lib/board.js';

const OPEN_CASES = ['REGISTERED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

export function Boards() {
  const [callbacks, setCallbacks] = useState([]);
  const [cases, setCases] = useState([]);
  const [error, setError] = useState(null);
  useEffect(() => {
    const load = async () => {
      try {
        const cb = await Promise.all(['SCHEDULED', 'QUEUED', 'DIALING'].map(s => get(`/callbacks?status=${s}`).catch(() => [])));
        setCallbacks(cb.flat());
        const cs = await Promise.all(OPEN_CASES.map(s => get(`/crm/cases?status=${s}`).catch(() => [])));
        setCases(cs.flat());
      } catch (e) { setError(e.message); }
    };
    load();
    const id = setInterval(load, 10000);
    return () => clearInterval(id);
  }, []);
  const now = Date.now();
  const cbRows = overdueFirst(callbacks, c => c.windowEnd || c.dueAt, now);
  const caseRows = overdueFirst(cases, c => c.slaDueAt, now);
  return html`
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <section class="card" aria-labelledby="cb-h">
      <h2 id="cb-h">${t('boards.callbacks')} <span class="badge">${number(cbRows.length)}</span></h2>
      <table class="grid" data-testid="callbacks"><thead><tr>
        <th scope="col">${t('boards.callback')}</th><th scope="col">${t('q.queue')}</th><th scope="col">${t('boards.status')}</th>
        <th scope="col">${t('boards.due')}</th><th scope="col">${t('boards.windowEnd')}</th><th scope="col">${t('boards.attempts')}</th></tr></thead>
        <tbody>${cbRows.slice(0, 200).map(c => {
          const late = Date.parse(c.windowEnd || c.dueAt) < now;
          return html`<tr class=${late ? 'overdue' : ''} data-callback=${c.callbackId}><th scope="row">${c.callbackId}</th><td>${c.queueId}</td>
            <td>${c.status}${late ? html` <span class="badge bad">${t('pop.overdue')}</span>` : ''}</td><td>${dateTime(c.dueAt)}</td>
            <td>${dateTime(c.windowEnd)}</td><td>${number(c.attempts)}</td></tr>`;
        })}</tbody></table>
    </section>
    <section class="card" aria-labelledby="cases-h">
      <h2 id="cases-h">${t('boards.cases')} <span class="badge">${number(caseRows.length)}</span></h2>
      <table class="grid" data-testid="cases"><thead><tr>
        <th scope="col">${t('boards.case')}</th><th scope="col">${t('case.category')}</th><th scope="col">${t('case.priority')}</th>
        <th scope="col">${t('boards.status')}</th><th scope="col">${t('boards.partner')}</th><th scope="col">${t('pop.slaDue')}</th></tr></thead>
        <tbody>${caseRows.slice(0, 200).map(c => html`<tr class=${c.overdue ? 'overdue' : ''} data-case=${c.caseId}>
          <th scope="row">${c.caseId}</th><td>${t('case.' + c.category)}</td><td>${t('priority.' + c.priority)}</td>
          <td>${t('status.' + c.status)}${c.overdue ? html` <span class="badge bad">${t('pop.overdue')}</span>` : ''}</td>
          <td>${c.partnerId || '–'}</td><td>${dateTime(c.slaDueAt)}</td></tr>`)}</tbody></table>
    </section>`;
}
