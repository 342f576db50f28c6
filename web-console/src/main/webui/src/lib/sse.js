// Server-Sent Events over fetch: EventSource cannot send the Authorization header, and the token must not travel in
// a URL. Reconnects with backoff; the caller keys frames by id, so frames repeated after a reconnect are harmless.
import { parseSse } from './sse-parse.js';
import { session } from './auth.js';

export function stream(path, onFrame, onStatus = () => {}) {
  let stopped = false;
  let controller;
  let attempt = 0;
  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(path, {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session()?.accessToken}` },
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        onStatus('open');
        attempt = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const { events, rest } = parseSse(buffer);
          buffer = rest;
          for (const data of events) {
            try { onFrame(JSON.parse(data)); } catch { /* a frame that is not JSON is not ours */ }
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      if (stopped) return;
      onStatus('reconnecting');
      attempt++;
      await new Promise(r => setTimeout(r, Math.min(10000, 500 * 2 ** Math.min(attempt, 5))));
    }
  }
  run();
  return { close() { stopped = true; controller?.abort(); } };
}
