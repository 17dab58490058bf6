import { describe, expect, it } from 'vitest';
import { splitTunes } from '../eval-set/abc.js';
import { abcChords, abcTuneKey, collapse, mmaChords, mmaKey, mmaKeySig } from './chord-corpus.js';

const SONG = `// A song
Tempo 120
Groove Swing   // comment
Begin Drum Define
  Sequence { 1 0 90 }
End
1   F * 2
3   Gm / C7 /   // two chords a bar
4   z
5   F {4c;d;e;f;}
Repeat
6   FzC   Dm7  [la la]
RepeatEnd
`;

describe('mmaChords', () => {
  it('reads chord lines, skips commands, collapses repeats', () => {
    expect(mmaChords(SONG)).toEqual([
      { root: 5, quality: 'maj' },
      { root: 7, quality: 'min' },
      { root: 0, quality: '7' },
      { root: 5, quality: 'maj' },
      { root: 2, quality: 'min7' },
    ]);
  });
});

describe('MMA keys', () => {
  it('parses KeySig names and accidental counts', () => {
    expect(mmaKeySig('Keysig Eb')).toEqual({ tonic: 3, mode: 'major' });
    expect(mmaKeySig('Keysig 3b')).toEqual({ tonic: 3, mode: 'major' });
    expect(mmaKeySig('keysig 2#')).toEqual({ tonic: 2, mode: 'major' });
    expect(mmaKeySig('KeySig G Minor')).toEqual({ tonic: 7, mode: 'minor' });
    expect(mmaKeySig('Tempo 100')).toBeNull();
  });

  it('reads a major signature ending on its relative minor as that minor', () => {
    const text = 'KeySig F\n1 Dm\n2 Gm\n3 A7\n4 Dm\n';
    expect(mmaKey(text, mmaChords(text))).toEqual({ tonic: 2, mode: 'minor' });
  });

  it('distrusts a signature that does not fit the chords', () => {
    const text = 'KeySig C   // no effect\n1 A\n2 D\n3 E7\n4 A\n';
    expect(mmaKey(text, mmaChords(text))).toEqual({ tonic: 9, mode: 'major' });
  });
});

describe('ABC', () => {
  const text = `X:1
T:Test
M:4/4
K:Gmaj
"G"GABc "Em"d2d2|"Am"c2"D7"A2|"G"G4|"^Fine"G4|

X:2
T:Modal
K:ADor
"Am"A4|
`;
  it('reads quoted chords in order, without annotations', () => {
    const [tune] = splitTunes(text);
    expect(abcChords(tune)).toEqual([
      { root: 7, quality: 'maj' },
      { root: 4, quality: 'min' },
      { root: 9, quality: 'min' },
      { root: 2, quality: '7' },
      { root: 7, quality: 'maj' },
    ]);
  });

  it('folds modes onto major and minor', () => {
    expect(abcTuneKey('Gmaj')).toEqual({ tonic: 7, mode: 'major' });
    expect(abcTuneKey('Em')).toEqual({ tonic: 4, mode: 'minor' });
    expect(abcTuneKey('ADor')).toEqual({ tonic: 9, mode: 'minor' });
    expect(abcTuneKey('D mixolydian')).toEqual({ tonic: 2, mode: 'major' });
    expect(abcTuneKey('HP')).toBeNull();
  });
});

describe('collapse', () => {
  it('merges only consecutive equal chords', () => {
    const C = { root: 0, quality: 'maj' as const };
    const G = { root: 7, quality: '7' as const };
    expect(collapse([C, C, G, G, C])).toEqual([C, G, C]);
  });
});
