/**
 * Dynamic-programming beat tracker (Ellis, "Beat Tracking by Dynamic Programming", JNMR 2007): the best
 * sequence of beats maximises onset strength at the beats minus a penalty for intervals that stray from the
 * period. Beats therefore land on the onsets a drummer would play, not merely at the right spacing.
 */
export interface BeatTrackOptions {
  /** How strongly intervals are held to the period; 100 is Ellis' and librosa's default. */
  tightness: number;
}

export const DEFAULT_BEAT_OPTIONS: BeatTrackOptions = { tightness: 100 };

/** Returns beat positions in (fractional) onset frames. */
export function trackBeats(
  onsets: Float32Array,
  period: number,
  options: BeatTrackOptions = DEFAULT_BEAT_OPTIONS,
): number[] {
  const n = onsets.length;
  if (n === 0 || !(period > 1)) return [];
  const local = smoothLocalScore(onsets, period);
  const score = new Float64Array(n);
  const backlink = new Int32Array(n).fill(-1);
  const minStep = Math.max(1, Math.round(period / 2));
  const maxStep = Math.round(period * 2);
  // The transition penalty depends only on the step, so tabulate it once.
  const penalty = new Float64Array(maxStep + 1);
  for (let d = minStep; d <= maxStep; d++) {
    const l = Math.log(d / period);
    penalty[d] = -options.tightness * l * l;
  }
  for (let i = 0; i < n; i++) {
    let best = Number.NEGATIVE_INFINITY;
    let arg = -1;
    const from = i - maxStep;
    const to = i - minStep;
    for (let j = Math.max(0, from); j <= to; j++) {
      const s = score[j] + penalty[i - j];
      if (s > best) {
        best = s;
        arg = j;
      }
    }
    score[i] = local[i] + (arg >= 0 ? Math.max(0, best) : 0);
    backlink[i] = arg >= 0 && best > 0 ? arg : -1;
  }

  // End on the best-scoring beat within the last period, then follow the links back.
  let end = n - 1;
  let endScore = Number.NEGATIVE_INFINITY;
  for (let i = Math.max(0, n - Math.ceil(period)); i < n; i++) {
    if (score[i] > endScore) {
      endScore = score[i];
      end = i;
    }
  }
  const frames: number[] = [];
  for (let i = end; i >= 0; i = backlink[i]) frames.push(i);
  frames.reverse();
  return trimWeakEdges(frames, local).map((f) => refinePeak(onsets, f));
}

/** Onsets convolved with a Gaussian a sixteenth of the period wide, so near-misses still count. */
function smoothLocalScore(onsets: Float32Array, period: number): Float64Array {
  const sigma = Math.max(1, period / 16);
  const half = Math.ceil(sigma * 3);
  const kernel = new Float64Array(half * 2 + 1);
  for (let k = -half; k <= half; k++) kernel[k + half] = Math.exp(-0.5 * (k / sigma) ** 2);
  const out = new Float64Array(onsets.length);
  for (let i = 0; i < onsets.length; i++) {
    let s = 0;
    for (let k = -half; k <= half; k++) {
      const j = i + k;
      if (j >= 0 && j < onsets.length) s += onsets[j] * kernel[k + half];
    }
    out[i] = s;
  }
  return out;
}

/** Drops leading and trailing beats in near-silence (the tracker extrapolates into them). */
function trimWeakEdges(frames: number[], local: Float64Array): number[] {
  if (frames.length < 3) return frames;
  let sq = 0;
  for (const f of frames) sq += local[f] * local[f];
  const threshold = 0.5 * Math.sqrt(sq / frames.length);
  let a = 0;
  let b = frames.length - 1;
  while (a < b && local[frames[a]] < threshold) a++;
  while (b > a && local[frames[b]] < threshold) b--;
  return frames.slice(a, b + 1);
}

/** Moves a beat to the sub-frame maximum of the onset curve within ±1 frame (parabolic interpolation). */
function refinePeak(onsets: Float32Array, frame: number): number {
  let f = frame;
  if (f > 0 && onsets[f - 1] > onsets[f] && onsets[f - 1] >= (onsets[f + 1] ?? 0)) f--;
  else if (f + 1 < onsets.length && onsets[f + 1] > onsets[f]) f++;
  if (f <= 0 || f >= onsets.length - 1) return f;
  const a = onsets[f - 1];
  const b = onsets[f];
  const c = onsets[f + 1];
  const denom = a - 2 * b + c;
  if (denom >= 0) return f;
  const delta = (0.5 * (a - c)) / denom;
  return f + Math.max(-0.5, Math.min(0.5, delta));
}
