import type { ArrangedChord, GeneratedNote, SectionName } from '../types.js';
import { voiceChord } from './voicing.js';

const PAD_RANGE: [number, number] = [50, 74];
const VELOCITY: Record<SectionName, number> = { intro: 62, verse: 58, chorus: 72, bridge: 66, outro: 60 };

/** The pad: every chord held for its whole length, spread-voiced and voice-led, softer in the verse. */
export function writePad(chords: readonly ArrangedChord[], section: SectionName): GeneratedNote[] {
  const notes: GeneratedNote[] = [];
  let previous: number[] | null = null;
  for (const c of chords) {
    const voiced = voiceChord(c.root, c.quality, 'close', PAD_RANGE[0], PAD_RANGE[1], previous);
    previous = voiced;
    for (const pitch of voiced)
      notes.push({ beat: c.beat, duration: c.beats, pitch, velocity: VELOCITY[section] });
  }
  return notes;
}
