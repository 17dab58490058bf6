/** Rates an instrument shares with all its voices' envelopes; change them any time, levels stay continuous. */
export interface AdsrRates {
  /** Level added per sample during attack (1 / attack samples). */
  attackStep: number;
  /** Per-sample multiplier of the distance to the sustain level. */
  decayCoef: number;
  /** Sustain as a fraction of the peak. */
  sustain: number;
  /** Per-sample multiplier during release. */
  releaseCoef: number;
}

const IDLE = 0;
const ATTACK = 1;
const DECAY = 2;
const SUSTAIN = 3;
const RELEASE = 4;

/** Below this (-100 dB) an envelope counts as finished and snaps to exact 0, so no state decays to denormals. */
export const SILENT_LEVEL = 1e-5;

/**
 * Linear-attack, exponential decay/release ADSR. A retrigger continues from the current level (no reset to
 * 0), and a peak below the current level is reached by decaying, so velocity changes never jump.
 */
export class Adsr {
  value = 0;
  private stage = IDLE;
  private peak = 1;

  constructor(private readonly rates: AdsrRates) {}

  get active(): boolean {
    return this.stage !== IDLE;
  }

  trigger(peak: number): void {
    this.peak = peak;
    this.stage = ATTACK;
  }

  release(): void {
    if (this.stage !== IDLE) this.stage = RELEASE;
  }

  clear(): void {
    this.value = 0;
    this.stage = IDLE;
  }

  next(): number {
    const r = this.rates;
    switch (this.stage) {
      case ATTACK:
        if (this.value < this.peak) {
          this.value += r.attackStep * this.peak;
          if (this.value >= this.peak) {
            this.value = this.peak;
            this.stage = DECAY;
          }
        } else this.stage = DECAY;
        break;
      case DECAY: {
        const target = r.sustain * this.peak;
        this.value = target + (this.value - target) * r.decayCoef;
        if (Math.abs(this.value - target) < SILENT_LEVEL * 0.1) {
          this.value = target;
          this.stage = SUSTAIN;
        }
        if (this.value < SILENT_LEVEL) this.clear();
        break;
      }
      case SUSTAIN:
        // Follows a sustain change without a jump larger than the decay would make.
        this.value += (r.sustain * this.peak - this.value) * (1 - r.decayCoef);
        if (this.value < SILENT_LEVEL) this.clear();
        break;
      case RELEASE:
        this.value *= r.releaseCoef;
        if (this.value < SILENT_LEVEL) this.clear();
        break;
    }
    return this.value;
  }
}
