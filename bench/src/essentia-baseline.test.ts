import { describe, expect, it } from 'vitest';
import { essentiaBaseline } from './essentia-baseline.js';
import { tempoAcc2 } from './metrics.js';

describe('essentia.js baseline', () => {
  it('runs on a 48 kHz stereo clip and returns tempo, beats, key and time', () => {
    const sr = 48000;
    const n = 8 * sr;
    const x = new Float32Array(n);
    // a C major triad in organ-like tones, with a click on every beat at 120 BPM
    for (let i = 0; i < n; i++) {
      const t = i / sr;
      for (const f of [261.63, 329.63, 392])
        for (let h = 1; h <= 4; h++) x[i] += (0.05 / h) * Math.sin(2 * Math.PI * f * h * t);
    }
    for (let b = 0; b < 16; b++)
      for (let i = 0; i < 400; i++) x[b * sr * 0.5 + i] += 0.6 * (1 - i / 400) * Math.sin(i * 0.9);
    const r = essentiaBaseline({ channels: [x, x.slice()], sampleRate: sr });
    expect(tempoAcc2(r.bpm, 120)).toBe(true);
    expect(r.beats.length).toBeGreaterThan(5);
    expect(r.key).toEqual({ tonic: 'C', mode: 'major' });
    expect(r.ms).toBeGreaterThan(0);
  });
});
