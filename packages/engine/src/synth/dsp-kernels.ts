/**
 * Small per-sample building blocks shared by the voices. All are plain functions or classes over numbers,
 * with no allocation after construction.
 */

/** ln(1000): a time constant for "decays by 60 dB in t seconds". */
const LN_1000 = Math.log(1000);

/** Per-sample multiplier that falls by 60 dB in `seconds`. */
export function decayCoef(seconds: number, sampleRate: number): number {
  return Math.exp(-LN_1000 / Math.max(1e-4, seconds * sampleRate));
}

/** Per-sample coefficient of a one-pole smoother with time constant `seconds` (1 = frozen). */
export function smoothCoef(seconds: number, sampleRate: number): number {
  return Math.exp(-1 / Math.max(1e-6, seconds * sampleRate));
}

/**
 * Rational tanh approximation (Padé 3/2), exact at ±3 where it reaches ±1 and clamped beyond, so it is
 * bounded, odd and smooth enough for saturation, at a fraction of Math.tanh's cost.
 */
export function softClip(x: number): number {
  if (x > 3) return 1;
  if (x < -3) return -1;
  const x2 = x * x;
  return (x * (27 + x2)) / (27 + 9 * x2);
}

/**
 * PolyBLEP residual for a unit-phase saw's wrap (Välimäki & Huovilainen 2007): two samples of a polynomial
 * band-limited step, subtracted at each discontinuity.
 */
export function polyBlep(t: number, dt: number): number {
  if (t < dt) {
    const x = t / dt;
    return x + x - x * x - 1;
  }
  if (t > 1 - dt) {
    const x = (t - 1) / dt;
    return x * x + x + x + 1;
  }
  return 0;
}

/**
 * Band-limited triangle, -1 at phase 0 and +1 at phase 0.5, with the corners rounded by the integrated
 * PolyBLEP (polyBLAMP): the ramp residual (1-|x|)³/6 scaled by the slope change (±8 per cycle) and dt.
 */
export function triangleBlamp(t: number, dt: number): number {
  let y = 1 - 4 * Math.abs(t - 0.5);
  const c = (4 / 3) * dt;
  if (t < dt) {
    const u = 1 - t / dt;
    y += c * u * u * u;
  } else if (t > 1 - dt) {
    const u = 1 - (1 - t) / dt;
    y += c * u * u * u;
  }
  const d = Math.abs(t - 0.5);
  if (d < dt) {
    const u = 1 - d / dt;
    y -= c * u * u * u;
  }
  return y;
}

export const SINE_SIZE = 4096;
/** One cycle of sine plus a guard point, read with linear interpolation (error < 3e-7). */
export const SINE = new Float64Array(SINE_SIZE + 1);
for (let i = 0; i <= SINE_SIZE; i++) SINE[i] = Math.sin((2 * Math.PI * i) / SINE_SIZE);

/** xorshift32 white noise (Marsaglia 2003): seeded, so a render reproduces exactly. */
export class Noise {
  /** State, public so hot loops can run the three xorshifts inline (see addTo). */
  s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  /** Uniform in [-1, 1). */
  next(): number {
    let s = this.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.s = s >>> 0;
    return (s | 0) / 2147483648;
  }

  /** Adds `gain` × n noise samples to `out`. */
  addTo(out: Float64Array, n: number, gain: number): void {
    let s = this.s;
    for (let i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[i] += gain * ((s | 0) / 2147483648);
    }
    this.s = s >>> 0;
  }
}

/**
 * Topology-preserving-transform state-variable filter (Zavalishin 2012; Simper's "SvfLinearTrapOptimised2"):
 * stable for any positive cutoff and damping, so the cutoff may move every sample. `k` = 1/Q.
 * Hot loops read the coefficients and states into locals and run the same arithmetic inline (see
 * AnalogVoice); `process` does that for a fixed cutoff over a block, in place.
 */
export class Svf {
  ic1 = 0;
  ic2 = 0;
  a1 = 1;
  a2 = 0;
  a3 = 0;
  k = 2;

  /** `g` = tan(π fc / fs); use `tuning` for a fixed cutoff. */
  set(g: number, k: number): void {
    this.k = k;
    this.a1 = 1 / (1 + g * (g + k));
    this.a2 = g * this.a1;
    this.a3 = g * this.a2;
  }

  tuning(hz: number, sampleRate: number, k: number): void {
    const fc = Math.min(Math.max(hz, 5), 0.45 * sampleRate);
    this.set(Math.tan((Math.PI * fc) / sampleRate), k);
  }

  /** Filters buf[0, n) in place: mode 1 low-pass, 2 band-pass, 3 high-pass (0: untouched). */
  process(buf: Float64Array, n: number, mode: number): void {
    if (mode === 0) return;
    const { a1, a2, a3, k } = this;
    let ic1 = this.ic1;
    let ic2 = this.ic2;
    for (let i = 0; i < n; i++) {
      const x = buf[i];
      const v3 = x - ic2;
      const v1 = a1 * ic1 + a2 * v3;
      const v2 = ic2 + a2 * ic1 + a3 * v3;
      ic1 = 2 * v1 - ic1;
      ic2 = 2 * v2 - ic2;
      buf[i] = mode === 1 ? v2 : mode === 2 ? v1 : x - k * v1 - v2;
    }
    this.ic1 = ic1;
    this.ic2 = ic2;
  }

  clear(): void {
    this.ic1 = this.ic2 = 0;
  }
}

/** MIDI velocity (1-127) to amplitude: a square law over a floor, close to how players expect dynamics. */
export function velocityGain(velocity: number): number {
  const v = velocity / 127;
  return 0.1 + 0.9 * v * v;
}

/** Frequency of MIDI note `pitch` (fractional allowed), A4 = 440 Hz. */
export function noteHz(pitch: number): number {
  return 440 * Math.exp((pitch - 69) * (Math.LN2 / 12));
}
