import { CHORD_TONES, MAJOR_SCALE } from '../analysis/chord-tones.js';
import type { ChordQuality, Mode } from '../analysis/types.js';

export { CHORD_TONES, MAJOR_SCALE };

/** Natural minor; generated lines use it, with the raised seventh only inside a major dominant chord. */
export const MINOR_SCALE: readonly number[] = [0, 2, 3, 5, 7, 8, 10];

export const scaleOf = (mode: Mode): readonly number[] => (mode === 'major' ? MAJOR_SCALE : MINOR_SCALE);

const NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;
const SUFFIX: Record<ChordQuality, string> = {
  maj: '',
  min: 'm',
  '7': '7',
  maj7: 'maj7',
  min7: 'm7',
  dim: 'dim',
  sus4: 'sus4',
  sus2: 'sus2',
};

export const pcName = (pc: number): (typeof NAMES)[number] => NAMES[((pc % 12) + 12) % 12];
export const chordName = (root: number, quality: ChordQuality): string => `${pcName(root)}${SUFFIX[quality]}`;

/** Pitch classes of a chord. */
export function chordPitchClasses(root: number, quality: ChordQuality): number[] {
  return CHORD_TONES[quality].map((t) => (root + t) % 12);
}

/**
 * Pitch classes that may sound over a chord without clashing: its tones plus the usual available tensions
 * (9th always except on dim; 11th on minor chords; 13th on dominant sevenths and sus chords).
 */
export function consonantPitchClasses(root: number, quality: ChordQuality): Set<number> {
  const set = new Set(chordPitchClasses(root, quality));
  if (quality !== 'dim') set.add((root + 2) % 12);
  if (quality === 'min' || quality === 'min7' || quality === 'sus4' || quality === 'sus2')
    set.add((root + 5) % 12);
  if (quality === '7' || quality === 'sus4' || quality === 'sus2' || quality === 'maj')
    set.add((root + 9) % 12);
  return set;
}

/** Nearest MIDI note with pitch class `pc` to `near`. */
export function nearestPitch(pc: number, near: number): number {
  const base = near - (((near % 12) + 12) % 12) + (((pc % 12) + 12) % 12);
  let best = base;
  for (const c of [base - 12, base, base + 12]) if (Math.abs(c - near) < Math.abs(best - near)) best = c;
  return best;
}

/** Shift `pitch` by octaves into [lo, hi] (as near the middle as the range allows). */
export function intoRange(pitch: number, lo: number, hi: number): number {
  let p = pitch;
  while (p < lo) p += 12;
  while (p > hi) p -= 12;
  return p;
}
