import type { Seconds } from '../units.js';
import { type Chromagram, segmentChroma } from './chroma.js';
import type { OnsetEnvelope } from './onset.js';
import type { TimeSignature } from './types.js';

export interface MeterResult {
  timeSignature: TimeSignature;
  beatsPerBar: number;
  /** Index into the beat list of the first downbeat. */
  phase: number;
  /** Long/short ratio of the off-beat: 1 straight, 2 triplet swing. */
  swingRatio: number;
  /** True when beats divide in three (compound meter). */
  ternary: boolean;
}

/** Positions sampled inside each beat for the subdivision profile (24 = divisible by 2, 3, 4, 6, 8). */
const PROFILE_STEPS = 24;
/** A 2/4 reading needs the mid-bar accent nearly as strong as the downbeat; otherwise 4/4, the commoner meter. */
const TWO_FOUR_RATIO = 0.85;

function zscore(x: Float64Array): Float64Array {
  let m = 0;
  for (const v of x) m += v;
  m /= Math.max(1, x.length);
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  s = Math.sqrt(s / Math.max(1, x.length));
  return x.map((v) => (s > 0 ? (v - m) / s : 0));
}

function peakNear(curve: Float32Array, frame: number, radius: number): number {
  let best = 0;
  const a = Math.max(0, Math.round(frame) - radius);
  const b = Math.min(curve.length - 1, Math.round(frame) + radius);
  for (let i = a; i <= b; i++) if (curve[i] > best) best = curve[i];
  return best;
}

function interp(curve: Float32Array, x: number): number {
  const i = Math.floor(x);
  if (i < 0 || i + 1 >= curve.length) return 0;
  const f = x - i;
  return curve[i] * (1 - f) + curve[i + 1] * f;
}

/** Change in chroma across each beat boundary, comparing the two beats before with the two after. */
function harmonicNovelty(chroma: Float32Array, frames: number, beatFrames: number[]): Float64Array {
  const per = segmentChroma(chroma, beatFrames, frames);
  const n = beatFrames.length;
  const out = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    const a = new Float64Array(12);
    const b = new Float64Array(12);
    for (let j = Math.max(0, i - 2); j < i; j++) for (let p = 0; p < 12; p++) a[p] += per[j * 12 + p];
    for (let j = i; j < Math.min(n - 1, i + 2); j++) for (let p = 0; p < 12; p++) b[p] += per[j * 12 + p];
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let p = 0; p < 12; p++) {
      dot += a[p] * b[p];
      na += a[p] * a[p];
      nb += b[p] * b[p];
    }
    out[i] = na > 0 && nb > 0 ? 1 - dot / Math.sqrt(na * nb) : 0;
  }
  return out;
}

/** Average onset strength at each of PROFILE_STEPS positions inside a beat, normalised to max 1. */
export function subdivisionProfile(onsets: Float32Array, beatFrames: number[]): Float64Array {
  const profile = new Float64Array(PROFILE_STEPS);
  for (let i = 0; i + 1 < beatFrames.length; i++) {
    const a = beatFrames[i];
    const len = beatFrames[i + 1] - a;
    for (let s = 0; s < PROFILE_STEPS; s++) profile[s] += interp(onsets, a + (len * s) / PROFILE_STEPS);
  }
  let max = 0;
  for (const v of profile) max = Math.max(max, v);
  return max > 0 ? profile.map((v) => v / max) : profile;
}

function localMax(profile: Float64Array, centre: number, radius: number): number {
  let m = 0;
  for (let s = centre - radius; s <= centre + radius; s++) m = Math.max(m, profile[s] ?? 0);
  return m;
}

/**
 * Bars and subdivision from the beats: downbeats are where the kick, the bass and the harmony change together
 * (chord changes cluster on bar lines), and the onset profile inside beats tells 6/8 from swung or straight 4/4.
 */
export function detectMeter(beats: Seconds[], onsets: OnsetEnvelope, chroma: Chromagram): MeterResult {
  const n = beats.length;
  const onsetFrames = beats.map((t) => t * onsets.frameRate);
  const chromaFrames = beats.map((t) => t * chroma.frameRate);
  const profile = subdivisionProfile(onsets.strength, onsetFrames);
  const half = PROFILE_STEPS / 2;
  const third = PROFILE_STEPS / 3;
  const binary = localMax(profile, half, 1);
  const t1 = localMax(profile, third, 1);
  const t2 = localMax(profile, 2 * third, 1);
  const ternary = t1 > 0.3 && t2 > 0.3 && Math.min(t1, t2) > 1.3 * binary;

  // Swing: where the off-beat falls between the half (straight) and two-thirds (triplet) of the beat.
  let swingRatio = 1;
  if (!ternary) {
    let arg = half;
    for (let s = half; s <= Math.round(0.75 * PROFILE_STEPS); s++) if (profile[s] > profile[arg]) arg = s;
    if (profile[arg] > 0.15) {
      const p = arg / PROFILE_STEPS;
      swingRatio = p / (1 - p);
    }
  }

  if (n < 6) {
    return {
      timeSignature: ternary ? '6/8' : '4/4',
      beatsPerBar: ternary ? 2 : 4,
      phase: 0,
      swingRatio,
      ternary,
    };
  }

  const low = new Float64Array(n);
  const acc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    low[i] = peakNear(onsets.low, onsetFrames[i], 2);
    acc[i] = peakNear(onsets.strength, onsetFrames[i], 2);
  }
  const novelty = harmonicNovelty(chroma.treble, chroma.frames, chromaFrames);
  const bassNovelty = harmonicNovelty(chroma.bass, chroma.frames, chromaFrames);
  const zl = zscore(low);
  const za = zscore(acc);
  const zn = zscore(novelty);
  const zb = zscore(bassNovelty);
  const feature = new Float64Array(n);
  for (let i = 0; i < n; i++) feature[i] = zl[i] + 0.5 * za[i] + zn[i] + zb[i];

  const contrast = (period: number) => {
    let best = { phase: 0, score: Number.NEGATIVE_INFINITY, means: [] as number[] };
    const sums = new Float64Array(period);
    const counts = new Float64Array(period);
    for (let i = 0; i < n; i++) {
      sums[i % period] += feature[i];
      counts[i % period]++;
    }
    const means = Array.from(sums, (s, i) => s / Math.max(1, counts[i]));
    for (let phase = 0; phase < period; phase++) {
      let others = 0;
      for (let p = 0; p < period; p++) if (p !== phase) others += means[p];
      const score = means[phase] - others / (period - 1);
      if (score > best.score) best = { phase, score, means };
    }
    return best;
  };

  const two = contrast(2);
  const three = contrast(3);
  const four = contrast(4);
  if (!ternary && three.score > Math.max(two.score, four.score)) {
    return { timeSignature: '3/4', beatsPerBar: 3, phase: three.phase, swingRatio, ternary };
  }
  if (ternary) {
    return { timeSignature: '6/8', beatsPerBar: 2, phase: two.phase, swingRatio: 1, ternary };
  }
  const down = four.means[four.phase];
  const mid = four.means[(four.phase + 2) % 4];
  if (down > 0 && mid > TWO_FOUR_RATIO * down) {
    return { timeSignature: '2/4', beatsPerBar: 2, phase: four.phase % 2, swingRatio, ternary };
  }
  return { timeSignature: '4/4', beatsPerBar: 4, phase: four.phase, swingRatio, ternary };
}

/** Above this, three tracked beats to the bar are the eighths of a 6/8 bar, not a waltz (waltzes top out ~170). */
const COMPOUND_EIGHTHS_BPM = 170;

/**
 * Compound meter heard at the eighth-note level: when three fast beats group into bars, the felt beat is the
 * dotted quarter. Keeps every third beat from the bar phase and finds the bar phase again at that level, so
 * the result is 6/8 with two beats to the bar.
 */
export function regroupCompound(
  beats: Seconds[],
  bpm: number,
  meter: MeterResult,
  onsets: OnsetEnvelope,
  chroma: Chromagram,
): { beats: Seconds[]; bpm: number; meter: MeterResult } {
  if (meter.beatsPerBar !== 3 || bpm <= COMPOUND_EIGHTHS_BPM) return { beats, bpm, meter };
  const dotted = beats.filter((_, i) => i >= meter.phase && (i - meter.phase) % 3 === 0);
  const bars = detectMeter(dotted, onsets, chroma);
  return {
    beats: dotted,
    bpm: Math.round((bpm / 3) * 10) / 10,
    meter: { timeSignature: '6/8', beatsPerBar: 2, phase: bars.phase % 2, ternary: true, swingRatio: 1 },
  };
}
