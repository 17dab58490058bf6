import { describe, expect, it } from 'vitest';
import { parseAbcChord, parseChord, parseMmaChord, qualityOf } from './chord-symbols.js';

describe('parseChord', () => {
  it('reads roots with accidentals and plain qualities', () => {
    expect(parseChord('C')).toEqual({ root: 0, quality: 'maj' });
    expect(parseChord('Gm')).toEqual({ root: 7, quality: 'min' });
    expect(parseChord('D7')).toEqual({ root: 2, quality: '7' });
    expect(parseChord('F#dim')).toEqual({ root: 6, quality: 'dim' });
    expect(parseChord('Bbmaj7')).toEqual({ root: 10, quality: 'maj7' });
    expect(parseChord('EbM7')).toEqual({ root: 3, quality: 'maj7' });
    expect(parseChord('Am7')).toEqual({ root: 9, quality: 'min7' });
    expect(parseChord('Dsus2')).toEqual({ root: 2, quality: 'sus2' });
  });

  it('reduces extended and altered chords to the nearest quality', () => {
    expect(parseChord('G9')?.quality).toBe('7');
    expect(parseChord('C13')?.quality).toBe('7');
    expect(parseChord('Bb7b9')?.quality).toBe('7');
    expect(parseChord('F7b5b9')?.quality).toBe('7');
    expect(parseChord('Ab6')?.quality).toBe('maj');
    expect(parseChord('Caug')?.quality).toBe('maj');
    expect(parseChord('C+7')?.quality).toBe('7');
    expect(parseChord('Abm6')?.quality).toBe('min');
    expect(parseChord('Cm9')?.quality).toBe('min7');
    expect(parseChord('Cm(maj7)')?.quality).toBe('min');
    expect(parseChord('Cmaj9')?.quality).toBe('maj7');
    expect(parseChord('Em7b5')?.quality).toBe('dim');
    expect(parseChord('Bdim7')?.quality).toBe('dim');
    expect(parseChord('Csus')?.quality).toBe('sus4');
    expect(parseChord('G7sus4')?.quality).toBe('sus4');
  });

  it('ignores a slash bass', () => {
    expect(parseChord('C/E')).toEqual({ root: 0, quality: 'maj' });
    expect(parseChord('Am/G')).toEqual({ root: 9, quality: 'min' });
  });

  it('rejects words that start like a chord', () => {
    for (const w of [
      'Groove',
      'End',
      'Begin',
      'Chord',
      'Drum',
      'Cresc',
      'Bass-Sus',
      'Articulate',
      'Goto',
      'H',
      '',
    ])
      expect(parseChord(w)).toBeNull();
    expect(qualityOf('roove')).toBeNull();
  });
});

describe('MMA and ABC forms', () => {
  it('MMA: rests, and track-muting suffixes dropped', () => {
    expect(parseMmaChord('z')).toBe('rest');
    expect(parseMmaChord('z!')).toBe('rest');
    expect(parseMmaChord('FzC')).toEqual({ root: 5, quality: 'maj' });
    expect(parseMmaChord('Gm7zDB')).toEqual({ root: 7, quality: 'min7' });
    expect(parseMmaChord('Tempo')).toBeNull();
  });

  it('ABC: annotations are not chords; the first of alternatives counts', () => {
    expect(parseAbcChord('G')).toEqual({ root: 7, quality: 'maj' });
    expect(parseAbcChord('D7')).toEqual({ root: 2, quality: '7' });
    expect(parseAbcChord('Em')).toEqual({ root: 4, quality: 'min' });
    expect(parseAbcChord('Am(C)')).toEqual({ root: 9, quality: 'min' });
    expect(parseAbcChord('^Fine')).toBeNull();
    expect(parseAbcChord('_D.C.')).toBeNull();
    expect(parseAbcChord('<(')).toBeNull();
  });
});
