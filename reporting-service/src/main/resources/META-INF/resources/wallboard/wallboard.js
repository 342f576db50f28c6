// The stream is protected like the APIs: the token travels in the Authorization header (EventSource cannot
// send one), and never in a URL the server sees (the #fragment stays in the browser).
const params = new URLSearchParams(location.hash.slice(1));
const target = Number(params.get('target') || 0.8);        // service-level target
const maxWait = Number(params.get('maxWait') || 60);       // seconds before the longest wait alerts
if (params.get('token')) { sessionStorage.setItem('cc-token', params.get('token')); history.replaceState(null, '', location.pathname); }

function fmtWait(s) { s = Math.round(s); return s >= 60 ? Math.floor(s / 60) + 'm ' + (s % 60) + 's' : s + 's'; }
function pct(v) { return v == null ? '–' : (100 * v).toFixed(1) + ' %'; }

function render(frame) {
  const body = document.querySelector('#queues tbody');
  const alerts = [];
  body.innerHTML = '';
  for (const q of frame.queues) {
    const tr = document.createElement('tr');
    tr.dataset.queue = q.queueId;
    const slClass = q.serviceLevelToday == null ? '' : q.serviceLevelToday >= target ? 'good' : 'bad';
    const waitClass = q.longestWaitSeconds > maxWait ? 'bad' : q.longestWaitSeconds > maxWait / 2 ? 'warn' : '';
    for (const [text, cls] of [[q.queueId, ''], [q.waiting, ''], [fmtWait(q.longestWaitSeconds), waitClass],
        [q.estimatedWaitSeconds == null ? '–' : fmtWait(q.estimatedWaitSeconds), ''],
        [pct(q.serviceLevelToday), slClass], [q.offeredToday, ''], [q.answeredToday, ''], [q.abandonedToday, ''],
        [q.scheduledCallbacks, '']]) {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.appendChild(td);
    }
    body.appendChild(tr);
    if (q.serviceLevelToday != null && q.serviceLevelToday < target) {
      alerts.push(`${q.queueId}: service level ${pct(q.serviceLevelToday)} below target ${pct(target)}`);
    }
    if (q.longestWaitSeconds > maxWait) {
      alerts.push(`${q.queueId}: a caller has waited ${fmtWait(q.longestWaitSeconds)}`);
    }
  }
  document.getElementById('alerts').innerHTML = '';
  for (const a of alerts) {
    const li = document.createElement('li'); li.className = 'alert'; li.textContent = a;
    document.getElementById('alerts').appendChild(li);
  }
  const agents = document.getElementById('agents');
  agents.innerHTML = '';
  for (const [state, n] of Object.entries(frame.agentsByState)) {
    const span = document.createElement('span'); span.textContent = `${state}: ${n}`; agents.appendChild(span);
  }
  const b = frame.backlog;
  if (b) {
    document.getElementById('backlog').textContent = `Backlog: ${b.waitingContacts} waiting · ${b.scheduledCallbacks}`
      + ` callbacks · ${b.openCases} open cases (${b.overdueCases} overdue)`;
  }
  document.getElementById('queues').hidden = false;
  chartQueues = frame.queues.map(q => q.queueId).slice(0, 6);
  if (Date.now() - chartDrawnAt > 60000) { chartDrawnAt = Date.now(); drawChart().catch(() => { chartDrawnAt = 0; }); }
  document.getElementById('status').textContent = 'live · ' + new Date(frame.at).toLocaleTimeString();
}

// The day's service level comes from the historical intervals (the same definition as the reports), refreshed
// once a minute; the live table above comes from the stream.
const COLORS = ['#4fc3f7', '#ffb74d', '#81c784', '#e57373', '#ba68c8', '#fff176'];
let chartQueues = [];
let chartDrawnAt = 0;
async function drawChart() {
  const token = sessionStorage.getItem('cc-token');
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const to = new Date(Math.ceil(now.getTime() / 900000) * 900000 + (now.getTime() % 900000 === 0 ? 900000 : 0));
  const W = 960, H = 220, slots = 96;
  const x = i => (i + 0.5) * W / slots, y = v => H - 10 - v * (H - 20);
  let svg = `<line x1="0" x2="${W}" y1="${y(target)}" y2="${y(target)}" stroke="#8a96a3" stroke-dasharray="6 6"/>`;
  let legend = '';
  for (const [k, queue] of chartQueues.entries()) {
    const url = `/reports/queues/${encodeURIComponent(queue)}/intervals?from=${from.toISOString()}&to=${to.toISOString()}&interval=PT15M`;
    const response = await fetch(url, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
    if (!response.ok) continue;
    const report = await response.json();
    const points = report.rows.map((r, i) => r.serviceLevel == null ? null : `${x(i).toFixed(1)},${y(r.serviceLevel).toFixed(1)}`)
      .filter(p => p != null);
    const color = COLORS[k % COLORS.length];
    svg += `<polyline data-queue="${queue.replace(/"/g, '')}" data-points="${points.length}" fill="none" stroke="${color}"`
      + ` stroke-width="2" points="${points.join(' ')}"/>`;
    legend += `<span class="c${k % COLORS.length}">${queue.replace(/</g, '&lt;')}</span>`;
  }
  document.getElementById('chart').innerHTML = svg;
  document.getElementById('legend').innerHTML = legend;
  document.getElementById('chart-box').hidden = false;
}

async function connect(token) {
  const response = await fetch('/reports/realtime/stream', { headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' } });
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem('cc-token');
    document.getElementById('status').textContent = 'not authorized (' + response.status + ')';
    document.getElementById('login').hidden = false;
    return;
  }
  document.getElementById('status').textContent = 'live';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end); buffer = buffer.slice(end + 2);
      const data = event.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('\n');
      if (data) render(JSON.parse(data));
    }
  }
  document.getElementById('status').textContent = 'reconnecting…';
  setTimeout(() => connect(token), 2000);
}

document.getElementById('login').addEventListener('submit', e => {
  e.preventDefault();
  const t = document.getElementById('token').value.trim();
  sessionStorage.setItem('cc-token', t);
  document.getElementById('login').hidden = true;
  connect(t);
});
const saved = sessionStorage.getItem('cc-token');
if (saved) connect(saved).catch(e => { document.getElementById('status').textContent = 'error: ' + e; });
else { document.getElementById('login').hidden = false; document.getElementById('status').textContent = 'token needed'; }
