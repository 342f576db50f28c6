package io.contactcenter.voice.prompt;

/**
 * The built-in hold music: a slow arpeggio of soft sine tones with a gentle envelope, made here so the gateway
 * ships no audio it would need a licence for. Loud enough to tell the caller the line is alive.
 */
final class HoldMusic {

    private static final double[] NOTES = {261.63, 329.63, 392.00, 523.25, 392.00, 329.63, 293.66, 349.23, 440.00, 349.23};

    private HoldMusic() {
    }

    static short[] render(int seconds) {
        int rate = 8000;
        int noteSamples = rate / 2;
        short[] out = new short[seconds * rate];
        for (int i = 0; i < out.length; i++) {
            int note = (i / noteSamples) % NOTES.length;
            int at = i % noteSamples;
            double envelope = Math.min(1.0, at / 400.0) * Math.min(1.0, (noteSamples - at) / 1200.0);
            double t = (double) i / rate;
            double v = Math.sin(2 * Math.PI * NOTES[note] * t) + 0.3 * Math.sin(2 * Math.PI * NOTES[note] * 2 * t);
            out[i] = (short) (v * envelope * 5000);
        }
        return out;
    }
}
