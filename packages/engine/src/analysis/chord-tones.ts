import type { ChordQuality } from './types.js';

/** Chord tones in semitones above the root, for every quality the analysis names. */
export const CHORD_TONES: Readonly<Record<ChordQuality, readonly number[]>> = {
  maj: [0, 4, 7],
  min: [0, 3, 7],
  '7': [0, 4, 7, 10],
  maj7: [0, 4, 7, 11],
  min7: [0, 3, 7, 10],
  dim: [0, 3, 6],
  sus4: [0, 5, 7],
  sus2: [0, 2, 7],
};

export const MAJOR_SCALE: readonly number[] = [0, 2, 4, 5, 7, 9, 11];
