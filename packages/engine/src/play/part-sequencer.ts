import type { Instrument } from '../synth/types.js';
import { type CompiledPart, firstNoteAtOrAfter } from './compile.js';

/** Most notes one part holds at once; beyond it the oldest is released (a pad chord has 3-4). */
const MAX_HELD = 32;

/**
 * Drives one instrument from one compiled part: note-ons and note-offs in time order, at sample offsets
 * within the block. Allocation-free once constructed.
 */
export class PartSequencer {
  readonly part: CompiledPart;
  readonly instrument: Instrument;
  private next = 0;
  private readonly heldPitch = new Int16Array(MAX_HELD);
  private readonly heldOff = new Float64Array(MAX_HELD);
  private held = 0;

  constructor(part: CompiledPart, instrument: Instrument) {
    this.part = part;
    this.instrument = instrument;
  }

  /** Releases everything held, at `offset` frames into the next block. */
  releaseAll(offset: number): void {
    for (let i = 0; i < this.held; i++) this.instrument.noteOff(this.heldPitch[i], offset);
    this.held = 0;
  }

  /**
   * Moves to `beat`. Held notes are released; with `chase`, notes that would be sounding at `beat` (a pad
   * chord begun a bar earlier) start now, so a switch or a jump does not leave a hole.
   */
  locate(beat: number, chase: boolean, offset: number): void {
    this.releaseAll(offset);
    this.next = firstNoteAtOrAfter(this.part, beat);
    if (!chase) return;
    const p = this.part;
    // Notes are sorted by onset; any note sounding at `beat` began within the longest note's length.
    for (let i = this.next - 1; i >= 0 && this.held < MAX_HELD; i--) {
      if (p.on[i] < beat - 64) break;
      if (p.off[i] > beat + 1e-6) this.start(i, offset);
    }
  }

  private start(i: number, offset: number): void {
    const p = this.part;
    const pitch = p.pitch[i];
    for (let k = 0; k < this.held; k++) {
      if (this.heldPitch[k] === pitch) {
        this.instrument.noteOff(pitch, offset);
        this.remove(k);
        break;
      }
    }
    if (this.held === MAX_HELD) {
      this.instrument.noteOff(this.heldPitch[0], offset);
      this.remove(0);
    }
    this.instrument.noteOn(pitch, p.velocity[i], offset);
    this.heldPitch[this.held] = pitch;
    this.heldOff[this.held] = p.off[i];
    this.held++;
  }

  private remove(k: number): void {
    for (let j = k; j < this.held - 1; j++) {
      this.heldPitch[j] = this.heldPitch[j + 1];
      this.heldOff[j] = this.heldOff[j + 1];
    }
    this.held--;
  }

  /**
   * Emits the events with beats in [from, to), at offset `base + (beat − from) · samplesPerBeat` frames into
   * the next block (rounded to the nearest frame, clamped to the segment's last frame).
   */
  run(from: number, to: number, base: number, samplesPerBeat: number, lastFrame: number): void {
    const p = this.part;
    for (;;) {
      const nextOn = this.next < p.count ? p.on[this.next] : Number.POSITIVE_INFINITY;
      let offIndex = -1;
      let nextOff = Number.POSITIVE_INFINITY;
      for (let k = 0; k < this.held; k++) {
        if (this.heldOff[k] < nextOff) {
          nextOff = this.heldOff[k];
          offIndex = k;
        }
      }
      if (Math.min(nextOn, nextOff) >= to) return;
      if (nextOff <= nextOn) {
        this.instrument.noteOff(
          this.heldPitch[offIndex],
          frameAt(nextOff, from, base, samplesPerBeat, lastFrame),
        );
        this.remove(offIndex);
      } else {
        this.start(this.next, frameAt(nextOn, from, base, samplesPerBeat, lastFrame));
        this.next++;
      }
    }
  }
}

/** Frame offset of `beat` in a segment that starts at beat `from` and frame `base` (no closure: hot path). */
function frameAt(
  beat: number,
  from: number,
  base: number,
  samplesPerBeat: number,
  lastFrame: number,
): number {
  return Math.min(lastFrame, Math.max(base, base + Math.round((beat - from) * samplesPerBeat)));
}
