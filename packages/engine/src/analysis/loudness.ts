import type { Db, Hz, Lufs } from '../units.js';
import type { LoudnessResult, PcmAudio } from './types.js';

/** Biquad coefficients, a0 normalised to 1. */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/**
 * The two K-weighting stages of ITU-R BS.1770-4 §1 (Tables 1 and 2), for any sample rate: the bilinear transform
 * of the analogue prototypes the 48 kHz tables were derived from (the parameters libebur128 and pyloudnorm use),
 * so 48 kHz reproduces the published coefficients and other rates get the same curve. The high-pass keeps the
 * unnormalised numerator 1, −2, 1, exactly as the standard prints it.
 */
export function kWeighting(sampleRate: Hz): { shelf: Biquad; highPass: Biquad } {
  // Stage 1: a +4 dB high shelf modelling the acoustic effect of the head.
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  // Stage 2: the RLB high-pass (~38 Hz).
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
  return { shelf, highPass };
}

/**
 * One pass over a pair of channels: adds their K-weighted energy (BS.1770-4 §2.1: the mean square is taken after
 * both stages) per gating step of `step` samples into `energy`, times `weight`, and records the largest |sample|
 * of every STRETCH-long piece for the true-peak search. Two channels per loop because each biquad's feedback is a
 * serial dependency: interleaving two independent recursions keeps the FPU busy. Direct form I in float64 locals,
 * with the feedback term added last so it ends the dependency chain; the high-pass numerator is 1, −2, 1.
 */
function scanPair(
  xa: Float32Array,
  xb: Float32Array,
  sampleRate: Hz,
  step: number,
  weight: number,
  energy: Float64Array,
  peaksA: Float32Array,
  peaksB: Float32Array,
): void {
  const { shelf, highPass } = kWeighting(sampleRate);
  const { b0, b1, b2, a1, a2 } = shelf;
  const c1 = highPass.a1;
  const c2 = highPass.a2;
  const n = xa.length;
  let xa1 = 0;
  let xa2 = 0;
  let sa1 = 0;
  let sa2 = 0;
  let ya1 = 0;
  let ya2 = 0;
  let xb1 = 0;
  let xb2 = 0;
  let sb1 = 0;
  let sb2 = 0;
  let yb1 = 0;
  let yb2 = 0;
  let seg = 0;
  let stretch = 0;
  let nextStep = step;
  let nextStretch = STRETCH;
  let sum = 0;
  let ma = 0;
  let mb = 0;
  let i = 0;
  while (i < n) {
    const end = Math.min(n, nextStep, nextStretch);
    for (; i < end; i++) {
      const xa0 = xa[i];
      const xb0 = xb[i];
      const sa0 = b0 * xa0 + b1 * xa1 + b2 * xa2 - a2 * sa2 - a1 * sa1;
      const sb0 = b0 * xb0 + b1 * xb1 + b2 * xb2 - a2 * sb2 - a1 * sb1;
      const ya0 = sa0 - 2 * sa1 + sa2 - c2 * ya2 - c1 * ya1;
      const yb0 = sb0 - 2 * sb1 + sb2 - c2 * yb2 - c1 * yb1;
      sum += ya0 * ya0 + yb0 * yb0;
      // Math.abs compiles branch-free; a sign test would mispredict on every other sample of noisy audio.
      const pa = Math.abs(xa0);
      const pb = Math.abs(xb0);
      if (pa > ma) ma = pa;
      if (pb > mb) mb = pb;
      xa2 = xa1;
      xa1 = xa0;
      sa2 = sa1;
      sa1 = sa0;
      ya2 = ya1;
      ya1 = ya0;
      xb2 = xb1;
      xb1 = xb0;
      sb2 = sb1;
      sb1 = sb0;
      yb2 = yb1;
      yb1 = yb0;
    }
    if (i === nextStretch || i === n) {
      peaksA[stretch] = ma;
      peaksB[stretch] = mb;
      stretch++;
      ma = 0;
      mb = 0;
      nextStretch += STRETCH;
    }
    if (i === nextStep) {
      // A trailing partial step belongs to no complete block, so it is never stored.
      energy[seg++] += sum * weight;
      sum = 0;
      nextStep += step;
    }
  }
}

/** Loudness of a mean square, BS.1770-4 eq. 2 (−0.691 makes a 997 Hz sine read its own RMS level). */
const loudnessOf = (meanSquare: number): Lufs => -0.691 + 10 * Math.log10(meanSquare);

const ABSOLUTE_GATE: Lufs = -70;
const RELATIVE_GATE = -10;

/**
 * Gated integrated loudness, BS.1770-4 §2.2-2.3: blocks at or below −70 LKFS are dropped, then blocks at or below
 * the mean of the rest minus 10 LU; the survivors' mean square gives the loudness. Gating on mean squares is the
 * same as gating on block loudness, since the loudness is monotonic in it.
 */
function gatedLoudness(blocks: Float64Array): Lufs {
  const absoluteFloor = 10 ** ((ABSOLUTE_GATE + 0.691) / 10);
  let sum = 0;
  let count = 0;
  for (const z of blocks) {
    if (z > absoluteFloor) {
      sum += z;
      count++;
    }
  }
  if (count === 0) return Number.NEGATIVE_INFINITY;
  const relativeFloor = (sum / count) * 10 ** (RELATIVE_GATE / 10);
  sum = 0;
  count = 0;
  for (const z of blocks) {
    if (z > absoluteFloor && z > relativeFloor) {
      sum += z;
      count++;
    }
  }
  return loudnessOf(sum / count);
}

/**
 * BS.1770-4 Annex 2, the 48-tap, 4-phase interpolator for 4× oversampling, as printed in the Recommendation
 * (libebur128 designs its own windowed sinc instead). Phases 2 and 3 are phases 1 and 0 reversed (the prototype is symmetric), which the peak loop uses.
 */
const PHASE0 = [
  0.001708984375, 0.010986328125, -0.0196533203125, 0.033203125, -0.0594482421875, 0.1373291015625,
  0.97216796875, -0.102294921875, 0.047607421875, -0.026611328125, 0.014892578125, -0.00830078125,
];
const PHASE1 = [
  -0.0291748046875, 0.029296875, -0.0517578125, 0.089111328125, -0.16650390625, 0.465087890625, 0.77978515625,
  -0.2003173828125, 0.1015625, -0.0582275390625, 0.0330810546875, -0.0189208984375,
];
/**
 * max over phases of Σ|h|: no interpolated value can exceed the window's largest |sample| times this, an exact
 * bound used to skip stretches that cannot raise the peak.
 */
const MAX_PHASE_GAIN = Math.max(
  PHASE0.reduce((s, h) => s + Math.abs(h), 0),
  PHASE1.reduce((s, h) => s + Math.abs(h), 0),
);
// Pairing phase p with its mirror 3 − p: with u = x[n−j] + x[n−11+j] and v = x[n−j] − x[n−11+j] (j < 6), the
// pair's sum and difference are 6-tap dot products, and max(|y_p|, |y_3−p|) = (|sum| + |diff|) / 2.
const S0 = PHASE0.slice(0, 6).map((h, j) => h + PHASE0[11 - j]);
const D0 = PHASE0.slice(0, 6).map((h, j) => h - PHASE0[11 - j]);
const S1 = PHASE1.slice(0, 6).map((h, j) => h + PHASE1[11 - j]);
const D1 = PHASE1.slice(0, 6).map((h, j) => h - PHASE1[11 - j]);
/** True peak is searched in stretches of this many samples, each skipped when the bound says it cannot win. */
const STRETCH = 256;
/** From 192 kHz the samples are already as dense as the Annex's 4 × 48 kHz: no oversampling. */
const NO_OVERSAMPLING_RATE = 192000;

const toDb = (linear: number): Db => 20 * Math.log10(linear);

/**
 * Largest |interpolated value| of x (or `floor`, if none exceeds it), interpolating only the stretches whose bound
 * — their window's largest |sample| times MAX_PHASE_GAIN — exceeds the running maximum. The bound is exact, so the
 * skipping never changes the result.
 */
function channelTruePeak(x: Float32Array, stretchPeaks: Float32Array, floor: number): number {
  const [p0, p1, p2, p3, p4, p5] = S0;
  const [q0, q1, q2, q3, q4, q5] = D0;
  const [r0, r1, r2, r3, r4, r5] = S1;
  const [t0, t1, t2, t3, t4, t5] = D1;
  // Works with twice the peak: (|sum| + |diff|) without the halving.
  let peak2 = 2 * floor;
  for (let b = 0; b < stretchPeaks.length; b++) {
    // Outputs in this stretch read 11 samples back, into the previous stretch.
    const window = b > 0 && stretchPeaks[b - 1] > stretchPeaks[b] ? stretchPeaks[b - 1] : stretchPeaks[b];
    if (2 * window * MAX_PHASE_GAIN <= peak2) continue;
    const start = b * STRETCH;
    const end = Math.min(x.length, start + STRETCH);
    // The 11 previous samples live in locals, so each output reads one new sample.
    let x1 = start >= 1 ? x[start - 1] : 0;
    let x2 = start >= 2 ? x[start - 2] : 0;
    let x3 = start >= 3 ? x[start - 3] : 0;
    let x4 = start >= 4 ? x[start - 4] : 0;
    let x5 = start >= 5 ? x[start - 5] : 0;
    let x6 = start >= 6 ? x[start - 6] : 0;
    let x7 = start >= 7 ? x[start - 7] : 0;
    let x8 = start >= 8 ? x[start - 8] : 0;
    let x9 = start >= 9 ? x[start - 9] : 0;
    let x10 = start >= 10 ? x[start - 10] : 0;
    let x11 = start >= 11 ? x[start - 11] : 0;
    for (let i = start; i < end; i++) {
      const x0 = x[i];
      const u0 = x0 + x11;
      const v0 = x0 - x11;
      const u1 = x1 + x10;
      const v1 = x1 - x10;
      const u2 = x2 + x9;
      const v2 = x2 - x9;
      const u3 = x3 + x8;
      const v3 = x3 - x8;
      const u4 = x4 + x7;
      const v4 = x4 - x7;
      const u5 = x5 + x6;
      const v5 = x5 - x6;
      const sum0 = p0 * u0 + p1 * u1 + p2 * u2 + p3 * u3 + p4 * u4 + p5 * u5;
      const diff0 = q0 * v0 + q1 * v1 + q2 * v2 + q3 * v3 + q4 * v4 + q5 * v5;
      const sum1 = r0 * u0 + r1 * u1 + r2 * u2 + r3 * u3 + r4 * u4 + r5 * u5;
      const diff1 = t0 * v0 + t1 * v1 + t2 * v2 + t3 * v3 + t4 * v4 + t5 * v5;
      const e0 = Math.abs(sum0) + Math.abs(diff0);
      const e1 = Math.abs(sum1) + Math.abs(diff1);
      if (e0 > peak2) peak2 = e0;
      if (e1 > peak2) peak2 = e1;
      x11 = x10;
      x10 = x9;
      x9 = x8;
      x8 = x7;
      x7 = x6;
      x6 = x5;
      x5 = x4;
      x4 = x3;
      x3 = x2;
      x2 = x1;
      x1 = x0;
    }
  }
  return 0.5 * peak2;
}

/**
 * Integrated loudness (ITU-R BS.1770-4 / EBU R128), true peak (BS.1770-4 Annex 2) and sample peak.
 * All channels weigh 1.0 (BS.1770-4 Table 3 for L, R, C; inputs here are mono or stereo). Digital silence reads
 * −Infinity throughout. A clip shorter than one 400 ms block is measured as a single block rather than left
 * without a value (BS.1770 defines none for it). The true peak is never reported below the sample peak: the
 * continuous signal passes through every sample, though the Annex's short interpolator can read a few hundredths
 * of a dB under one (libebur128 does the same).
 */
export function measureLoudness(audio: PcmAudio): LoudnessResult {
  const { channels, sampleRate } = audio;
  const length = channels.length > 0 ? channels[0].length : 0;
  if (length === 0) {
    return {
      lufs: Number.NEGATIVE_INFINITY,
      truePeakDb: Number.NEGATIVE_INFINITY,
      samplePeakDb: Number.NEGATIVE_INFINITY,
    };
  }
  const step = Math.round(sampleRate / 10);
  const steps = Math.floor(length / step);
  const whole = steps < 4;
  const energy = new Float64Array(whole ? 1 : steps);
  const stretchPeaks = channels.map(() => new Float32Array(Math.ceil(length / STRETCH)));
  for (let c = 0; c < channels.length; c += 2) {
    // An odd channel out is paired with itself at half weight.
    const d = c + 1 < channels.length ? c + 1 : c;
    const weight = d === c ? 0.5 : 1;
    scanPair(
      channels[c],
      channels[d],
      sampleRate,
      whole ? length : step,
      weight,
      energy,
      stretchPeaks[c],
      stretchPeaks[d],
    );
  }

  let blocks: Float64Array;
  if (whole) {
    blocks = Float64Array.of(energy[0] / length);
  } else {
    // 400 ms blocks overlapping by 75 % (BS.1770-4 §2.1) are four consecutive 100 ms steps.
    blocks = new Float64Array(steps - 3);
    for (let j = 0; j < blocks.length; j++) {
      blocks[j] = (energy[j] + energy[j + 1] + energy[j + 2] + energy[j + 3]) / (4 * step);
    }
  }
  const lufs = gatedLoudness(blocks);

  let samplePeak = 0;
  for (const peaks of stretchPeaks) for (const m of peaks) if (m > samplePeak) samplePeak = m;
  let truePeak = samplePeak;
  if (sampleRate < NO_OVERSAMPLING_RATE && samplePeak > 0) {
    for (let c = 0; c < channels.length; c++)
      truePeak = channelTruePeak(channels[c], stretchPeaks[c], truePeak);
  }
  return { lufs, truePeakDb: toDb(truePeak), samplePeakDb: toDb(samplePeak) };
}
