/**
 * A look-ahead true-peak limiter: whatever the knobs say, the output stays at or below the ceiling
 * (−1 dBTP by default). The peak detector looks between samples (4× interpolation), the gain needed for
 * each sample is held over the look-ahead window (sliding minimum) and box-averaged over the same window,
 * which makes the gain reach the required value exactly when the peak comes out of the delay line; then
 * it recovers with a release time constant. A final safety clamp at the ceiling guards the samples
 * themselves. Latency: `latency` samples. No allocation in `process`.
 */
export interface LimiterOptions {
  ceilingDb: number;
  lookaheadSeconds: number;
  releaseSeconds: number;
}

export const DEFAULT_LIMITER: LimiterOptions = {
  ceilingDb: -1,
  lookaheadSeconds: 0.0015,
  releaseSeconds: 0.12,
};

/** Internal margin under the ceiling, for the 4× detector's error between its interpolation points. */
const DETECTOR_MARGIN_DB = 0.25;

/** 4-phase interpolation taps (windowed sinc, 8 taps per phase) for the inter-sample peak detector. */
function interpolationTaps(): Float32Array {
  const taps = new Float32Array(3 * 8);
  for (let phase = 1; phase <= 3; phase++) {
    const frac = phase / 4;
    let sum = 0;
    for (let k = 0; k < 8; k++) {
      const t = k - 3 - frac; // centred between samples 3 and 4 of the 8-sample window
      const x = Math.PI * t;
      const sinc = t === 0 ? 1 : Math.sin(x) / x;
      const w = 0.5 + 0.5 * Math.cos((Math.PI * t) / 4.5);
      taps[(phase - 1) * 8 + k] = sinc * w;
      sum += sinc * w;
    }
    for (let k = 0; k < 8; k++) taps[(phase - 1) * 8 + k] /= sum;
  }
  return taps;
}

export class TruePeakLimiter {
  /** Total delay through the limiter, in samples (look-ahead plus the detector's half window). */
  readonly latency: number;
  private readonly window: number;
  private readonly ceiling: number;
  private readonly releaseCoefficient: number;
  private readonly taps = interpolationTaps();
  /** Recent input per channel (8 samples) for the interpolator. */
  private readonly history: Float32Array[] = [new Float32Array(8), new Float32Array(8)];
  private historyPos = 0;
  /** Delay lines for the audio and rings for the required gain and the released gain. */
  private readonly delay: Float32Array[];
  private readonly dequeGain: Float64Array;
  private readonly dequeTime: Float64Array;
  private dqHead = 0;
  private dqSize = 0;
  private readonly released: Float32Array;
  private pos = 0;
  private releasedGain = 1;
  private boxSum: number;
  private reduction = 1;

  constructor(sampleRate: number, options: LimiterOptions = DEFAULT_LIMITER) {
    this.window = Math.max(1, Math.round(options.lookaheadSeconds * sampleRate));
    this.latency = this.window - 1 + 4;
    this.ceiling = 10 ** ((options.ceilingDb - DETECTOR_MARGIN_DB) / 20);
    this.releaseCoefficient = Math.exp(-1 / (options.releaseSeconds * sampleRate));
    // The interpolator sees 4 samples ahead of the one it judges; delay the audio by that too.
    this.delay = [new Float32Array(this.window + 4), new Float32Array(this.window + 4)];
    this.dequeGain = new Float64Array(this.window + 1);
    this.dequeTime = new Float64Array(this.window + 1);
    this.released = new Float32Array(this.window).fill(1);
    this.boxSum = this.window;
  }

  /** Smallest gain applied during the last `process` call (1 = no limiting), for metering. */
  get gainReduction(): number {
    return this.reduction;
  }

  /** Limits `left`/`right` in place over [start, start+frames). */
  process(left: Float32Array, right: Float32Array, start: number, frames: number): void {
    const taps = this.taps;
    const [hl, hr] = this.history;
    const [dl, dr] = this.delay;
    const L = this.window;
    const dlen = dl.length;
    let minGain = 1;
    for (let i = start; i < start + frames; i++) {
      const xl = Number.isFinite(left[i]) ? left[i] : 0;
      const xr = Number.isFinite(right[i]) ? right[i] : 0;
      // Inter-sample peak between history samples 3 and 4 (the window's centre), plus the sample itself.
      hl[this.historyPos] = xl;
      hr[this.historyPos] = xr;
      this.historyPos = (this.historyPos + 1) & 7;
      let peak = 0;
      const centre = (this.historyPos + 3) & 7;
      peak = Math.max(Math.abs(hl[centre]), Math.abs(hr[centre]));
      for (let p = 0; p < 3; p++) {
        let sl = 0;
        let sr = 0;
        for (let k = 0; k < 8; k++) {
          const j = (this.historyPos + k) & 7;
          sl += hl[j] * taps[p * 8 + k];
          sr += hr[j] * taps[p * 8 + k];
        }
        peak = Math.max(peak, Math.abs(sl), Math.abs(sr));
      }
      const need = peak > this.ceiling ? this.ceiling / peak : 1;
      // Sliding minimum of the required gain over the look-ahead window: a monotonic deque of
      // (time, gain) pairs with increasing gains, so each sample costs O(1) amortised.
      const ring = this.pos % L;
      const dq = this.dequeGain;
      const dt = this.dequeTime;
      const cap = dq.length;
      while (this.dqSize > 0 && dq[(this.dqHead + this.dqSize - 1) % cap] >= need) this.dqSize--;
      dq[(this.dqHead + this.dqSize) % cap] = need;
      dt[(this.dqHead + this.dqSize) % cap] = this.pos;
      this.dqSize++;
      while (dt[this.dqHead] <= this.pos - L) {
        this.dqHead = (this.dqHead + 1) % cap;
        this.dqSize--;
      }
      const windowMin = dq[this.dqHead];
      // Release: rise towards 1 slowly, never above the window's minimum.
      this.releasedGain = Math.min(windowMin, 1 - (1 - this.releasedGain) * this.releaseCoefficient);
      this.boxSum += this.releasedGain - this.released[ring];
      this.released[ring] = this.releasedGain;
      let gain = this.boxSum / L;
      if (gain > 1) gain = 1;
      if (gain < minGain) minGain = gain;
      // The audio judged now is the sample at the window's centre, `L - 1` samples behind the gain.
      const w = this.pos % dlen;
      dl[w] = hl[centre];
      dr[w] = hr[centre];
      const r = (this.pos + dlen - (L - 1)) % dlen;
      let yl = dl[r] * gain;
      let yr = dr[r] * gain;
      const hard = this.ceiling;
      if (yl > hard) yl = hard;
      else if (yl < -hard) yl = -hard;
      if (yr > hard) yr = hard;
      else if (yr < -hard) yr = -hard;
      left[i] = yl;
      right[i] = yr;
      this.pos++;
    }
    // Keep the box sum exact over long runs (float drift).
    if ((this.pos & 0xffff) < frames) {
      let s = 0;
      for (let k = 0; k < L; k++) s += this.released[k];
      this.boxSum = s;
    }
    this.reduction = minGain;
  }
}
