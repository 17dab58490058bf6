import { trackBeats } from './beats.js';
import type { OnsetEnvelope } from './onset.js';

/**
 * Above this ratio of onset strength half-way between beats to onset strength on the beats, the tracker has
 * taken every other beat (a half-time error): the in-between pulses are as strong as the ones it kept.
 */
const DOUBLE_TIME_RATIO = 0.8;
/** The doubled tempo must stay in the range people tap (Moelants & McKinney: rarely above 200 BPM). */
const MAX_DOUBLED_BPM = 200;
/** Kick and bass this much stronger half a beat later than on the beats: the grid is on the off-beats. */
const OFFBEAT_LOW_RATIO = 1.3;

export interface BeatGrid {
  /** Beat positions in onset frames. */
  frames: number[];
  /** Beat period in onset frames. */
  period: number;
}

function meanAt(curve: Float32Array, positions: number[]): number {
  if (positions.length === 0) return 0;
  let s = 0;
  for (const p of positions) {
    const i = Math.round(p);
    let m = 0;
    for (let j = i - 1; j <= i + 1; j++) if (j >= 0 && j < curve.length) m = Math.max(m, curve[j]);
    s += m;
  }
  return s / positions.length;
}

function midpoints(frames: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < frames.length; i++) out.push((frames[i] + frames[i + 1]) / 2);
  return out;
}

/**
 * Beats at the right metrical level and phase: tracks at the estimated period, then checks the two
 * classic errors — half-time (strong pulses half-way between beats) and off-beat phase (the kick and bass
 * land between the beats) — and corrects them.
 */
export function beatGrid(onsets: OnsetEnvelope, normalised: Float32Array, period: number): BeatGrid {
  let frames = trackBeats(normalised, period);
  let p = period;
  const onBeats = meanAt(normalised, frames);
  const between = meanAt(normalised, midpoints(frames));
  const doubledBpm = (60 * onsets.frameRate) / (period / 2);
  if (onBeats > 0 && between / onBeats > DOUBLE_TIME_RATIO && doubledBpm <= MAX_DOUBLED_BPM) {
    p = period / 2;
    frames = trackBeats(normalised, p);
  }
  const lowOn = meanAt(onsets.low, frames);
  const lowBetween = meanAt(onsets.low, midpoints(frames));
  if (lowBetween > OFFBEAT_LOW_RATIO * lowOn && frames.length > 2) {
    const shifted = trackBeats(shiftedEmphasis(normalised, onsets.low), p);
    if (meanAt(onsets.low, shifted) > lowOn) frames = shifted;
  }
  return { frames, period: p };
}

/** The onset curve with the low band mixed in, so the tracker prefers kick and bass positions. */
function shiftedEmphasis(normalised: Float32Array, low: Float32Array): Float32Array {
  let lowMax = 0;
  let normMax = 0;
  for (let i = 0; i < low.length; i++) {
    lowMax = Math.max(lowMax, low[i]);
    normMax = Math.max(normMax, normalised[i]);
  }
  const out = new Float32Array(normalised.length);
  const scale = lowMax > 0 ? normMax / lowMax : 0;
  for (let i = 0; i < out.length; i++) out[i] = normalised[i] + scale * low[i];
  return out;
}
