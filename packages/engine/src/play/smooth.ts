/**
 * One-pole parameter smoothing: a knob jump becomes a short exponential glide (time constant `seconds`), so
 * no parameter change clicks or zips. `next()` is called per sample; `settled` lets a block skip the work.
 */
export class Smoothed {
  private current: number;
  private target: number;
  private readonly coefficient: number;

  constructor(initial: number, seconds: number, sampleRate: number) {
    this.current = initial;
    this.target = initial;
    this.coefficient = seconds > 0 ? Math.exp(-1 / (seconds * sampleRate)) : 0;
  }

  set(target: number): void {
    if (Number.isFinite(target)) this.target = target;
  }

  /** Jump without gliding (on reset or before any audio ran). */
  jump(value: number): void {
    if (!Number.isFinite(value)) return;
    this.current = value;
    this.target = value;
  }

  get value(): number {
    return this.current;
  }

  get settled(): boolean {
    return this.current === this.target;
  }

  next(): number {
    const c = this.current;
    const t = this.target;
    if (c === t) return c;
    const n = t + (c - t) * this.coefficient;
    // Snap when within a hair, so `settled` becomes true and denormals never appear.
    this.current = Math.abs(n - t) < 1e-7 * (1 + Math.abs(t)) ? t : n;
    return this.current;
  }
}
