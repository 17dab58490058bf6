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

/** Semitone grid analysed: MIDI 28 (E1, lowest bass string) to 100 (E7). */
const LOW_NOTE = 28;
const HIGH_NOTE = 100;
const NOTES = HIGH_NOTE - LOW_NOTE + 1;
/** Bass chroma takes notes up to MIDI 52 (E3); the harmony chroma notes from MIDI 45 (A2) up: below that, window leakage between semitones blurs pitch. */
const BASS_TOP_NOTE = 52;
const TREBLE_BOTTOM_NOTE = 45;
/**
 * Overtones that land on a different pitch class than their fundamental: harmonics 3, 5, 6 and 7 (a twelfth,
 * two octaves and a third, a nineteenth, a flat seventh), with their assumed relative amplitude 1/h. Octave
 * harmonics (2, 4, 8) fold onto the fundamental's own pitch class, and subtracting them would only erase real
 * octave doublings, which favours the bass note: we measured that as keys drifting to the dominant.
 */
const HARMONICS = [
  { semis: 19, weight: 1 / 3 },
  { semis: 28, weight: 1 / 5 },
  { semis: 31, weight: 1 / 6 },
  { semis: 34, weight: 1 / 7 },
];
/** Overtone subtraction strength (1 = the assumed 1/h amplitudes; 1 to 2 scored alike on the tuning split). */
const OVERTONE_SUBTRACTION = 1;

interface BinMap {
  note: Int16Array;
  weight: Float32Array;
}

/**
 * Maps each FFT bin to its nearest equal-tempered semitone with a raised-cosine weight that falls to zero
 * half a semitone away, so energy between semitones (noise, inharmonic partials) counts for little.
 */
function binMap(spec: Spectrogram, tuningCents: number): BinMap {
  const note = new Int16Array(spec.bins).fill(-1);
  const weight = new Float32Array(spec.bins);
  const binHz = spec.sampleRate / spec.size;
  for (let k = 1; k < spec.bins; k++) {
    const midi = 69 + 12 * Math.log2((k * binHz) / 440) - tuningCents / 100;
    const nearest = Math.round(midi);
    if (nearest < LOW_NOTE || nearest > HIGH_NOTE) continue;
    const w = Math.cos(Math.PI * (midi - nearest));
    note[k] = nearest - LOW_NOTE;
    weight[k] = w * w;
  }
  return { note, weight };
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
  // Every third frame is plenty for one tuning figure per clip (~70 frames of 20 s) and a third of the cost.
  for (let n = 0; n < spec.frames; n += 3) {
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

/**
 * Chroma with harmonic partials removed: magnitudes are gathered on a semitone grid, then, from the lowest note
 * up, each note's expected overtones (octave, twelfth, ...) are subtracted from the notes above it. Without this
 * a C major triad's overtones (B from E, D from G) read as Cmaj7 or Cadd9, and keys drift a fifth.
 */
export function chromagram(spec: Spectrogram): Chromagram {
  const tuningCents = estimateTuning(spec);
  const map = binMap(spec, tuningCents);
  const frames = spec.frames;
  const treble = new Float32Array(frames * 12);
  const bass = new Float32Array(frames * 12);
  const energy = new Float32Array(frames);
  const semis = new Float64Array(NOTES);
  for (let n = 0; n < frames; n++) {
    semis.fill(0);
    const row = n * spec.bins;
    for (let k = 1; k < spec.bins; k++) {
      const i = map.note[k];
      if (i >= 0) semis[i] += map.weight[k] * spec.mag[row + k];
    }
    for (let i = 0; i < NOTES; i++) {
      const s = semis[i];
      if (s <= 0) continue;
      for (const h of HARMONICS) {
        const j = i + h.semis;
        if (j < NOTES) semis[j] = Math.max(0, semis[j] - OVERTONE_SUBTRACTION * h.weight * s);
      }
    }
    let e = 0;
    for (let i = 0; i < NOTES; i++) {
      const midi = i + LOW_NOTE;
      const pc = midi % 12;
      const v = semis[i];
      if (midi <= BASS_TOP_NOTE) bass[n * 12 + pc] += v;
      if (midi >= TREBLE_BOTTOM_NOTE) {
        treble[n * 12 + pc] += v;
        e += v;
      }
    }
    energy[n] = e;
  }
  return { treble, bass, energy, frames, frameRate: spec.sampleRate / spec.hop, tuningCents };
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
