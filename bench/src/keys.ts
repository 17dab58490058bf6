/** Key names in our spelling and the conversions the evaluation needs. */

export const PITCH_CLASSES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;
export type PitchClass = (typeof PITCH_CLASSES)[number];
export type Mode = 'major' | 'minor';

export interface Key {
  tonic: PitchClass;
  mode: Mode;
}

const ALIASES: Record<string, number> = {
  C: 0,
  'B#': 0,
  'C#': 1,
  Db: 1,
  D: 2,
  'D#': 3,
  Eb: 3,
  E: 4,
  Fb: 4,
  'E#': 5,
  F: 5,
  'F#': 6,
  Gb: 6,
  G: 7,
  'G#': 8,
  Ab: 8,
  A: 9,
  'A#': 10,
  Bb: 10,
  B: 11,
  Cb: 11,
};

/** Pitch class (0-11) of a note name such as "Eb", "D#", "bb", "F♯"; undefined when unknown. */
export function pitchClassOf(name: string): number | undefined {
  const s = name.trim().replace('♯', '#').replace('♭', 'b');
  if (!s) return undefined;
  return ALIASES[s[0].toUpperCase() + s.slice(1)];
}

/** Normalises a key given as a tonic name and a mode name; null when either is not understood. */
export function normaliseKey(tonic: string, mode: string): Key | null {
  const pc = pitchClassOf(tonic);
  const m = mode.trim().toLowerCase();
  if (pc === undefined || (m !== 'major' && m !== 'minor')) return null;
  return { tonic: PITCH_CLASSES[pc], mode: m };
}

/** The key a MIDI key-signature event names: sf sharps (or -flats) and the minor flag. */
export function keyFromSignature(sf: number, minor: boolean): Key {
  const major = (((sf * 7) % 12) + 12) % 12;
  return { tonic: PITCH_CLASSES[minor ? (major + 9) % 12 : major], mode: minor ? 'minor' : 'major' };
}

export const keyName = (k: Key | null) => (k ? `${k.tonic} ${k.mode}` : '-');

/** The key moved by a number of semitones. */
export function transposeKey(k: Key, semitones: number): Key {
  const pc = PITCH_CLASSES.indexOf(k.tonic);
  return { tonic: PITCH_CLASSES[(((pc + semitones) % 12) + 12) % 12], mode: k.mode };
}
