// Every literal message key the pages use exists in English and in Persian, and the two catalogs hold the same keys
// with the same {placeholders}: a missing string would show its key to an agent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../src/', import.meta.url).pathname;
const en = JSON.parse(readFileSync(join(root, 'messages/en.json'), 'utf8'));
const fa = JSON.parse(readFileSync(join(root, 'messages/fa.json'), 'utf8'));
const files = dir => readdirSync(dir).flatMap(f => statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]);

test('everyLiteralKeyUsedInCodeHasAnEnglishAndAPersianMessage', () => {
  const used = new Set();
  for (const f of files(root).filter(f => f.endsWith('.js'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.-]+[a-zA-Z])'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 100, `found ${used.size} keys`);
  const missing = [...used].filter(k => !(k in en) || !(k in fa));
  assert.deepEqual(missing, []);
});

test('catalogsHaveTheSameKeysAndPlaceholders', () => {
  assert.deepEqual(Object.keys(fa).sort(), Object.keys(en).sort());
  const holes = s => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
  const differ = Object.keys(en).filter(k => JSON.stringify(holes(en[k])) !== JSON.stringify(holes(fa[k])));
  assert.deepEqual(differ, []);
});
