import type { PitchClassName } from './types.js';

/** One spelling per pitch class, the one most keys and chord charts use. */
export const PITCH_CLASS_NAMES: readonly PitchClassName[] = [
  'C',
  'C#',
  'D',
  'Eb',
  'E',
  'F',
  'F#',
  'G',
  'Ab',
  'A',
  'Bb',
  'B',
];

export function pitchClassName(pc: number): PitchClassName {
  return PITCH_CLASS_NAMES[((pc % 12) + 12) % 12];
}

export function pitchClassOf(name: PitchClassName): number {
  return PITCH_CLASS_NAMES.indexOf(name);
}
