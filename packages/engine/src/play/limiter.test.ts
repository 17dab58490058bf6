import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../analysis/loudness.js';
import { mulberry32 } from '../test-support/random.js';
import { TruePeakLimiter } from './limiter.js';

const RATE = 48000;

function loudMix(seconds: number, gain: number): [Float32Array, Float32Array] {
  const n = Math.round(seconds * RATE);
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  const rand = mulberry32(5);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    // Chords plus a kick-like burst every half second and noise: peaks land between samples too.
    const burst = Math.exp(-((i % 24000) / 600)) * Math.sin(2 * Math.PI * 55 * t);
    const tone =
      0.3 * Math.sin(2 * Math.PI * 220 * t) +
      0.25 * Math.sin(2 * Math.PI * 277.2 * t + 1) +
      0.2 * Math.sin(2 * Math.PI * 11025.3 * t);
    l[i] = gain * (tone + burst + 0.1 * (rand() - 0.5));
    r[i] = gain * (tone * 0.8 - burst + 0.1 * (rand() - 0.5));
  }
  return [l, r];
}

function run(limiter: TruePeakLimiter, l: Float32Array, r: Float32Array): void {
  for (let s = 0; s < l.length; s += 128) limiter.process(l, r, s, Math.min(128, l.length - s));
}

describe('true-peak limiter', () => {
  it('holds the true peak at or below −1 dBTP even 20 dB over full scale', () => {
    for (const gain of [1, 4, 10]) {
      const [l, r] = loudMix(3, gain);
      run(new TruePeakLimiter(RATE), l, r);
      const m = measureLoudness({ channels: [l, r], sampleRate: RATE });
      expect(m.truePeakDb).toBeLessThanOrEqual(-1);
      expect(m.truePeakDb).toBeGreaterThan(-4); // limiting, not crushing
      for (let i = 0; i < l.length; i++) expect(Number.isFinite(l[i]) && Number.isFinite(r[i])).toBe(true);
    }
  });

  it('passes quiet audio through unchanged, only delayed by its latency', () => {
    const [l, r] = loudMix(1, 0.3);
    const [l0, r0] = [l.slice(), r.slice()];
    const limiter = new TruePeakLimiter(RATE);
    run(limiter, l, r);
    const d = limiter.latency;
    for (let i = d; i < l.length; i += 7) {
      expect(l[i]).toBeCloseTo(l0[i - d], 6);
      expect(r[i]).toBeCloseTo(r0[i - d], 6);
    }
  });

  it('does not click when limiting starts: gain changes are gradual', () => {
    const n = RATE;
    const l = new Float32Array(n);
    const r = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const a = i < n / 2 ? 0.5 : 4; // a sudden +18 dB step
      l[i] = a * Math.sin((2 * Math.PI * 100 * i) / RATE);
      r[i] = l[i];
    }
    run(new TruePeakLimiter(RATE), l, r);
    let maxJump = 0;
    for (let i = 1; i < n; i++) maxJump = Math.max(maxJump, Math.abs(l[i] - l[i - 1]));
    // A 100 Hz sine at the ceiling moves at most 2π·100/48000·0.87 ≈ 0.0114 per sample.
    expect(maxJump).toBeLessThan(0.03);
  });

  it('turns NaN and Infinity into silence rather than passing them on', () => {
    const l = new Float32Array(512).fill(0.1);
    const r = new Float32Array(512).fill(0.1);
    l[100] = Number.NaN;
    r[200] = Number.POSITIVE_INFINITY;
    run(new TruePeakLimiter(RATE), l, r);
    for (let i = 0; i < 512; i++) expect(Number.isFinite(l[i]) && Number.isFinite(r[i])).toBe(true);
  });
});
