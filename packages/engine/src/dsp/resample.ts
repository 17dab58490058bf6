import type { Hz } from '../units.js';

/**
 * - `analysis`: short kernels (20 taps per phase for 48 kHz → 22.05 kHz, ~12-15 ms for 20 s here), for the 150 ms
 *   analysis budget. The −6 dB point sits at the lower Nyquist; the passband is flat (±0.02 dB) to 0.58 of it, and
 *   everything above 1.42 × Nyquist — all that could fold back into the passband — is ≥ 60 dB down. Tones between
 *   Nyquist and 1.42 × Nyquist fold, attenuated, into the top of the band (above 0.58 × Nyquist) and never into the
 *   passband. A stopband starting right at Nyquist would need ~3× the taps for the same passband.
 * - `high`: ≥ 100 dB stopband starting exactly at the lower Nyquist (alias-free), flat to 0.9 of it; for export.
 */
export type ResampleQuality = 'analysis' | 'high';

interface FilterSpec {
  /** Least stopband attenuation the Kaiser design aims for, dB. */
  stopbandDb: number;
  /** Passband and stopband edges as fractions of the lower Nyquist frequency. */
  passEdge: number;
  stopEdge: number;
}

const SPECS: Record<ResampleQuality, FilterSpec> = {
  // The transition is as wide as the 15 ms budget (20 s of 48 kHz → 22.05 kHz) allows; centred on Nyquist, so
  // the passband keeps most of the 11 kHz band that onset detection and Basic Pitch look at.
  analysis: { stopbandDb: 60, passEdge: 0.58, stopEdge: 1.42 },
  high: { stopbandDb: 106, passEdge: 0.9, stopEdge: 1 },
};

const MIN_RATE = 8000;
const MAX_RATE = 192000;
/** Above this many phases (odd ratios such as 44100 → 44101) a fine table is interpolated instead of held whole. */
const MAX_EXACT_PHASES = 1024;
/**
 * Phases of the fine table for odd ratios. Linear interpolation between rows errs by ~(π/P)²/8 of the kernel
 * peak: −125 dB at P = 2048, below the `high` stopband.
 */
const FINE_PHASES = 2048;
const CACHE_SIZE = 8;

interface PolyphaseTable {
  /** Taps per phase, a multiple of 4 so the inner loop runs four accumulators. */
  taps: number;
  /** Rows of the table: the exact phase count, or FINE_PHASES + 1 for the interpolated path. */
  rows: number;
  coeffs: Float32Array;
}

const cache = new Map<string, PolyphaseTable>();

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function of the first kind, by its power series (converges fast for β < 20). */
function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200 && term > sum * 1e-17; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

/** Kaiser's β for a given stopband attenuation (Kaiser 1974; Oppenheim & Schafer eq. 7.62). */
function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

/**
 * Builds the polyphase table. Time is in input samples; `cutoffRatio` is the lower rate over the input rate.
 * Row `r` holds the kernel for an output falling `r / divisions` of a sample after an input sample, tap `k`
 * weighting input sample `base − taps/2 + 1 + k`.
 */
function buildTable(spec: FilterSpec, cutoffRatio: number, rows: number, divisions: number): PolyphaseTable {
  const nyquist = 0.5 * Math.min(1, cutoffRatio); // cycles per input sample
  const transition = (spec.stopEdge - spec.passEdge) * nyquist;
  const cutoff = 0.5 * (spec.stopEdge + spec.passEdge) * nyquist;
  // Kaiser's length estimate (O&S eq. 7.63) gives the kernel span in input samples.
  const span = (spec.stopbandDb - 7.95) / (14.36 * transition);
  const taps = Math.max(4, Math.ceil(span / 4) * 4);
  const half = taps / 2;
  // Rounding the taps up leaves spare length: spend it on more attenuation (the same formula solved for A).
  const beta = kaiserBeta(7.95 + 14.36 * transition * taps);
  const i0Beta = besselI0(beta);
  const coeffs = new Float32Array(rows * taps);
  const row = new Float64Array(taps);
  for (let r = 0; r < rows; r++) {
    const frac = r / divisions;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const t = k - half + 1 - frac;
      const u = t / half;
      const window = u * u >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta;
      const x = 2 * cutoff * t;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      row[k] = 2 * cutoff * sinc * window;
      sum += row[k];
    }
    // Unit DC gain in every phase, so a constant stays constant (no ripple at the phase rate).
    for (let k = 0; k < taps; k++) coeffs[r * taps + k] = row[k] / sum;
  }
  return { taps, rows, coeffs };
}

function getTable(key: string, make: () => PolyphaseTable): PolyphaseTable {
  let table = cache.get(key);
  if (table) {
    // Re-insert so the Map's order is least-recently used first.
    cache.delete(key);
    cache.set(key, table);
    return table;
  }
  table = make();
  cache.set(key, table);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return table;
}

/** Dot product of one table row with the input around `start`, treating samples outside the input as zero. */
function edgeDot(x: Float32Array, start: number, c: Float32Array, off: number, taps: number): number {
  let acc = 0;
  const from = Math.max(0, -start);
  const to = Math.min(taps, x.length - start);
  for (let k = from; k < to; k++) acc += x[start + k] * c[off + k];
  return acc;
}

function dot(x: Float32Array, start: number, c: Float32Array, off: number, taps: number): number {
  if (start < 0 || start + taps > x.length) return edgeDot(x, start, c, off, taps);
  // Four accumulators: the add latency, not the multiplies, bounds a single-chain loop.
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  for (let k = 0; k < taps; k += 4) {
    const j = start + k;
    const o = off + k;
    a0 += x[j] * c[o];
    a1 += x[j + 1] * c[o + 1];
    a2 += x[j + 2] * c[o + 2];
    a3 += x[j + 3] * c[o + 3];
  }
  return a0 + a1 + a2 + a3;
}

/** Exact rational path: output n sits at input time n·M/L, whose fractional part is one of L phases. */
function runExact(x: Float32Array, y: Float32Array, table: PolyphaseTable, up: number, down: number): void {
  const { taps, coeffs } = table;
  const lead = taps / 2 - 1;
  const whole = Math.floor(down / up);
  const part = down % up;
  const last = x.length - taps;
  let base = 0;
  let phase = 0;
  for (let n = 0; n < y.length; n++) {
    const start = base - lead;
    let off = phase * taps;
    if (start >= 0 && start <= last) {
      // Inlined hot loop; four accumulators because the add latency, not the multiplies, bounds one chain.
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let j = start, end = off + taps; off < end; off += 4, j += 4) {
        a0 += x[j] * coeffs[off];
        a1 += x[j + 1] * coeffs[off + 1];
        a2 += x[j + 2] * coeffs[off + 2];
        a3 += x[j + 3] * coeffs[off + 3];
      }
      y[n] = a0 + a1 + a2 + a3;
    } else {
      y[n] = edgeDot(x, start, coeffs, off, taps);
    }
    base += whole;
    phase += part;
    if (phase >= up) {
      phase -= up;
      base++;
    }
  }
}

/** Any ratio: the fractional position picks two neighbouring rows of a fine table, blended linearly. */
function runInterpolated(x: Float32Array, y: Float32Array, table: PolyphaseTable, step: number): void {
  const { taps, coeffs } = table;
  const lead = taps / 2 - 1;
  for (let n = 0; n < y.length; n++) {
    const t = n * step;
    const base = Math.floor(t);
    const pos = (t - base) * FINE_PHASES;
    const r = Math.min(FINE_PHASES - 1, Math.floor(pos));
    const w = pos - r;
    const lo = dot(x, base - lead, coeffs, r * taps, taps);
    const hi = dot(x, base - lead, coeffs, (r + 1) * taps, taps);
    y[n] = lo + w * (hi - lo);
  }
}

function checkRate(rate: Hz, name: string): void {
  if (!Number.isFinite(rate) || rate < MIN_RATE || rate > MAX_RATE) {
    throw new RangeError(`${name} must be between ${MIN_RATE} and ${MAX_RATE} Hz, got ${rate}`);
  }
}

/**
 * Resamples `input` from `fromRate` to `toRate` with a Kaiser-windowed-sinc polyphase filter whose low-pass sits at
 * the lower of the two Nyquist frequencies. Output sample n lies at input time n·fromRate/toRate exactly: the
 * kernel is centred there, so there is no delay to compensate and a click at t stays at t. The output has
 * round(input.length · toRate / fromRate) samples; samples beyond the ends of the input are taken as zero.
 * Filter tables are built once per (ratio, quality) and cached.
 */
export function resample(
  input: Float32Array,
  fromRate: Hz,
  toRate: Hz,
  quality: ResampleQuality = 'analysis',
): Float32Array {
  checkRate(fromRate, 'fromRate');
  checkRate(toRate, 'toRate');
  if (fromRate === toRate) return input.slice();
  const y = new Float32Array(Math.round((input.length * toRate) / fromRate));
  const spec = SPECS[quality];
  if (Number.isInteger(fromRate) && Number.isInteger(toRate)) {
    const g = gcd(fromRate, toRate);
    const up = toRate / g;
    const down = fromRate / g;
    if (up <= MAX_EXACT_PHASES) {
      const table = getTable(`${up}/${down}/${quality}`, () => buildTable(spec, up / down, up, up));
      runExact(input, y, table, up, down);
      return y;
    }
  }
  const ratio = toRate / fromRate;
  const table = getTable(`~${ratio}/${quality}`, () => buildTable(spec, ratio, FINE_PHASES + 1, FINE_PHASES));
  runInterpolated(input, y, table, fromRate / toRate);
  return y;
}
