// Plain node:test checks of the pages' pure logic (no browser): SSE framing, tables, alerts, the flow graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSse } from '../src/lib/sse-parse.js';
import { view, group, aggregateAlerts, overdueFirst, prefixOf } from '../src/lib/board.js';
import { graph, errorsByNode, parseInputs, prune } from '../src/lib/flowgraph.js';
import { mergeMessages } from '../src/lib/transcript.js';

test('parseSseKeepsAnUnfinishedEventForTheNextChunk', () => {
  const { events, rest } = parseSse('data: {"a":1}\n\ndata: {"b":\r\n');
  assert.deepEqual(events, ['{"a":1}']);
  assert.equal(rest, 'data: {"b":\n');
  assert.deepEqual(parseSse(rest + 'data: 2}\n\n').events, ['{"b":\n2}']);
});

test('parseSseIgnoresCommentsAndEventNames', () => {
  assert.deepEqual(parseSse(': keep-alive\n\nevent: offer\ndata: x\n\n').events, ['x']);
});

const queues = [
  { queueId: 'sales-de', waiting: 3, serviceLevelToday: 0.5, longestWaitSeconds: 90 },
  { queueId: 'sales-fr', waiting: 0, serviceLevelToday: 0.95, longestWaitSeconds: 0 },
  { queueId: 'repairs', waiting: 7, serviceLevelToday: 0.7, longestWaitSeconds: 30 },
  { queueId: 'vip', waiting: 1, serviceLevelToday: null, longestWaitSeconds: 200 },
];

test('viewFiltersCaseInsensitivelyAndSortsNullsLast', () => {
  assert.deepEqual(view(queues, { filter: 'SALES', fields: ['queueId'] }).map(q => q.queueId), ['sales-de', 'sales-fr']);
  assert.deepEqual(view(queues, { sortKey: 'serviceLevelToday', sortDir: 'asc' }).map(q => q.queueId),
    ['sales-de', 'repairs', 'sales-fr', 'vip']);
  assert.deepEqual(view(queues, { sortKey: 'waiting', sortDir: 'desc' }).map(q => q.queueId)[0], 'repairs');
});

test('groupKeepsOrderWithinGroups', () => {
  const g = group(queues, q => prefixOf(q.queueId));
  assert.deepEqual(g.map(x => [x.key, x.items.length]), [['sales', 2], ['repairs', 1], ['vip', 1]]);
});

test('alertsAreAggregatedPerKindWorstFirst', () => {
  const alerts = aggregateAlerts(queues, { target: 0.8, maxWait: 60 });
  assert.deepEqual(alerts.map(a => [a.kind, a.count, a.worst.queueId]), [['service-level', 2, 'sales-de'], ['long-wait', 2, 'vip']]);
});

test('aggregationStaysOneLinePerKindAtSixtyQueues', () => {
  const many = Array.from({ length: 60 }, (_, i) => ({ queueId: 'q' + i, serviceLevelToday: 0.1, longestWaitSeconds: 500 }));
  assert.equal(aggregateAlerts(many).length, 2);
});

test('overdueFirstPutsPastDueItemsAheadOldestFirst', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const items = [{ id: 'later', due: '2026-12-06T15:00:00Z' }, { id: 'none', due: null },
    { id: 'late2', due: '2026-12-06T11:00:00Z' }, { id: 'late1', due: '2026-12-06T09:00:00Z' }];
  assert.deepEqual(overdueFirst(items, i => i.due, now).map(i => i.id), ['late1', 'late2', 'later', 'none']);
});

const flow = {
  start: 'welcome',
  nodes: {
    welcome: { type: 'say', text: 'Hi, menu', next: 'menu' },
    menu: { type: 'menu', text: 'Press 1', options: { 1: 'queue' }, noInput: 'bye', noMatch: 'bye',
      intents: { repair: { phrases: ['repair'], next: 'queue' } } },
    queue: { type: 'enqueue', queue: 'menu' },
    bye: { type: 'hangup' },
    orphan: { type: 'say', text: 'never', next: 'bye' },
  },
};

test('graphFindsEdgesButNotQueueNamesThatLookLikeNodes', () => {
  const g = graph(flow);
  const edges = g.edges.map(e => `${e.from}>${e.to}:${e.label}`).sort();
  assert.deepEqual(edges, ['menu>bye:noInput', 'menu>bye:noMatch', 'menu>queue:key 1', 'menu>queue:repair', 'orphan>bye:next', 'welcome>menu:next']);
});

test('graphLayersFromStartAndPutsUnreachableNodesLast', () => {
  const g = graph(flow);
  assert.equal(g.nodes.welcome.x, 0);
  assert.equal(g.nodes.menu.x, 1);
  assert.equal(g.nodes.queue.x, 2);
  assert.deepEqual(g.unreachable, ['orphan']);
  assert.equal(g.nodes.orphan.x, 3);
});

test('errorsAreAttachedToTheNodesTheyName', () => {
  const byNode = errorsByNode([{ field: 'nodes.menu', message: 'no timeout' }, { field: 'nodes.menu.options', message: 'x' },
    { field: 'flow', message: 'no operator' }]);
  assert.deepEqual(byNode, { menu: ['no timeout', 'x'], '': ['no operator'] });
});

test('simulatorInputsParseKeysSpeechAndEvents', () => {
  assert.deepEqual(parseInputs('1, speech:repair my tyre@0.8, timeout\n12345678'), [
    { type: 'digits', digits: '1' }, { type: 'speech', text: 'repair my tyre', confidence: 0.8 }, { type: 'timeout' },
    { type: 'digits', digits: '12345678' }]);
});

test('pruneDropsNullsAndEmptiesButKeepsFalseAndZero', () => {
  assert.deepEqual(prune({ a: null, b: [], c: {}, d: false, e: 0, f: { g: null, h: 'x' } }), { d: false, e: 0, f: { h: 'x' } });
});

test('chatMessagesAreMergedBySeqWhateverOrderTheyArriveIn', () => {
  const live = [{ seq: 3, text: 'c' }];
  const history = [{ seq: 1, text: 'a' }, { seq: 2, text: 'b' }, { seq: 3, text: 'c' }];
  assert.deepEqual(mergeMessages(live, history).map(m => m.seq), [1, 2, 3]);
  assert.deepEqual(mergeMessages(mergeMessages([], [{ seq: 5, text: 'e' }]), [{ seq: 4, text: 'd' }]).map(m => m.text), ['d', 'e']);
  assert.equal(mergeMessages(history, [{ seq: 2, text: 'b' }]).length, 3);
});
