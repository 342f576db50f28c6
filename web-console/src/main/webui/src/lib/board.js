// Pure helpers for the console's live tables and boards: filtering, grouping, sorting, alert aggregation.

export function compare(a, b) {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** Rows whose text fields contain the filter (case-insensitive), sorted by key and direction. */
export function view(rows, { filter = '', fields = [], sortKey, sortDir = 'asc', where = () => true }) {
  const f = filter.trim().toLowerCase();
  const out = rows.filter(r => where(r) && (!f || fields.some(k => String(r[k] ?? '').toLowerCase().includes(f))));
  if (sortKey) {
    const sign = sortDir === 'desc' ? -1 : 1;
    out.sort((a, b) => sign * compare(a[sortKey], b[sortKey]));
  }
  return out;
}

/** Groups rows by keyOf, keeping the rows' order inside each group and the groups in first-seen order. */
export function group(rows, keyOf) {
  const groups = new Map();
  for (const r of rows) {
    const k = keyOf(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  return [...groups.entries()].map(([key, items]) => ({ key, items }));
}

/** The queue's group for "by prefix": the part before the first '-', '.' or '_' (teams, regions, brands). */
export function prefixOf(queueId) { return String(queueId).split(/[-._]/)[0]; }

/**
 * The wallboard's alerts, aggregated: one entry per kind with the queues it concerns, worst first, instead of a line
 * per queue that fills the screen at 60 queues.
 */
export function aggregateAlerts(queues, { target = 0.8, maxWait = 60 } = {}) {
  const sl = queues.filter(q => q.serviceLevelToday != null && q.serviceLevelToday < target)
    .sort((a, b) => a.serviceLevelToday - b.serviceLevelToday);
  const wait = queues.filter(q => q.longestWaitSeconds > maxWait)
    .sort((a, b) => b.longestWaitSeconds - a.longestWaitSeconds);
  const out = [];
  if (sl.length) out.push({ kind: 'service-level', count: sl.length, queues: sl.map(q => q.queueId), worst: sl[0] });
  if (wait.length) out.push({ kind: 'long-wait', count: wait.length, queues: wait.map(q => q.queueId), worst: wait[0] });
  return out;
}

/** Overdue first (oldest due first), then by due time; items without a due time last. */
export function overdueFirst(items, dueOf, now = Date.now()) {
  return [...items].sort((a, b) => {
    const da = dueOf(a) ? Date.parse(dueOf(a)) : Infinity;
    const db = dueOf(b) ? Date.parse(dueOf(b)) : Infinity;
    const oa = da < now, ob = db < now;
    if (oa !== ob) return oa ? -1 : 1;
    return da - db;
  });
}
