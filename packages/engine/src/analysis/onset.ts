import { fastLn } from '../dsp/fast-log.js';
import type { Spectrogram } from '../dsp/stft.js';
import type { Hz } from '../units.js';

/** Onset strength curves at the spectrogram's frame rate. */
export interface OnsetEnvelope {
  /** Broadband spectral flux (log-magnitude, vibrato-suppressed). */
  strength: Float32Array;
  /** Flux below ~200 Hz: kick drum and bass entries, used to find downbeats. */
  low: Float32Array;
  /** Flux above ~5 kHz: hi-hats and other noisy transients, used for percussiveness. */
  high: Float32Array;
  frameRate: Hz;
}

/** Log compression strength: log(1 + γ·|X|), as in Böck & Widmer's SuperFlux (DAFx 2013). */
const LOG_GAMMA = 100;
const LOW_BAND_TOP: Hz = 200;
const HIGH_BAND_BOTTOM: Hz = 5000;

/**
 * SuperFlux-style onset detection: positive log-magnitude change against the maximum of the neighbouring bins
 * one frame earlier, which keeps onsets of new notes and drum hits but ignores vibrato and slow swells.
 */
export function onsetEnvelope(spec: Spectrogram): OnsetEnvelope {
  const { frames, bins, mag } = spec;
  const frameRate = spec.sampleRate / spec.hop;
  const binHz = spec.sampleRate / spec.size;
  const lowTop = Math.min(bins - 1, Math.round(LOW_BAND_TOP / binHz));
  const highBottom = Math.min(bins - 1, Math.round(HIGH_BAND_BOTTOM / binHz));
  const strength = new Float32Array(frames);
  const low = new Float32Array(frames);
  const high = new Float32Array(frames);

  let prev = new Float32Array(bins);
  let cur = new Float32Array(bins);
  for (let n = 0; n < frames; n++) {
    const row = n * bins;
    for (let k = 0; k < bins; k++) cur[k] = fastLn(1 + LOG_GAMMA * mag[row + k]);
    if (n > 0) {
      // Rise against the maximum over ±1 bin of the previous frame (the "super" in SuperFlux), summed per band.
      // Written as three plain loops with ternaries: this is the hottest loop of the analysis.
      low[n] = bandFlux(cur, prev, 1, lowTop + 1);
      high[n] = bandFlux(cur, prev, highBottom, bins);
      strength[n] = low[n] + bandFlux(cur, prev, lowTop + 1, highBottom) + high[n];
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return { strength, low, high, frameRate };
}

/** Sum over bins [from, to) of the positive rise of `cur` over the ±1-bin maximum of `prev`. */
function bandFlux(cur: Float32Array, prev: Float32Array, from: number, to: number): number {
  const last = prev.length - 1;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const a = prev[k - 1];
    const b = prev[k];
    const c = k < last ? prev[k + 1] : b;
    // biome-ignore lint/complexity/useMathMinMax: plain comparisons in the analysis's hottest loop
    const m = a > b ? (a > c ? a : c) : b > c ? b : c;
    const d = cur[k] - m;
    if (d > 0) sum += d;
  }
  return sum;
}

/**
 * Removes the slowly varying part of an onset curve (a moving average over `window` frames) and
 * keeps the positive part, then scales to unit standard deviation: what tempo and beat tracking want.
 */
export function normaliseOnsets(x: Float32Array, window: number): Float32Array {
  const n = x.length;
  const out = new Float32Array(n);
  const half = Math.max(1, window >> 1);
  let acc = 0;
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n - 1, i + half);
    const wantLo = Math.max(0, i - half);
    while (hi < wantHi) acc += x[++hi];
    while (lo < wantLo) acc -= x[lo++];
    const mean = acc / (hi - lo + 1);
    out[i] = Math.max(0, x[i] - mean);
  }
  let sq = 0;
  for (let i = 0; i < n; i++) sq += out[i] * out[i];
  const std = Math.sqrt(sq / Math.max(1, n));
  if (std > 0) for (let i = 0; i < n; i++) out[i] /= std;
  return out;
}
