/**
 * One-pole smoothing of a control toward its target, one value per sample into a buffer. The path depends
 * only on the number of samples since the change, never on how they were split into blocks.
 */
export class ParamSmoother {
  current: number;
  target: number;

  constructor(
    value: number,
    /** Per-sample coefficient, from smoothCoef(). */
    private readonly coef: number,
  ) {
    this.current = value;
    this.target = value;
  }

  fill(out: Float32Array, n: number): void {
    if (this.current === this.target) {
      out.fill(this.current, 0, n);
      return;
    }
    const a = 1 - this.coef;
    const t = this.target;
    let c = this.current;
    for (let i = 0; i < n; i++) {
      c += (t - c) * a;
      if (Math.abs(t - c) < 1e-6) c = t;
      out[i] = c;
    }
    this.current = c;
  }
}
