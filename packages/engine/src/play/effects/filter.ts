/**
 * Topology-preserving-transform state-variable filter (Zavalishin, "The Art of VA Filter Design", ch. 3):
 * stable under fast cut-off sweeps, which the effects knob does. One instance per channel; the cut-off is
 * smoothed per sample on a log scale by the caller or via `setCutoff` glide.
 */
export class SvfFilter {
  private ic1 = 0;
  private ic2 = 0;
  private g = 0;
  private k = Math.SQRT2;
  private cutoff = -1;
  private readonly sampleRate: number;

  constructor(sampleRate: number) {
    this.sampleRate = sampleRate;
  }

  setCutoff(hz: number, q = Math.SQRT1_2): void {
    const f = Math.max(10, Math.min(this.sampleRate * 0.49, Number.isFinite(hz) ? hz : 1000));
    if (f === this.cutoff) return;
    this.cutoff = f;
    this.g = Math.tan((Math.PI * f) / this.sampleRate);
    this.k = 1 / Math.max(0.1, q);
  }

  reset(): void {
    this.ic1 = 0;
    this.ic2 = 0;
  }

  /** Processes one sample; returns [low, high] through the out-parameter-free pair of methods below. */
  lowPass(x: number): number {
    const { g, k } = this;
    const v3 = x - this.ic2;
    const v1 = (this.ic1 + g * v3) / (1 + g * (g + k));
    const v2 = this.ic2 + g * v1;
    this.ic1 = flush(2 * v1 - this.ic1);
    this.ic2 = flush(2 * v2 - this.ic2);
    return v2;
  }

  highPass(x: number): number {
    const { g, k } = this;
    const v3 = x - this.ic2;
    const v1 = (this.ic1 + g * v3) / (1 + g * (g + k));
    const v2 = this.ic2 + g * v1;
    this.ic1 = flush(2 * v1 - this.ic1);
    this.ic2 = flush(2 * v2 - this.ic2);
    return x - k * v1 - v2;
  }
}

function flush(x: number): number {
  return x < 1e-20 && x > -1e-20 ? 0 : x;
}
