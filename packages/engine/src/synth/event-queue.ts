export const NOTE_ON = 0;
export const NOTE_OFF = 1;
export const ALL_NOTES_OFF = 2;
export const ALL_SOUND_OFF = 3;

/**
 * Pending note events in preallocated arrays, kept sorted by frame offset (stable, so events at the same
 * frame keep their order). Small by design: a block rarely holds more than a few dozen events.
 */
export class EventQueue {
  readonly kind: Uint8Array;
  readonly note: Int16Array;
  readonly value: Float32Array;
  readonly offset: Float64Array;
  count = 0;

  constructor(readonly capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.note = new Int16Array(capacity);
    this.value = new Float32Array(capacity);
    this.offset = new Float64Array(capacity);
  }

  /** False when full (the caller then applies the event at once). */
  push(kind: number, note: number, value: number, offset: number): boolean {
    if (this.count >= this.capacity) return false;
    const at = offset > 0 ? Math.floor(offset) : 0;
    let i = this.count++;
    while (i > 0 && this.offset[i - 1] > at) {
      this.kind[i] = this.kind[i - 1];
      this.note[i] = this.note[i - 1];
      this.value[i] = this.value[i - 1];
      this.offset[i] = this.offset[i - 1];
      i--;
    }
    this.kind[i] = kind;
    this.note[i] = note;
    this.value[i] = value;
    this.offset[i] = at;
    return true;
  }

  shift(): void {
    const n = --this.count;
    for (let i = 0; i < n; i++) {
      this.kind[i] = this.kind[i + 1];
      this.note[i] = this.note[i + 1];
      this.value[i] = this.value[i + 1];
      this.offset[i] = this.offset[i + 1];
    }
  }

  /** Moves the remaining events `frames` earlier, after a block of that length. */
  advance(frames: number): void {
    for (let i = 0; i < this.count; i++) this.offset[i] = Math.max(0, this.offset[i] - frames);
  }

  clear(): void {
    this.count = 0;
  }
}
