import type { MidiNote, Samples } from '../units.js';
import type { Instrument } from './types.js';

/** A note event at an absolute frame, for offline rendering (bounces, tests). */
export interface TimedNote {
  frame: Samples;
  type: 'on' | 'off' | 'allOff';
  note: MidiNote;
  velocity?: number;
}

export interface StereoBuffer {
  left: Float32Array;
  right: Float32Array;
}

/**
 * Renders `frames` frames of `instrument` playing `events`, in blocks of `blockSize` as a worklet would
 * (events handed over with their offset in the block they fall in). Allocates only the result.
 */
export function renderOffline(
  instrument: Instrument,
  events: readonly TimedNote[],
  frames: Samples,
  blockSize: Samples = 128,
): StereoBuffer {
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const sorted = [...events].sort((a, b) => a.frame - b.frame);
  let next = 0;
  for (let start = 0; start < frames; start += blockSize) {
    const n = Math.min(blockSize, frames - start);
    while (next < sorted.length && sorted[next].frame < start + n) {
      const e = sorted[next++];
      const offset = Math.max(0, e.frame - start);
      if (e.type === 'on') instrument.noteOn(e.note, e.velocity ?? 100, offset);
      else if (e.type === 'off') instrument.noteOff(e.note, offset);
      else instrument.allNotesOff(offset);
    }
    instrument.process(left, right, start, n);
  }
  return { left, right };
}
