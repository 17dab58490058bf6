import { describe, expect, it } from 'vitest';
import { parseChord } from './chord-symbols.js';
import { diatonicFit, inferKey } from './key-inference.js';

const chords = (s: string) =>
  s.split(' ').map((c) => {
    const p = parseChord(c);
    if (!p) throw new Error(c);
    return p;
  });

describe('diatonicFit', () => {
  it('is the fraction of chords whose triad is in the scale', () => {
    expect(diatonicFit(chords('C F G7 Am'), { tonic: 0, mode: 'major' })).toBe(1);
    expect(diatonicFit(chords('C F G7 Am'), { tonic: 7, mode: 'major' })).toBe(0.75);
    // harmonic minor's raised seventh makes E7 diatonic in A minor
    expect(diatonicFit(chords('Am Dm E7 Am'), { tonic: 9, mode: 'minor' })).toBe(1);
  });
});

describe('inferKey', () => {
  it('takes the final chord as the tonic', () => {
    expect(inferKey(chords('Gm7 C7 F'))).toEqual({ tonic: 5, mode: 'major' });
    expect(inferKey(chords('Am Dm E7 Am'))).toEqual({ tonic: 9, mode: 'minor' });
  });

  it('overrides an ending on the dominant when another key fits clearly better', () => {
    // ends on G, but F major is not in G major: C major fits all five chords
    expect(inferKey(chords('C G Am F G'))).toEqual({ tonic: 0, mode: 'major' });
  });

  it('keeps the final chord when the alternatives fit only slightly better', () => {
    // G major fits 11 of 12 (not F), C major 12 of 12: within the margin, so the ending wins
    expect(inferKey(chords('C G C G C G C G C G F G'))).toEqual({ tonic: 7, mode: 'major' });
  });

  it('has no key for no chords', () => {
    expect(inferKey([])).toBeNull();
  });
});
