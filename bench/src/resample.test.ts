import { describe, expect, it } from 'vitest';
import { downmix, resample } from './resample.js';

const sine = (freq: number, rate: number, n: number, phase = 0) =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(2 * Math.PI * freq * (i / rate) + phase));

describe('resample', () => {
  it('converts 48 kHz to 44.1 kHz keeping a tone in place (linear phase, no delay)', () => {
    const x = sine(1000, 48000, 48000);
    const y = resample(x, 48000, 44100);
    expect(y.length).toBe(44100);
    const ref = sine(1000, 44100, 44100);
    let err = 0;
    for (let i = 1000; i < 43000; i++) err = Math.max(err, Math.abs(y[i] - ref[i]));
    expect(err).toBeLessThan(2e-3);
  });

  it('removes content above the new Nyquist frequency', () => {
    const y = resample(sine(23000, 48000, 48000), 48000, 44100);
    let peak = 0;
    for (let i = 1000; i < 43000; i++) peak = Math.max(peak, Math.abs(y[i]));
    expect(peak).toBeLessThan(1e-3);
  });

  it('keeps the rate when asked to', () => {
    const x = sine(440, 44100, 100);
    expect(Array.from(resample(x, 44100, 44100))).toEqual(Array.from(x));
  });

  it('downmixes by averaging', () => {
    const m = downmix([Float32Array.of(1, 0, -1), Float32Array.of(0, 0, 1)]);
    expect(Array.from(m)).toEqual([0.5, 0, 0]);
  });
});
