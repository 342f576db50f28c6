// The IVR flow as a graph (pure, unit-tested): nodes, edges labelled by what leads there, a layered layout from
// the start node, and the validator's errors attached to the nodes they name (errors[].field = nodes.<id>[...]).

const NOT_TARGETS = new Set(['type', 'text', 'queue', 'variable', 'prompt', 'language', 'pattern', 'when', 'mailbox',
  'checksum', 'to', 'name']);

/** Every (label, target) a node leads to: any string under it (but texts, queues…) that names another node. */
export function edgesOf(id, node, ids) {
  const out = [];
  const walk = (value, label) => {
    if (typeof value === 'string') {
      if (ids.has(value) && !NOT_TARGETS.has(label)) out.push({ from: id, to: value, label });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, label));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (NOT_TARGETS.has(k)) continue;
        walk(v, /^\d|[*#]$/.test(k) ? `key ${k}` : k === 'next' && label ? label : k);
      }
    }
  };
  for (const [k, v] of Object.entries(node || {})) if (!NOT_TARGETS.has(k)) walk(v, k);
  return out;
}

export function graph(doc) {
  const nodes = doc && typeof doc.nodes === 'object' && doc.nodes ? doc.nodes : {};
  const ids = new Set(Object.keys(nodes));
  const edges = [...ids].flatMap(id => edgesOf(id, nodes[id], ids));
  // layers: breadth-first from the start node; what the start cannot reach goes in a last layer of its own
  const level = new Map();
  const start = ids.has(doc?.start) ? doc.start : [...ids][0];
  if (start) {
    level.set(start, 0);
    const queue = [start];
    while (queue.length) {
      const n = queue.shift();
      for (const e of edges) if (e.from === n && !level.has(e.to)) { level.set(e.to, level.get(n) + 1); queue.push(e.to); }
    }
  }
  const deepest = Math.max(-1, ...level.values());
  for (const id of ids) if (!level.has(id)) level.set(id, deepest + 1);
  const layers = [];
  for (const id of ids) (layers[level.get(id)] ||= []).push(id);
  const laid = {};
  layers.forEach((layer, x) => layer.forEach((id, y) => { laid[id] = { x, y, type: nodes[id]?.type || '?' }; }));
  return { start, nodes: laid, edges, unreachable: [...ids].filter(id => level.get(id) > deepest) };
}

/** Validator errors by node id ("" for the flow as a whole). */
export function errorsByNode(errors) {
  const out = {};
  for (const e of errors || []) {
    const m = /^nodes\.([^.[\]]+)/.exec(e.field || '');
    (out[m ? m[1] : ''] ||= []).push(e.message);
  }
  return out;
}

/** "1, speech:repair my tyre, timeout, 12345678" → the simulator's inputs. */
export function parseInputs(text) {
  return text.split(/[,\n]/).map(s => s.trim()).filter(Boolean).map(s => {
    if (s === 'timeout' || s === 'hangup') return { type: s };
    const speech = /^speech:\s*(.+?)(?:@([\d.]+))?$/.exec(s);
    if (speech) return { type: 'speech', text: speech[1], confidence: speech[2] ? Number(speech[2]) : 0.9 };
    return { type: 'digits', digits: s.replace(/^digits:\s*/, '') };
  });
}

/** A document as the editor shows it: without the nulls the API's JSON carries for absent fields. */
export function prune(value) {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (v == null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) continue;
      out[k] = prune(v);
    }
    return out;
  }
  return value;
}
