/**
 * The key of a chord sequence without a written key (MMA songs carry none we can trust).
 *
 * Rule: take the final chord's root as the tonic and its third as the mode (minor for min and min7,
 * major otherwise: songs end on the tonic far more often than anywhere else). Keep it unless another of
 * the 24 keys fits the chords' triads clearly better (by more than FIT_MARGIN of the chords); then take
 * the best-fitting key, ties to the key whose tonic chord occurs most.
 */
import type { Chord } from './chord-symbols.js';
import type { ChordQuality } from './model-types.js';

export type Mode = 'major' | 'minor';

export interface KeyGuess {
  tonic: number;
  mode: Mode;
}

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
/** Natural minor plus the raised seventh of harmonic minor (V and vii° in minor are diatonic enough). */
const MINOR = [0, 2, 3, 5, 7, 8, 10, 11];

/** Triad intervals above the root. */
const TRIAD: Record<ChordQuality, number[]> = {
  maj: [0, 4, 7],
  min: [0, 3, 7],
  '7': [0, 4, 7],
  maj7: [0, 4, 7],
  min7: [0, 3, 7],
  dim: [0, 3, 6],
  sus4: [0, 5, 7],
  sus2: [0, 2, 7],
};

export const FIT_MARGIN = 0.1;

/** Fraction of the chords whose triad lies wholly in the key's scale. */
export function diatonicFit(chords: readonly Chord[], key: KeyGuess): number {
  if (chords.length === 0) return 0;
  const scale = new Set((key.mode === 'major' ? MAJOR : MINOR).map((d) => (d + key.tonic) % 12));
  let fit = 0;
  for (const c of chords) if (TRIAD[c.quality].every((i) => scale.has((c.root + i) % 12))) fit++;
  return fit / chords.length;
}

const isMinor = (q: ChordQuality) => q === 'min' || q === 'min7';

export function inferKey(chords: readonly Chord[]): KeyGuess | null {
  if (chords.length === 0) return null;
  const last = chords[chords.length - 1];
  const fromEnd: KeyGuess = { tonic: last.root, mode: isMinor(last.quality) ? 'minor' : 'major' };
  const endFit = diatonicFit(chords, fromEnd);
  let best = fromEnd;
  let bestFit = endFit;
  let bestTonicCount = -1;
  for (const mode of ['major', 'minor'] as const)
    for (let tonic = 0; tonic < 12; tonic++) {
      const key = { tonic, mode };
      const fit = diatonicFit(chords, key);
      const tonicCount = chords.filter(
        (c) => c.root === tonic && isMinor(c.quality) === (mode === 'minor'),
      ).length;
      if (fit > bestFit || (fit === bestFit && best !== fromEnd && tonicCount > bestTonicCount)) {
        best = key;
        bestFit = fit;
        bestTonicCount = tonicCount;
      }
    }
  return bestFit > endFit + FIT_MARGIN ? best : fromEnd;
}
