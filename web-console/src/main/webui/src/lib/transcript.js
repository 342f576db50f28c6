/** Messages keyed and ordered by seq: the live stream and a history load may overlap or overtake each other. */
export function mergeMessages(current, incoming) {
  const bySeq = new Map((current || []).map(m => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
