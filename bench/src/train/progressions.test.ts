import { describe, expect, it } from 'vitest';
import type { Chord } from './chord-symbols.js';
import { countProgressions, type KeyedSong, relativeChord } from './progressions.js';

const c = (root: number, quality: Chord['quality']): Chord => ({ root, quality });

describe('relativeChord', () => {
  it('measures the root from the tonic', () => {
    expect(relativeChord(c(0, '7'), { tonic: 5, mode: 'major' })).toEqual({ degree: 7, quality: '7' });
    expect(relativeChord(c(7, 'min'), { tonic: 7, mode: 'minor' })).toEqual({ degree: 0, quality: 'min' });
    expect(relativeChord(c(2, 'dim'), { tonic: 11, mode: 'minor' })).toEqual({ degree: 3, quality: 'dim' });
  });
});

describe('countProgressions', () => {
  // Two major songs in different keys with the same I-IV-V-I shape, and one minor song.
  const songs: KeyedSong[] = [
    {
      source: 'a',
      key: { tonic: 0, mode: 'major' },
      chords: [c(0, 'maj'), c(5, 'maj'), c(7, '7'), c(0, 'maj')],
    },
    {
      source: 'b',
      key: { tonic: 7, mode: 'major' },
      chords: [c(7, 'maj'), c(0, 'maj'), c(2, '7'), c(9, 'min')],
    },
    { source: 'c', key: { tonic: 9, mode: 'minor' }, chords: [c(9, 'min'), c(4, '7'), c(9, 'min')] },
  ];

  it('counts starts, transitions and ends in key-relative states', () => {
    const { model, changes } = countProgressions(songs, 'major');
    expect(changes).toBe(8);
    // I occurs 3 times, IV and V7 twice each, ii (9:min relative to G = 2:min) once and is dropped
    expect(model.states).toEqual([
      { degree: 0, quality: 'maj' },
      { degree: 5, quality: 'maj' },
      { degree: 7, quality: '7' },
    ]);
    expect(model.start).toEqual([2, 0, 0]);
    expect(model.end).toEqual([1, 0, 0]);
    expect(model.transitions).toEqual([
      [0, 2, 0],
      [0, 0, 2],
      [1, 0, 0],
    ]);
  });

  it('keeps each mode apart', () => {
    const { model, changes } = countProgressions(songs, 'minor', 1);
    expect(changes).toBe(3);
    expect(model.states).toEqual([
      { degree: 0, quality: 'min' },
      { degree: 7, quality: '7' },
    ]);
    expect(model.start).toEqual([1, 0]);
    expect(model.end).toEqual([1, 0]);
    expect(model.transitions).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
