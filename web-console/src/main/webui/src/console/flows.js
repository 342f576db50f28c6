// The IVR flow editor: the document (YAML or JSON) with the validator's errors shown at their nodes, the flow as a
// graph, the dry-run simulator, and publish, rollback and version history.
import { useState, useEffect } from 'preact/hooks';
import YAML from 'yaml';
import { html } from '../lib/ui.js';
import { get, post, api, ApiError } from '../lib/api.js';
import { t, dateTime, number } from '../lib/i18n.js';
import { graph, errorsByNode, parseInputs, prune } from '../lib/flowgraph.js';

export function Flows() {
  const [flows, setFlows] = useState([]);
  const [flowId, setFlowId] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState([]);
  const [versions, setVersions] = useState([]);
  const [message, setMessage] = useState(null);
  const [sim, setSim] = useState(null);
  const [inputs, setInputs] = useState('');
  const [caller, setCaller] = useState('+4930123456');

  const loadList = () => get('/ivr/flows').then(setFlows).catch(e => setMessage({ ok: false, text: e.message }));
  const loadVersions = id => get(`/ivr/flows/${encodeURIComponent(id)}/versions`).then(setVersions).catch(() => setVersions([]));
  const open = async id => {
    setFlowId(id); setErrors([]); setSim(null); setMessage(null);
    if (!id) return;
    const list = await get(`/ivr/flows/${encodeURIComponent(id)}/versions`).catch(() => []);
    setVersions(list);
    const latest = list[list.length - 1];
    if (latest) setText(YAML.stringify(prune(latest.document)));
  };
  useEffect(() => { loadList(); }, []);

  let doc = null, parseError = null;
  try { doc = YAML.parse(text); } catch (e) { parseError = e.message; }
  const g = doc && typeof doc === 'object' ? graph(doc) : null;
  const byNode = errorsByNode(errors);

  const save = async () => {
    setMessage(null); setErrors([]);
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(flowId)) { setMessage({ ok: false, text: t('flows.badId') }); return; }
    try {
      const v = await api('PUT', `/ivr/flows/${encodeURIComponent(flowId)}`, text, { contentType: 'application/yaml' });
      setMessage({ ok: true, text: t('flows.saved', { version: v.version }) });
      loadVersions(flowId); loadList();
    } catch (e) {
      if (e instanceof ApiError && e.problem?.errors) {
        setErrors(e.problem.errors);
        setMessage({ ok: false, text: t('flows.invalid', { n: e.problem.errors.length }) });
      } else setMessage({ ok: false, text: e.message });
    }
  };
  const publish = async () => {
    try { const v = await post(`/ivr/flows/${encodeURIComponent(flowId)}/publish`); setMessage({ ok: true, text: t('flows.published', { version: v.version }) }); }
    catch (e) { setMessage({ ok: false, text: e.message }); }
    loadVersions(flowId);
  };
  const rollback = async version => {
    try { const v = await post(`/ivr/flows/${encodeURIComponent(flowId)}/rollback`, { version }); setMessage({ ok: true, text: t('flows.rolledBack', { version: v.version }) }); }
    catch (e) { setMessage({ ok: false, text: e.message }); }
    loadVersions(flowId);
  };
  const simulate = async () => {
    try { setSim(await post(`/ivr/flows/${encodeURIComponent(flowId)}/simulate`, { caller, inputs: parseInputs(inputs) })); }
    catch (e) { setSim(null); setMessage({ ok: false, text: e.message }); }
  };

  return html`
    <section class="card" aria-labelledby="flows-h">
      <h2 id="flows-h">${t('flows.title')}</h2>
      <div class="filters">
        <label>${t('flows.flow')} <select value=${flows.some(f => f.flowId === flowId) ? flowId : ''} onChange=${e => open(e.target.value)} data-testid="flow-select">
          <option value="">${t('flows.choose')}</option>
          ${flows.map(f => html`<option value=${f.flowId}>${f.flowId}</option>`)}</select></label>
        <label>${t('flows.id')} <input value=${flowId} onInput=${e => setFlowId(e.target.value)} data-testid="flow-id" /></label>
      </div>
      ${message && html`<p role=${message.ok ? 'status' : 'alert'} class=${'notice ' + (message.ok ? 'info' : 'error')} data-testid="flow-message">${message.text}</p>`}
      <div class="flow-grid">
        <div>
          <label for="flow-doc">${t('flows.document')}</label>
          <textarea id="flow-doc" class="code" rows="24" spellcheck="false" value=${text} onInput=${e => setText(e.target.value)}
            aria-invalid=${errors.length > 0 || !!parseError} aria-describedby="flow-errors" data-testid="flow-doc"></textarea>
          <div id="flow-errors" data-testid="flow-errors">
            ${parseError && html`<p class="error">${t('flows.parse')}: ${parseError}</p>`}
            ${byNode[''] && html`<ul class="error">${byNode[''].map(m => html`<li>${m}</li>`)}</ul>`}
            ${Object.entries(byNode).filter(([k]) => k).map(([id, msgs]) => html`<p class="error" data-node-error=${id}><strong>${id}</strong>: ${msgs.join('; ')}</p>`)}
          </div>
          <div class="actions">
            <button type="button" class="primary" onClick=${save} data-testid="flow-save">${t('flows.save')}</button>
            <button type="button" onClick=${publish} data-testid="flow-publish">${t('flows.publish')}</button>
          </div>
        </div>
        <div>
          <h3>${t('flows.graph')}</h3>
          ${g ? html`<${Graph} g=${g} byNode=${byNode} path=${sim?.path || []} />` : html`<p>${t('flows.noGraph')}</p>`}
        </div>
      </div>
    </section>
    <section class="card" aria-labelledby="sim-h">
      <h2 id="sim-h">${t('flows.simulate')}</h2>
      <div class="filters">
        <label>${t('flows.caller')} <input value=${caller} onInput=${e => setCaller(e.target.value)} /></label>
        <label>${t('flows.inputs')} <input size="40" value=${inputs} onInput=${e => setInputs(e.target.value)} placeholder="1, speech:repair, 12345678" data-testid="sim-inputs" /></label>
        <button type="button" class="primary" onClick=${simulate} data-testid="sim-run">${t('flows.run')}</button>
      </div>
      ${sim && html`<div data-testid="sim-result">
        <p>${t('flows.outcome')}: <strong data-testid="sim-outcome">${sim.outcome || t('flows.unfinished')}</strong> · ${t('flows.version')} ${number(sim.version)}</p>
        <p>${t('flows.path')}: <span data-testid="sim-path">${sim.path.join(' → ')}</span></p>
        <ol>${sim.steps.map(s => html`<li>${s.input ? html`<em>${s.input.type} ${s.input.digits || s.input.text || ''}</em> → ` : ''}
          ${s.actions.map(a => a.type + (a.text ? ` “${a.text}”` : a.queueId ? ' ' + a.queueId : '')).join(' · ')}</li>`)}</ol>
        ${sim.effects.length > 0 && html`<p>${t('flows.effects')}: <span data-testid="sim-effects">${sim.effects.join('; ')}</span></p>`}
      </div>`}
    </section>
    <section class="card" aria-labelledby="versions-h">
      <h2 id="versions-h">${t('flows.versions')}</h2>
      <table class="grid" data-testid="versions"><thead><tr><th scope="col">${t('flows.version')}</th><th scope="col">${t('boards.status')}</th>
        <th scope="col">${t('flows.created')}</th><th scope="col">${t('flows.publishedAt')}</th><th scope="col"></th></tr></thead>
        <tbody>${[...versions].reverse().map(v => html`<tr data-version=${v.version} data-active=${v.active}>
          <th scope="row">${number(v.version)}</th><td>${v.status}${v.active ? html` <span class="badge good">${t('flows.active')}</span>` : ''}</td>
          <td>${dateTime(v.createdAt)} · ${v.createdBy || ''}</td><td>${dateTime(v.publishedAt)}</td>
          <td>${v.status === 'PUBLISHED' && !v.active && html`<button type="button" onClick=${() => rollback(v.version)} data-testid="rollback">${t('flows.rollback')}</button>`}</td></tr>`)}
        </tbody></table>
    </section>`;
}

function Graph({ g, byNode, path }) {
  const W = 124, H = 40, GX = 26, GY = 12;
  const pos = id => ({ x: g.nodes[id].x * (W + GX) + 10, y: g.nodes[id].y * (H + GY) + 10 });
  const ids = Object.keys(g.nodes);
  const width = (Math.max(0, ...ids.map(id => g.nodes[id].x)) + 1) * (W + GX) + 20;
  const height = (Math.max(0, ...ids.map(id => g.nodes[id].y)) + 1) * (H + GY) + 20;
  const visited = new Set(path);
  return html`<div class="graph-wrap" dir="ltr"><svg role="img" aria-label=${t('flows.graphLabel', { n: ids.length })} width=${width} height=${height} data-testid="flow-graph">
    ${g.edges.map(e => { const a = pos(e.from), b = pos(e.to);
      return html`<line x1=${a.x + W} y1=${a.y + H / 2} x2=${b.x} y2=${b.y + H / 2} class="edge"><title>${e.from} → ${e.to} (${e.label})</title></line>`; })}
    ${ids.map(id => { const p = pos(id); const bad = byNode[id];
      return html`<g class=${'node' + (bad ? ' invalid' : '') + (visited.has(id) ? ' visited' : '') + (id === g.start ? ' start' : '')}
          data-node=${id} data-invalid=${bad ? 'true' : 'false'}>
        <rect x=${p.x} y=${p.y} width=${W} height=${H} rx="6"></rect>
        <text x=${p.x + 8} y=${p.y + 18}>${id.length > 15 ? id.slice(0, 14) + '…' : id}</text>
        <text x=${p.x + 8} y=${p.y + 34} class="type">${g.nodes[id].type}${bad ? ' ⚠' : ''}</text>
        <title>${id} (${g.nodes[id].type})${bad ? ': ' + bad.join('; ') : ''}</title></g>`; })}
  </svg></div>`;
}
