import { N_PITCHES } from './constants.js';

/**
 * Fixed-capacity ring of activation frames (frames + onsets, 88 values each), addressed by global frame
 * index. A studio runs for hours; only the last `capacity` frames are kept, so memory never grows.
 */
export class FrameStore {
  private readonly frames: Float32Array;
  private readonly onsets: Float32Array;
  /** Global index of the oldest frame held. */
  private first = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer`);
    this.frames = new Float32Array(capacity * N_PITCHES);
    this.onsets = new Float32Array(capacity * N_PITCHES);
  }

  /** Global index of the oldest retained frame. */
  get firstFrame(): number {
    return this.first;
  }

  /** Global index one past the newest frame. */
  get endFrame(): number {
    return this.first + this.count;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.frames.byteLength + this.onsets.byteLength;
  }

  /** Append frames `from`..`to` (exclusive) of frame-major 88-wide activations, dropping the oldest. */
  append(frames: Float32Array, onsets: Float32Array, from: number, to: number): void {
    for (let t = from; t < to; t++) {
      const slot = ((this.first + this.count) % this.capacity) * N_PITCHES;
      this.frames.set(frames.subarray(t * N_PITCHES, (t + 1) * N_PITCHES), slot);
      this.onsets.set(onsets.subarray(t * N_PITCHES, (t + 1) * N_PITCHES), slot);
      if (this.count < this.capacity) this.count++;
      else this.first++;
    }
  }

  /** Copy global frames `from`..`to` (exclusive, within what is held) into `frames`/`onsets` at row `at`. */
  copyTo(from: number, to: number, frames: Float32Array, onsets: Float32Array, at: number): void {
    if (from < this.first || to > this.endFrame)
      throw new RangeError(`frames ${from}-${to} are not retained`);
    for (let g = from; g < to; g++) {
      const slot = (g % this.capacity) * N_PITCHES;
      const row = (at + g - from) * N_PITCHES;
      frames.set(this.frames.subarray(slot, slot + N_PITCHES), row);
      onsets.set(this.onsets.subarray(slot, slot + N_PITCHES), row);
    }
  }
}
