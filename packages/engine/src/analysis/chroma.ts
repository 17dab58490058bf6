import type { Spectrogram } from '../dsp/stft.js';
import type { Hz } from '../units.js';

/** Pitch-class profiles per frame, row-major `[frame * 12 + pitchClass]`, pitch class 0 = C. */
export interface Chromagram {
  /** Harmony: 80 Hz - 5 kHz. */
  treble: Float32Array;
  /** Bass line: 30 - 250 Hz, where chord roots and the tonic tend to sit. */
  bass: Float32Array;
  /** Frame energy (sum of log magnitudes over the harmony range), for weighting frames. */
  energy: Float32Array;
  frames: number;
  frameRate: Hz;
  /** Estimated deviation from A = 440 Hz, in cents (−50..50). */
  tuningCents: number;
}

const LOG_GAMMA = 100;

interface BinMap {
  pc: Int8Array;
  weight: Float32Array;
}

/**
 * Maps each FFT bin to its nearest equal-tempered pitch class with a raised-cosine weight that falls to zero
 * half a semitone away, so energy between semitones (noise, inharmonic partials) counts for little.
 */
function binMap(spec: Spectrogram, lo: Hz, hi: Hz, tuningCents: number): BinMap {
  const pc = new Int8Array(spec.bins).fill(-1);
  const weight = new Float32Array(spec.bins);
  const binHz = spec.sampleRate / spec.size;
  for (let k = 1; k < spec.bins; k++) {
    const f = k * binHz;
    if (f < lo || f > hi) continue;
    const midi = 69 + 12 * Math.log2(f / 440) - tuningCents / 100;
    const nearest = Math.round(midi);
    const d = midi - nearest;
    const w = Math.cos(Math.PI * d);
    pc[k] = ((nearest % 12) + 12) % 12;
    weight[k] = w * w;
  }
  return { pc, weight };
}

/**
 * Tuning from the spectral peaks: the magnitude-weighted circular mean of each peak's distance to the nearest
 * semitone. Needed for recordings not tuned to A440 (a guitar a quarter-tone flat would smear every chroma bin).
 */
export function estimateTuning(spec: Spectrogram, lo: Hz = 80, hi: Hz = 2000): number {
  const binHz = spec.sampleRate / spec.size;
  const kLo = Math.max(2, Math.floor(lo / binHz));
  const kHi = Math.min(spec.bins - 2, Math.ceil(hi / binHz));
  let re = 0;
  let im = 0;
  for (let n = 0; n < spec.frames; n++) {
    const row = n * spec.bins;
    for (let k = kLo; k <= kHi; k++) {
      const m = spec.mag[row + k];
      const a = spec.mag[row + k - 1];
      const c = spec.mag[row + k + 1];
      if (m <= a || m < c || m <= 0) continue;
      // Parabolic interpolation of the peak on log magnitudes gives sub-bin frequency.
      const la = Math.log(a + 1e-9);
      const lb = Math.log(m + 1e-9);
      const lc = Math.log(c + 1e-9);
      const denom = la - 2 * lb + lc;
      const delta = denom < 0 ? (0.5 * (la - lc)) / denom : 0;
      const f = (k + delta) * binHz;
      const midi = 69 + 12 * Math.log2(f / 440);
      const angle = 2 * Math.PI * (midi - Math.round(midi));
      re += m * Math.cos(angle);
      im += m * Math.sin(angle);
    }
  }
  if (re === 0 && im === 0) return 0;
  return (100 * Math.atan2(im, re)) / (2 * Math.PI);
}

export function chromagram(spec: Spectrogram): Chromagram {
  const tuningCents = estimateTuning(spec);
  const treble = binMap(spec, 80, 5000, tuningCents);
  const bassMap = binMap(spec, 30, 250, tuningCents);
  const frames = spec.frames;
  const trebleOut = new Float32Array(frames * 12);
  const bassOut = new Float32Array(frames * 12);
  const energy = new Float32Array(frames);
  for (let n = 0; n < frames; n++) {
    const row = n * spec.bins;
    let e = 0;
    for (let k = 1; k < spec.bins; k++) {
      const tp = treble.pc[k];
      const bp = bassMap.pc[k];
      if (tp < 0 && bp < 0) continue;
      const v = Math.log1p(LOG_GAMMA * spec.mag[row + k]);
      if (tp >= 0) {
        const x = v * treble.weight[k];
        trebleOut[n * 12 + tp] += x;
        e += x;
      }
      if (bp >= 0) bassOut[n * 12 + bp] += v * bassMap.weight[k];
    }
    energy[n] = e;
  }
  return {
    treble: trebleOut,
    bass: bassOut,
    energy,
    frames,
    frameRate: spec.sampleRate / spec.hop,
    tuningCents,
  };
}

/** Averages chroma rows between frame boundaries; returns `segments * 12` values, each row L2-normalised. */
export function segmentChroma(chroma: Float32Array, boundaries: number[], frames: number): Float32Array {
  const segments = Math.max(0, boundaries.length - 1);
  const out = new Float32Array(segments * 12);
  for (let s = 0; s < segments; s++) {
    const a = Math.max(0, Math.min(frames - 1, Math.floor(boundaries[s])));
    const b = Math.max(a + 1, Math.min(frames, Math.floor(boundaries[s + 1])));
    for (let n = a; n < b; n++) for (let p = 0; p < 12; p++) out[s * 12 + p] += chroma[n * 12 + p];
    let norm = 0;
    for (let p = 0; p < 12; p++) norm += out[s * 12 + p] ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let p = 0; p < 12; p++) out[s * 12 + p] /= norm;
  }
  return out;
}
