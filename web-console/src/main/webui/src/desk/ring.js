// The ring: a two-tone chirp every 1.5 s while an offer waits, made with Web Audio (no sound file to load).
let ctx;
let timer;

function chirp() {
  try {
    ctx ||= new AudioContext();
    const t0 = ctx.currentTime;
    for (const [i, f] of [[0, 880], [1, 660]]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = f;
      gain.gain.setValueAtTime(0.15, t0 + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + i * 0.18 + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + i * 0.18);
      osc.stop(t0 + i * 0.18 + 0.17);
    }
  } catch { /* no audio device: the page still shows the offer */ }
}

export function ring(on) {
  document.body.dataset.ringing = on ? 'true' : 'false';
  if (on && !timer) { chirp(); timer = setInterval(chirp, 1500); }
  if (!on && timer) { clearInterval(timer); timer = null; }
}
