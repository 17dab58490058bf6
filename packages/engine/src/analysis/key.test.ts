import { describe, expect, it } from 'vitest';
import { chordEvidence, type KeyScore } from './key.js';
import { pitchClassOf } from './pitch-class.js';
import type { ChordQuality, ChordSegment, PitchClassName } from './types.js';

function sequence(chords: [PitchClassName, ChordQuality][]): ChordSegment[] {
  return chords.map(([root, quality], i) => ({
    start: i * 2,
    end: i * 2 + 2,
    root,
    quality,
    label: `${root}${quality}`,
    confidence: 1,
  }));
}

const key = (tonic: PitchClassName, mode: 'major' | 'minor'): KeyScore => ({
  tonic: pitchClassOf(tonic),
  mode,
  correlation: 0,
});

describe('chord evidence for a key', () => {
  const popInE = sequence([
    ['E', 'maj'],
    ['B', 'maj'],
    ['C#', 'min'],
    ['A', 'maj'],
  ]);

  it('prefers the tonic over the relative minor and the mediant, which share its notes', () => {
    const e = chordEvidence(key('E', 'major'), popInE);
    expect(e).toBeGreaterThan(chordEvidence(key('C#', 'minor'), popInE));
    expect(e).toBeGreaterThan(chordEvidence(key('Ab', 'minor'), popInE));
  });

  it('breaks the I-V-vi-IV tie with the subdominant key by the chords diatonic to each', () => {
    // Tonic plus dominant shares are equal for E major and A major; only E major holds a B major chord.
    expect(chordEvidence(key('E', 'major'), popInE)).toBeCloseTo(0.25 + 0.5 * 0.25 + 0.25, 6);
    expect(chordEvidence(key('A', 'major'), popInE)).toBeCloseTo(0.25 + 0.5 * 0.25 + 0.25 * 0.75, 6);
  });

  it('counts the major dominant as diatonic in minor (harmonic minor)', () => {
    const minor = sequence([
      ['A', 'min'],
      ['E', '7'],
    ]);
    expect(chordEvidence(key('A', 'minor'), minor)).toBeCloseTo(0.5 + 0.5 * 0.5 + 0.25, 6);
  });

  it('is zero with no chords or only "no chord"', () => {
    expect(chordEvidence(key('C', 'major'), [])).toBe(0);
    const none: ChordSegment[] = [{ start: 0, end: 4, root: null, quality: null, label: 'N', confidence: 0 }];
    expect(chordEvidence(key('C', 'major'), none)).toBe(0);
  });
});
