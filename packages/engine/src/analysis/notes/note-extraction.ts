/**
 * Activations → notes: a port of Basic Pitch's `outputToNotesPoly` (spotify/basic-pitch, Apache-2.0) to
 * flat typed arrays. The steps and their order are Basic Pitch's own, because notes claim energy from a
 * shared matrix and a different visiting order gives different notes. What differs: flat arrays instead of
 * number[][], the melodia search keeps per-row maxima instead of rescanning the whole matrix each time, and
 * silence (no frame rises anywhere) gives no inferred onsets instead of a 0/0 NaN matrix.
 */
import { N_PITCHES } from './constants.js';

export interface NoteExtractionOptions {
  /** Minimum onset activation that starts a note. Basic Pitch default 0.5. */
  onsetThreshold: number;
  /** Activation below which a note counts as off. Basic Pitch default 0.3. */
  frameThreshold: number;
  /** Notes of this many frames or fewer are dropped. 11 frames = Basic Pitch's Python default of 127.7 ms. */
  minNoteFrames: number;
  /** Add onsets where frame activations jump (re-struck notes the onset head missed). Default true. */
  inferOnsets: boolean;
  /** Also turn strong leftover frame energy without an onset into notes. Default true. */
  melodiaTrick: boolean;
  /** Frames a note may dip below `frameThreshold` before it ends. Default 11. */
  energyTolerance: number;
}

/** Basic Pitch's Python/CLI defaults (the JS package defaults `minNoteLen` to 5 frames instead). */
export const DEFAULT_NOTE_EXTRACTION: NoteExtractionOptions = {
  onsetThreshold: 0.5,
  frameThreshold: 0.3,
  minNoteFrames: 11,
  inferOnsets: true,
  melodiaTrick: true,
  energyTolerance: 11,
};

/** A note in frame units: `pitchIndex` 0 = MIDI 21 (A0). */
export interface FrameNote {
  startFrame: number;
  durationFrames: number;
  pitchIndex: number;
  /** Mean frame activation over the note, 0-1. */
  amplitude: number;
}

/**
 * `frames` and `onsets` are frame-major `nFrames` × 88 activations; neither is modified.
 * Notes come back in Basic Pitch's discovery order (onset notes from the last frame back, then melodia).
 */
export function extractNotes(
  frames: Float32Array,
  onsets: Float32Array,
  nFrames: number,
  options: NoteExtractionOptions = DEFAULT_NOTE_EXTRACTION,
): FrameNote[] {
  const { onsetThreshold, frameThreshold, minNoteFrames, energyTolerance } = options;
  const P = N_PITCHES;
  const onsetStrength = options.inferOnsets ? inferredOnsets(frames, onsets, nFrames) : onsets;
  const remaining = frames.slice(0, nFrames * P);
  const notes: FrameNote[] = [];

  const meanActivation = (start: number, end: number, p: number): number => {
    let sum = 0;
    for (let t = start; t < end; t++) sum += frames[t * P + p];
    return sum / (end - start);
  };

  // Onset peaks, visited in reverse row-major order as Basic Pitch does (`noteStarts.reverse()`).
  for (let start = nFrames - 1; start >= 0; start--) {
    for (let p = P - 1; p >= 0; p--) {
      const v = onsetStrength[start * P + p];
      if (!(v > onsetThreshold) || !isTimePeak(onsetStrength, nFrames, start, p)) continue;
      if (start >= nFrames - 1) continue;
      let i = start + 1;
      let k = 0;
      while (i < nFrames - 1 && k < energyTolerance) {
        k = remaining[i * P + p] < frameThreshold ? k + 1 : 0;
        i++;
      }
      i -= k;
      if (i - start <= minNoteFrames) continue;
      for (let t = start; t < i; t++) clearAround(remaining, t, p);
      notes.push({
        startFrame: start,
        durationFrames: i - start,
        pitchIndex: p,
        amplitude: meanActivation(start, i, p),
      });
    }
  }

  if (!options.melodiaTrick) return notes;

  // Melodia trick: repeatedly take the strongest unclaimed cell and grow a note both ways from it.
  const rowMax = new Float32Array(nFrames);
  for (let t = 0; t < nFrames; t++) rowMax[t] = maxOfRow(remaining, t);
  for (;;) {
    let mid = -1;
    let best = frameThreshold;
    for (let t = 0; t < nFrames; t++) {
      if (rowMax[t] > best) {
        best = rowMax[t];
        mid = t;
      }
    }
    if (mid < 0) break;
    const p = argMaxOfRow(remaining, mid);
    remaining[mid * P + p] = 0;

    let i = mid + 1;
    let k = 0;
    while (i < nFrames - 1 && k < energyTolerance) {
      k = remaining[i * P + p] < frameThreshold ? k + 1 : 0;
      clearAround(remaining, i, p);
      i++;
    }
    const end = i - 1 - k;
    const lastTouched = i - 1;

    i = mid - 1;
    k = 0;
    while (i > 0 && k < energyTolerance) {
      k = remaining[i * P + p] < frameThreshold ? k + 1 : 0;
      clearAround(remaining, i, p);
      i--;
    }
    const start = i + 1 + k;
    const firstTouched = i + 1;

    for (let t = Math.min(firstTouched, mid); t <= Math.max(lastTouched, mid); t++)
      rowMax[t] = maxOfRow(remaining, t);
    if (end - start <= minNoteFrames) continue;
    notes.push({
      startFrame: start,
      durationFrames: end - start,
      pitchIndex: p,
      amplitude: meanActivation(start, end, p),
    });
  }
  return notes;
}

/** scipy `argrelmax(order=1)` along time, with edges compared only to the neighbour that exists. */
function isTimePeak(m: Float64Array | Float32Array, nFrames: number, t: number, p: number): boolean {
  const v = m[t * N_PITCHES + p];
  if (t > 0 && !(v > m[(t - 1) * N_PITCHES + p])) return false;
  if (t < nFrames - 1 && !(v > m[(t + 1) * N_PITCHES + p])) return false;
  return true;
}

/** Zero a cell and its two pitch neighbours: a note owns its semitone neighbours' energy too. */
function clearAround(m: Float32Array, t: number, p: number): void {
  const row = t * N_PITCHES;
  m[row + p] = 0;
  if (p < N_PITCHES - 1) m[row + p + 1] = 0;
  if (p > 0) m[row + p - 1] = 0;
}

function maxOfRow(m: Float32Array, t: number): number {
  let max = 0;
  for (let p = t * N_PITCHES, end = p + N_PITCHES; p < end; p++) if (m[p] > max) max = m[p];
  return max;
}

/** Last index of the row maximum, as Basic Pitch's `argMax` breaks ties. */
function argMaxOfRow(m: Float32Array, t: number): number {
  const row = t * N_PITCHES;
  let best = 0;
  for (let p = 1; p < N_PITCHES; p++) if (m[row + p] >= m[row + best]) best = p;
  return best;
}

/**
 * max(onsets, rescaled positive frame rise), where the rise at t is min over n ∈ {1, 2} of frames[t] −
 * frames[t−n] (zeros before the start), the first two rows are zeroed, and the rise is scaled to share the
 * onsets' global maximum. Kept in float64 so results match Basic Pitch's plain-number arithmetic exactly.
 */
function inferredOnsets(frames: Float32Array, onsets: Float32Array, nFrames: number): Float64Array {
  const P = N_PITCHES;
  const n = nFrames * P;
  const rise = new Float64Array(n);
  let riseMax = 0;
  let onsetMax = 0;
  for (let i = 0; i < n; i++) if (onsets[i] > onsetMax) onsetMax = onsets[i];
  for (let t = 2; t < nFrames; t++) {
    for (let p = 0; p < P; p++) {
      const v = frames[t * P + p];
      const d = Math.min(v - frames[(t - 1) * P + p], v - frames[(t - 2) * P + p]);
      if (d > 0) {
        rise[t * P + p] = d;
        if (d > riseMax) riseMax = d;
      }
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const scaled = riseMax > 0 ? (onsetMax * rise[i]) / riseMax : 0;
    out[i] = Math.max(onsets[i], scaled);
  }
  return out;
}
