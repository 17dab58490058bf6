/**
 * A tempo-synced stereo echo with feedback through a gentle low-pass. When the delay time changes the
 * read tap moves with a short crossfade from the old tap to the new, so echoes neither click nor bend in
 * pitch. Allocation-free after construction.
 */
const MAX_SECONDS = 2.5;
const CROSSFADE_SECONDS = 0.03;

export class TempoDelay {
  private readonly bufL: Float32Array;
  private readonly bufR: Float32Array;
  private write = 0;
  private tap: number;
  private oldTap: number;
  private fade = 1;
  private readonly fadeStep: number;
  private lpL = 0;
  private lpR = 0;

  constructor(sampleRate: number) {
    const n = Math.ceil(MAX_SECONDS * sampleRate) + 1;
    this.bufL = new Float32Array(n);
    this.bufR = new Float32Array(n);
    this.tap = Math.round(0.375 * sampleRate);
    this.oldTap = this.tap;
    this.fadeStep = 1 / (CROSSFADE_SECONDS * sampleRate);
  }

  /** Delay time in samples (clamped to the buffer). */
  setTime(samples: number): void {
    const s = Math.max(
      1,
      Math.min(this.bufL.length - 1, Math.round(Number.isFinite(samples) ? samples : this.tap)),
    );
    if (s === this.tap) return;
    this.oldTap = this.fade < 1 ? this.oldTap : this.tap;
    this.tap = s;
    this.fade = 0;
  }

  clear(): void {
    this.bufL.fill(0);
    this.bufR.fill(0);
    this.lpL = 0;
    this.lpR = 0;
  }

  /** Adds the echoes of the send into left/right; `mix` 0-1, `feedback` 0-0.9 (clamped). */
  process(
    sendL: Float32Array,
    sendR: Float32Array,
    left: Float32Array,
    right: Float32Array,
    start: number,
    frames: number,
    mix: number,
    feedback: number,
  ): void {
    const fb = Math.max(0, Math.min(0.9, feedback));
    const n = this.bufL.length;
    for (let i = start; i < start + frames; i++) {
      const a = (this.write - this.tap + n) % n;
      let el = this.bufL[a];
      let er = this.bufR[a];
      if (this.fade < 1) {
        const b = (this.write - this.oldTap + n) % n;
        el = el * this.fade + this.bufL[b] * (1 - this.fade);
        er = er * this.fade + this.bufR[b] * (1 - this.fade);
        this.fade = Math.min(1, this.fade + this.fadeStep);
      }
      this.lpL += 0.5 * (el - this.lpL);
      this.lpR += 0.5 * (er - this.lpR);
      if (Math.abs(this.lpL) < 1e-20) this.lpL = 0;
      if (Math.abs(this.lpR) < 1e-20) this.lpR = 0;
      // Ping-pong: each side's echo feeds the other side.
      this.bufL[this.write] = sendL[i] + this.lpR * fb;
      this.bufR[this.write] = sendR[i] + this.lpL * fb;
      this.write = this.write + 1 === n ? 0 : this.write + 1;
      left[i] += el * mix;
      right[i] += er * mix;
    }
  }
}
