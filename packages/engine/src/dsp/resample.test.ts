import { describe, expect, it } from 'vitest';
import { downmix } from './downmix.js';
import { type ResampleQuality, resample } from './resample.js';

function sine(rate: number, freq: number, seconds: number, amp = 0.5, phase = 0): Float32Array {
  const x = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < x.length; i++) x[i] = amp * Math.sin((2 * Math.PI * freq * i) / rate + phase);
  return x;
}

/** Amplitude of the component at `freq` over exactly one second in the middle (whole cycles, so no leakage). */
function amplitudeAt(y: Float32Array, rate: number, freq: number): number {
  const start = Math.floor((y.length - rate) / 2);
  let s = 0;
  let c = 0;
  for (let i = 0; i < rate; i++) {
    const w = (2 * Math.PI * freq * (start + i)) / rate;
    s += y[start + i] * Math.sin(w);
    c += y[start + i] * Math.cos(w);
  }
  return (2 / rate) * Math.hypot(s, c);
}

/** RMS over the middle half, away from the edges where the kernel runs off the input. */
function middleRms(y: Float32Array): number {
  const a = Math.floor(y.length / 4);
  const b = Math.floor((3 * y.length) / 4);
  let sum = 0;
  for (let i = a; i < b; i++) sum += y[i] * y[i];
  return Math.sqrt(sum / (b - a));
}

const db = (ratio: number) => 20 * Math.log10(ratio);
/** Level of a resampled 0.5-amplitude sine relative to its input, dB. */
const gainDb = (y: Float32Array): number => db((middleRms(y) * Math.SQRT2) / 0.5);

describe('resample', () => {
  it('gives round(n · to / from) samples for the usual rates', () => {
    for (const from of [22050, 44100, 48000, 88200, 96000]) {
      for (const to of [22050, 11025, 44100, 48000]) {
        for (const n of [0, 1, 7, from + 13]) {
          const y = resample(new Float32Array(n), from, to);
          expect(y.length, `${n} samples ${from} → ${to}`).toBe(Math.round((n * to) / from));
        }
      }
    }
  });

  it('returns a copy when the rates are equal', () => {
    const x = sine(22050, 440, 0.1);
    const y = resample(x, 22050, 22050);
    expect(y).not.toBe(x);
    expect(Array.from(y)).toEqual(Array.from(x));
  });

  const passbandCases: [number, number, ResampleQuality, number[]][] = [
    [48000, 22050, 'analysis', [100, 1000, 3000, 6000]],
    [44100, 22050, 'analysis', [100, 1000, 6000]],
    [96000, 22050, 'analysis', [1000, 6000]],
    [22050, 11025, 'analysis', [1000, 3000]],
    [22050, 48000, 'analysis', [1000, 6000]],
    [48000, 44100, 'high', [1000, 10000, 19000]],
    [44100, 48000, 'high', [1000, 19000]],
  ];
  for (const [from, to, quality, freqs] of passbandCases) {
    it(`keeps frequency and amplitude in the passband, ${from} → ${to} (${quality})`, () => {
      for (const f of freqs) {
        const y = resample(sine(from, f, 3), from, to, quality);
        // Projection onto the expected frequency recovers the full amplitude only if the frequency is unchanged.
        expect(Math.abs(db(amplitudeAt(y, to, f) / 0.5)), `${f} Hz`).toBeLessThan(0.1);
        expect(Math.abs(gainDb(y)), `${f} Hz rms`).toBeLessThan(0.1);
      }
    });
  }

  it('attenuates tones above the analysis stopband edge by ≥ 60 dB', () => {
    for (const [from, to] of [
      [48000, 22050],
      [44100, 22050],
      [96000, 22050],
      [22050, 11025],
    ]) {
      const nyquist = to / 2;
      // The analysis transition band is centred on Nyquist (−6 dB there) and ends at 1.42 × Nyquist.
      for (let f = 1.42 * nyquist; f < from / 2; f += (from / 2 - 1.42 * nyquist) / 23) {
        const y = resample(sine(from, f, 1), from, to, 'analysis');
        expect(gainDb(y), `${from} → ${to}, ${f.toFixed(0)} Hz`).toBeLessThan(-60);
      }
    }
  });

  it('keeps every alias of a tone above Nyquist out of the analysis passband (< 0.58 × Nyquist)', () => {
    const from = 48000;
    const to = 22050;
    for (const f of [11500, 12500, 13500, 14500]) {
      const y = resample(sine(from, f, 3), from, to, 'analysis');
      const alias = to - f; // where the tone folds to
      expect(alias).toBeGreaterThan(0.58 * (to / 2));
      // Whatever is left sits at the alias frequency, nowhere else.
      expect(Math.abs(amplitudeAt(y, to, alias) - middleRms(y) * Math.SQRT2)).toBeLessThan(1e-3);
    }
  });

  it('attenuates everything above the new Nyquist by ≥ 100 dB at high quality', () => {
    for (const [from, to] of [
      [48000, 22050],
      [48000, 44100],
      [96000, 44100],
    ]) {
      for (let f = to / 2 + 50; f < from / 2; f += (from / 2 - to / 2) / 17) {
        const y = resample(sine(from, f, 1), from, to, 'high');
        expect(gainDb(y), `${from} → ${to}, ${f.toFixed(0)} Hz`).toBeLessThan(-100);
      }
    }
  });

  it('keeps an impulse where it was (no group delay), within one sample', () => {
    const cases: [number, number, ResampleQuality][] = [
      [48000, 22050, 'analysis'],
      [44100, 22050, 'analysis'],
      [22050, 48000, 'analysis'],
      [96000, 22050, 'high'],
      [44100, 48000, 'high'],
    ];
    for (const [from, to, quality] of cases) {
      for (const at of [4800, 4801, 5003]) {
        const x = new Float32Array(from);
        x[at] = 1;
        const y = resample(x, from, to, quality);
        let peak = 0;
        for (let i = 1; i < y.length; i++) if (Math.abs(y[i]) > Math.abs(y[peak])) peak = i;
        expect(Math.abs(peak - (at * to) / from), `${from} → ${to} impulse at ${at}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('stays finite on noise and full-scale squares, and is deterministic', () => {
    const x = new Float32Array(48000);
    let seed = 1;
    for (let i = 0; i < x.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      x[i] = i % 2000 < 1000 ? (seed / 2 ** 32) * 2 - 1 : i % 200 < 100 ? 1 : -1;
    }
    for (const quality of ['analysis', 'high'] as const) {
      const a = resample(x, 48000, 22050, quality);
      const b = resample(x, 48000, 22050, quality);
      expect(a.every(Number.isFinite)).toBe(true);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });

  it('handles ratios with many phases and non-integer rates via the interpolated table', () => {
    for (const [from, to] of [
      [44100, 44101],
      [48000, 22050.5],
      [44100.25, 48000],
    ]) {
      const y = resample(sine(from, 1000, 3), from, to, 'high');
      expect(y.length).toBe(Math.round((Math.round(from * 3) * to) / from));
      expect(Math.abs(gainDb(y)), `${from} → ${to}`).toBeLessThan(0.01);
    }
    // The fine table is accurate to the high-quality floor: compare with the exact path on a nearby ratio.
    const x = sine(44100, 3000, 1);
    const exact = resample(x, 44100, 48000, 'high');
    const fine = resample(x, 44100, 48000.000001, 'high');
    let err = 0;
    for (let i = 1000; i < exact.length - 1000; i++) err = Math.max(err, Math.abs(exact[i] - fine[i]));
    expect(err).toBeLessThan(1e-4);
  });

  it('rejects rates outside 8-192 kHz', () => {
    expect(() => resample(new Float32Array(10), 4000, 22050)).toThrow(RangeError);
    expect(() => resample(new Float32Array(10), 48000, 384000)).toThrow(RangeError);
    expect(() => resample(new Float32Array(10), Number.NaN, 22050)).toThrow(RangeError);
  });
});

describe('downmix', () => {
  it('takes the mean of the channels', () => {
    const l = Float32Array.from([1, 0.5, -1]);
    const r = Float32Array.from([0, 0.5, 1]);
    expect(Array.from(downmix([l, r]))).toEqual([0.5, 0.5, 0]);
    const c = Float32Array.from([0.25, 0.25, 0.25]);
    expect(Array.from(downmix([l, r, c]))).toEqual([
      Math.fround(1.25 / 3),
      Math.fround(1.25 / 3),
      Math.fround(0.25 / 3),
    ]);
  });

  it('copies a single channel', () => {
    const m = Float32Array.from([0.1, 0.2]);
    const out = downmix([m]);
    expect(out).not.toBe(m);
    expect(Array.from(out)).toEqual(Array.from(m));
  });

  it('rejects no channels and unequal lengths', () => {
    expect(() => downmix([])).toThrow(RangeError);
    expect(() => downmix([new Float32Array(2), new Float32Array(3)])).toThrow(RangeError);
  });
});
