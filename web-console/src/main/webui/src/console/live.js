// Live queues and agents, with filters, grouping and sorting that stay quick at 100 queues and 2,000 agents:
// rows are filtered and sorted in memory and only the first page of each group is drawn.
import { useState, useEffect } from 'preact/hooks';
import { html } from '../lib/ui.js';
import { get, post } from '../lib/api.js';
import { stream } from '../lib/sse.js';
import { t, number, percent, duration } from '../lib/i18n.js';
import { view, group, prefixOf, aggregateAlerts } from '../lib/board.js';

const PAGE = 100;
const STATES = ['AVAILABLE', 'RESERVED', 'BUSY', 'WRAP_UP', 'NOT_READY', 'LOGGED_OUT'];

export function Live({ settings }) {
  const [frame, setFrame] = useState(null);
  const [agents, setAgents] = useState([]);
  const [link, setLink] = useState('connecting');
  useEffect(() => {
    const s = stream('/reports/realtime/stream', setFrame, setLink);
    const load = () => get('/reports/realtime/agents').then(setAgents).catch(() => {});
    load();
    const id = setInterval(load, 3000);
    return () => { s.close(); clearInterval(id); };
  }, []);
  const queues = frame?.queues || [];
  return html`
    <p class="link" role="status" data-testid="link" data-state=${link}>${t('desk.link.' + link)}</p>
    <${Alerts} queues=${queues} settings=${settings} />
    ${frame?.backlog && html`<p class="backlog" data-testid="backlog">${t('live.backlog', frame.backlog)}</p>`}
    <${Queues} queues=${queues} settings=${settings} />
    <${Agents} agents=${agents} />`;
}

function Alerts({ queues, settings }) {
  const alerts = aggregateAlerts(queues, settings);
  return html`<section class="card" aria-labelledby="alerts-h" data-testid="alerts">
    <h2 id="alerts-h">${t('live.alerts')} <span class="badge">${number(alerts.reduce((n, a) => n + a.count, 0))}</span></h2>
    ${alerts.length === 0 ? html`<p>${t('live.noAlerts')}</p>` : alerts.map(a => html`
      <details class=${'alert ' + a.kind} data-kind=${a.kind}>
        <summary>${t('alert.' + a.kind, { n: a.count, queue: a.worst.queueId,
          sl: percent(a.worst.serviceLevelToday), wait: duration(a.worst.longestWaitSeconds) })}</summary>
        <p>${a.queues.slice(0, 50).join(', ')}${a.queues.length > 50 ? ' …' : ''}</p>
      </details>`)}
  </section>`;
}

function SortHeader({ label, k, sort, setSort }) {
  const dir = sort.key === k ? sort.dir : null;
  return html`<th scope="col" aria-sort=${dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
    <button type="button" class="sort" onClick=${() => setSort({ key: k, dir: dir === 'asc' ? 'desc' : 'asc' })}>${label}${dir ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</button></th>`;
}

function Queues({ queues, settings }) {
  const [filter, setFilter] = useState('');
  const [grouping, setGrouping] = useState('none');
  const [sort, setSort] = useState({ key: 'waiting', dir: 'desc' });
  const [open, setOpen] = useState(null);
  const rows = view(queues, { filter, fields: ['queueId'], sortKey: sort.key, sortDir: sort.dir });
  const keyOf = grouping === 'prefix' ? q => prefixOf(q.queueId)
    : grouping === 'health' ? q => (q.serviceLevelToday != null && q.serviceLevelToday < settings.target) || q.longestWaitSeconds > settings.maxWait ? t('live.alerting') : t('live.ok')
    : () => '';
  const groups = group(rows, keyOf);
  const cols = [['queueId', t('q.queue')], ['waiting', t('q.waiting')], ['longestWaitSeconds', t('q.longest')],
    ['estimatedWaitSeconds', t('q.ewt')], ['serviceLevelToday', t('q.sl')], ['offeredToday', t('q.offered')],
    ['answeredToday', t('q.answered')], ['abandonedToday', t('q.abandoned')], ['scheduledCallbacks', t('q.callbacks')]];
  return html`<section class="card" aria-labelledby="queues-h">
    <h2 id="queues-h">${t('live.queues')} <span class="badge">${number(rows.length)} / ${number(queues.length)}</span></h2>
    <div class="filters">
      <label>${t('common.filter')} <input type="search" value=${filter} onInput=${e => setFilter(e.target.value)} data-testid="queue-filter" /></label>
      <label>${t('common.group')} <select value=${grouping} onChange=${e => setGrouping(e.target.value)} data-testid="queue-group">
        <option value="none">${t('group.none')}</option><option value="prefix">${t('group.prefix')}</option>
        <option value="health">${t('group.health')}</option></select></label>
    </div>
    <table class="grid" data-testid="queues">
      <thead><tr>${cols.map(([k, l]) => html`<${SortHeader} label=${l} k=${k} sort=${sort} setSort=${setSort} />`)}<th scope="col">${t('q.contacts')}</th></tr></thead>
      ${groups.map(g => html`<tbody>
        ${g.key && html`<tr class="group"><th colspan="10" scope="rowgroup">${g.key} (${number(g.items.length)})</th></tr>`}
        ${g.items.slice(0, PAGE).map(q => html`<tr data-queue=${q.queueId}>
          <th scope="row">${q.queueId}</th><td>${number(q.waiting)}</td>
          <td class=${q.longestWaitSeconds > settings.maxWait ? 'bad' : ''}>${duration(q.longestWaitSeconds)}</td>
          <td>${q.estimatedWaitSeconds == null ? '–' : duration(q.estimatedWaitSeconds)}</td>
          <td class=${q.serviceLevelToday == null ? '' : q.serviceLevelToday >= settings.target ? 'good' : 'bad'}>${percent(q.serviceLevelToday)}</td>
          <td>${number(q.offeredToday)}</td><td>${number(q.answeredToday)}</td><td>${number(q.abandonedToday)}</td>
          <td>${number(q.scheduledCallbacks)}</td>
          <td><button type="button" onClick=${() => setOpen(open === q.queueId ? null : q.queueId)} aria-expanded=${open === q.queueId}
            data-testid="open-waiting">${t('q.show')}</button></td></tr>`)}
      </tbody>`)}
    </table>
    ${open && html`<${Waiting} queueId=${open} queues=${queues} />`}
  </section>`;
}

function Waiting({ queueId, queues }) {
  const [contacts, setContacts] = useState(null);
  const [message, setMessage] = useState(null);
  const load = () => get(`/routing/contacts?queue=${encodeURIComponent(queueId)}&limit=50`).then(setContacts).catch(e => setMessage(e.message));
  useEffect(() => { load(); }, [queueId]);
  const move = async (contactId, target) => {
    try {
      await post(`/routing/contacts/${encodeURIComponent(contactId)}/transfer`, { queueId: target });
      setMessage(t('waiting.moved', { id: contactId, queue: target }));
    } catch (e) { setMessage(e.message); }
    load();
  };
  return html`<section class="panel" aria-labelledby="waiting-h" data-testid="waiting">
    <h3 id="waiting-h">${t('waiting.title', { queue: queueId })}</h3>
    ${message && html`<p role="status" data-testid="waiting-message">${message}</p>`}
    ${contacts && contacts.length === 0 && html`<p>${t('waiting.none')}</p>`}
    ${contacts && contacts.length > 0 && html`<table class="grid"><thead><tr><th scope="col">#</th><th scope="col">${t('waiting.contact')}</th>
      <th scope="col">${t('waiting.since')}</th><th scope="col">${t('waiting.move')}</th></tr></thead><tbody>
      ${contacts.map(c => html`<tr data-contact=${c.contactId}><td>${number(c.position)}</td><th scope="row">${c.contactId}</th>
        <td>${duration((Date.now() - Date.parse(c.queuedAt)) / 1000)}</td>
        <td><label class="sr">${t('waiting.moveTo')}<select onChange=${e => e.target.value && move(c.contactId, e.target.value)} data-testid="move">
          <option value="">${t('waiting.moveTo')}</option>
          ${queues.filter(q => q.queueId !== queueId).map(q => html`<option value=${q.queueId}>${q.queueId}</option>`)}
        </select></label></td></tr>`)}
    </tbody></table>`}
  </section>`;
}

function Agents({ agents }) {
  const [filter, setFilter] = useState('');
  const [state, setState] = useState('');
  const [grouping, setGrouping] = useState('state');
  const [sort, setSort] = useState({ key: 'secondsInState', dir: 'desc' });
  const [shown, setShown] = useState(PAGE);
  const [message, setMessage] = useState(null);
  const rows = view(agents, { filter, fields: ['agentId', 'reasonCode'], sortKey: sort.key, sortDir: sort.dir,
    where: a => !state || a.state === state });
  const groups = grouping === 'state' ? group(rows, a => a.state).sort((a, b) => STATES.indexOf(a.key) - STATES.indexOf(b.key))
    : [{ key: '', items: rows }];
  const setAgentState = async (agentId, value) => {
    const [s, reason] = value.split(':');
    try {
      await post(`/routing/agents/${encodeURIComponent(agentId)}/state`, { state: s, reasonCode: reason || null });
      setMessage(t('agents.set', { agent: agentId, state: t('state.' + s) }));
    } catch (e) { setMessage(e.message); }
  };
  let budget = shown;
  return html`<section class="card" aria-labelledby="agents-h">
    <h2 id="agents-h">${t('live.agents')} <span class="badge">${number(rows.length)} / ${number(agents.length)}</span></h2>
    <div class="filters">
      <label>${t('common.filter')} <input type="search" value=${filter} onInput=${e => { setFilter(e.target.value); setShown(PAGE); }} data-testid="agent-filter" /></label>
      <label>${t('desk.state')} <select value=${state} onChange=${e => setState(e.target.value)} data-testid="agent-state-filter">
        <option value="">${t('common.all')}</option>${STATES.map(s => html`<option value=${s}>${t('state.' + s)}</option>`)}</select></label>
      <label>${t('common.group')} <select value=${grouping} onChange=${e => setGrouping(e.target.value)}>
        <option value="state">${t('group.state')}</option><option value="none">${t('group.none')}</option></select></label>
    </div>
    ${message && html`<p role="status" data-testid="agents-message">${message}</p>`}
    <table class="grid" data-testid="agents">
      <thead><tr>
        <${SortHeader} label=${t('agents.agent')} k="agentId" sort=${sort} setSort=${setSort} />
        <${SortHeader} label=${t('desk.state')} k="state" sort=${sort} setSort=${setSort} />
        <${SortHeader} label=${t('agents.inState')} k="secondsInState" sort=${sort} setSort=${setSort} />
        <${SortHeader} label=${t('desk.handled')} k="contactsHandledToday" sort=${sort} setSort=${setSort} />
        <th scope="col">${t('agents.change')}</th></tr></thead>
      ${groups.map(g => {
        const items = g.items.slice(0, Math.max(0, budget));
        budget -= items.length;
        return html`<tbody>
          ${g.key && html`<tr class="group"><th colspan="5" scope="rowgroup">${t('state.' + g.key)} (${number(g.items.length)})</th></tr>`}
          ${items.map(a => html`<tr data-agent=${a.agentId}><th scope="row">${a.agentId}</th>
            <td>${t('state.' + a.state)}${a.reasonCode ? ' · ' + t('reason.' + a.reasonCode) : ''}</td>
            <td>${duration(a.secondsInState)}</td><td>${number(a.contactsHandledToday)}</td>
            <td><label class="sr">${t('agents.change')} ${a.agentId}<select onChange=${e => e.target.value && setAgentState(a.agentId, e.target.value)} data-testid="set-state">
              <option value="">${t('agents.change')}</option>
              <option value="AVAILABLE">${t('state.AVAILABLE')}</option>
              <option value="NOT_READY:supervisor">${t('state.NOT_READY')}</option>
              <option value="LOGGED_OUT">${t('state.LOGGED_OUT')}</option></select></label></td></tr>`)}
        </tbody>`;
      })}
    </table>
    ${rows.length > shown && html`<button type="button" onClick=${() => setShown(shown + PAGE * 5)} data-testid="more">${t('common.more', { n: rows.length - shown })}</button>`}
  </section>`;
}
