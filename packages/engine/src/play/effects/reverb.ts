/**
 * An 8-line feedback-delay-network reverb (Jot & Chaigne 1991; Hadamard feedback matrix), written here
 * rather than taken from a library because it must run allocation-free inside an AudioWorklet block and
 * be bit-identical in the offline render. Mono send in, stereo out (lines tapped with alternating signs).
 * Decay time sets each line's gain for a −60 dB fall in `seconds`; a one-pole low-pass in each line makes
 * high frequencies die sooner, as in a room.
 */
const LINE_MS = [29.7, 37.1, 41.1, 43.7, 53.3, 59.9, 67.1, 73.7];
const PRE_DELAY_MS = 12;
const DENORMAL = 1e-20;

export class Reverb {
  private readonly lines: Float32Array[];
  private readonly pos: Int32Array;
  private readonly gains = new Float64Array(8);
  private readonly damp = new Float64Array(8);
  private readonly out = new Float64Array(8);
  private readonly pre: Float32Array;
  private prePos = 0;
  private readonly sampleRate: number;
  private seconds = -1;

  constructor(sampleRate: number, seconds = 1.5) {
    this.sampleRate = sampleRate;
    this.lines = LINE_MS.map((ms) => new Float32Array(Math.round((ms * sampleRate) / 1000)));
    this.pos = new Int32Array(8);
    this.pre = new Float32Array(Math.round((PRE_DELAY_MS * sampleRate) / 1000));
    this.setDecay(seconds);
  }

  /** RT60 in seconds (0.2-10); cheap, call once per block. */
  setDecay(seconds: number): void {
    const s = Math.max(0.2, Math.min(10, Number.isFinite(seconds) ? seconds : 1.5));
    if (s === this.seconds) return;
    this.seconds = s;
    for (let i = 0; i < 8; i++) {
      const len = this.lines[i].length;
      this.gains[i] = 10 ** ((-3 * len) / (s * this.sampleRate));
    }
  }

  clear(): void {
    for (const l of this.lines) l.fill(0);
    this.pre.fill(0);
    this.damp.fill(0);
  }

  /** Adds the reverb of `send[start..start+frames)` into `left`/`right`, scaled by `level`. */
  process(
    send: Float32Array,
    left: Float32Array,
    right: Float32Array,
    start: number,
    frames: number,
    level: number,
  ): void {
    const lines = this.lines;
    const out = this.out;
    const damp = this.damp;
    const gains = this.gains;
    const pre = this.pre;
    for (let i = start; i < start + frames; i++) {
      const input = pre[this.prePos];
      pre[this.prePos] = send[i];
      this.prePos = this.prePos + 1 === pre.length ? 0 : this.prePos + 1;
      for (let k = 0; k < 8; k++) {
        const line = lines[k];
        const v = line[this.pos[k]];
        // One-pole low-pass in the loop: highs decay faster.
        let d = damp[k] + 0.6 * (v - damp[k]);
        if (d < DENORMAL && d > -DENORMAL) d = 0;
        damp[k] = d;
        out[k] = d * gains[k];
      }
      // Fast Walsh-Hadamard transform of the 8 outputs (orthogonal after scaling by 1/√8).
      for (let h = 1; h < 8; h <<= 1) {
        for (let a = 0; a < 8; a += h << 1) {
          for (let b = a; b < a + h; b++) {
            const x = out[b];
            const y = out[b + h];
            out[b] = x + y;
            out[b + h] = x - y;
          }
        }
      }
      const scale = 0.35355339059327373;
      let l = 0;
      let r = 0;
      for (let k = 0; k < 8; k++) {
        const line = lines[k];
        const p = this.pos[k];
        const fed = out[k] * scale + input;
        const v = line[p];
        if ((k & 1) === 0) l += v;
        else r += v;
        line[p] = fed;
        this.pos[k] = p + 1 === line.length ? 0 : p + 1;
      }
      left[i] += l * 0.25 * level;
      right[i] += r * 0.25 * level;
    }
  }
}
