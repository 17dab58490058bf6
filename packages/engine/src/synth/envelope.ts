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

  /**
   * Writes the next n levels into `out` and returns the index of the first sample at which the envelope is
   * finished (n if it is still running). Whole blocks at a time: no per-sample call returning a number,
   * which V8 would box on the heap when it does not inline the call.
   */
  render(out: Float64Array, n: number): number {
    const r = this.rates;
    let value = this.value;
    let stage = this.stage;
    let end = n;
    for (let i = 0; i < n; i++) {
      if (stage === ATTACK) {
        if (value < this.peak) {
          value += r.attackStep * this.peak;
          if (value >= this.peak) {
            value = this.peak;
            stage = DECAY;
          }
        } else stage = DECAY;
      } else if (stage === DECAY) {
        const target = r.sustain * this.peak;
        value = target + (value - target) * r.decayCoef;
        if (Math.abs(value - target) < SILENT_LEVEL * 0.1) {
          value = target;
          stage = SUSTAIN;
        }
      } else if (stage === SUSTAIN) {
        // Follows a sustain change without a jump larger than the decay would make.
        value += (r.sustain * this.peak - value) * (1 - r.decayCoef);
      } else if (stage === RELEASE) {
        value *= r.releaseCoef;
      }
      if (stage !== IDLE && value < SILENT_LEVEL && stage !== ATTACK) {
        value = 0;
        stage = IDLE;
      }
      if (stage === IDLE) {
        value = 0;
        if (end === n) end = i;
      }
      out[i] = value;
    }
    this.value = value;
    this.stage = stage;
    return end;
  }
}
