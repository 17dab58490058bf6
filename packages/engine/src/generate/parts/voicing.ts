import type { ChordQuality } from '../../analysis/types.js';
import type { Voicing } from '../styles.js';
import { CHORD_TONES } from '../theory.js';

/** Semitones above the root for each voicing style (before moving into the part's range). */
function shape(quality: ChordQuality, voicing: Voicing): number[] {
  const tones = CHORD_TONES[quality];
  switch (voicing) {
    case 'power':
      return [0, 7, 12];
    case 'shell': {
      // Rootless: third (or suspension) and seventh, plus the fifth and octave root on triads.
      const upper = tones.filter((t) => t !== 0);
      return upper.length >= 3 ? upper.filter((t) => t !== 7) : [...upper, 12];
    }
    case 'spread':
      return tones.length > 3 ? [0, 7, tones[1] + 12, tones[3] + 12] : [0, 7, tones[1] + 12];
    default:
      return [...tones];
  }
}

/**
 * A voicing of the chord inside [lo, hi] whose centre moves least from the previous voicing's: voice
 * leading by choice of inversion and octave.
 */
export function voiceChord(
  root: number,
  quality: ChordQuality,
  voicing: Voicing,
  lo: number,
  hi: number,
  previous: readonly number[] | null,
): number[] {
  const base = shape(quality, voicing);
  const centre =
    previous && previous.length > 0 ? previous.reduce((a, b) => a + b, 0) / previous.length : (lo + hi) / 2;
  const invertible = voicing !== 'power' && voicing !== 'spread';
  let best: number[] = [];
  let bestCost = Number.POSITIVE_INFINITY;
  for (let inversion = 0; inversion < (invertible ? base.length : 1); inversion++) {
    const rotated = base.map((t, i) => (i < inversion ? t + 12 : t));
    for (let octave = lo - 24; octave <= hi; octave += 12) {
      const r = octave - (((octave % 12) + 12) % 12) + root;
      const notes = rotated.map((t) => r + t).sort((a, b) => a - b);
      if (notes[0] < lo || notes[notes.length - 1] > hi) continue;
      const mean = notes.reduce((a, b) => a + b, 0) / notes.length;
      const cost = Math.abs(mean - centre);
      if (cost < bestCost) {
        bestCost = cost;
        best = notes;
      }
    }
  }
  if (best.length > 0) return best;
  // The range is too narrow for the shape: close position from the root above `lo`.
  const r = lo + ((((root - lo) % 12) + 12) % 12);
  return CHORD_TONES[quality].map((t) => r + t);
}
