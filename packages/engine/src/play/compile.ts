import type { PartName, Variation } from '../generate/types.js';
import { PART_NAMES } from '../generate/types.js';

/** One part's notes as flat arrays sorted by onset, in beats from the start of the arrangement. */
export interface CompiledPart {
  part: PartName;
  count: number;
  on: Float64Array;
  off: Float64Array;
  pitch: Uint8Array;
  velocity: Uint8Array;
}

export interface CompiledVariation {
  variation: Variation;
  parts: CompiledPart[];
  /** Beat at which each section starts, and one past the end. */
  sectionStarts: Float64Array;
  totalBeats: number;
  beatsPerBar: number;
}

/**
 * Flattens a variation for the real-time sequencer: typed arrays and absolute beats, built once when the
 * variation loads so the audio thread only walks indices and never allocates.
 */
export function compileVariation(variation: Variation): CompiledVariation {
  const bpb = variation.beatsPerBar;
  const sectionStarts = new Float64Array(variation.sections.length + 1);
  variation.sections.forEach((s, i) => {
    sectionStarts[i] = s.startBar * bpb;
  });
  sectionStarts[variation.sections.length] = variation.totalBars * bpb;
  const parts = PART_NAMES.map((part): CompiledPart => {
    const notes: { on: number; off: number; pitch: number; velocity: number }[] = [];
    for (const s of variation.sections) {
      const base = s.startBar * bpb;
      const track = s.parts.find((p) => p.part === part);
      if (!track) continue;
      for (const n of track.notes) {
        const on = base + n.beat;
        notes.push({ on, off: on + Math.max(0.01, n.duration), pitch: n.pitch, velocity: n.velocity });
      }
    }
    notes.sort((a, b) => a.on - b.on || a.pitch - b.pitch);
    const c: CompiledPart = {
      part,
      count: notes.length,
      on: new Float64Array(notes.length),
      off: new Float64Array(notes.length),
      pitch: new Uint8Array(notes.length),
      velocity: new Uint8Array(notes.length),
    };
    notes.forEach((n, i) => {
      c.on[i] = n.on;
      c.off[i] = n.off;
      c.pitch[i] = Math.max(0, Math.min(127, n.pitch));
      c.velocity[i] = Math.max(1, Math.min(127, Math.round(n.velocity)));
    });
    return c;
  });
  return { variation, parts, sectionStarts, totalBeats: variation.totalBars * bpb, beatsPerBar: bpb };
}

/** Index of the first note with onset ≥ `beat` (binary search). */
export function firstNoteAtOrAfter(part: CompiledPart, beat: number): number {
  let lo = 0;
  let hi = part.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (part.on[mid] < beat) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
