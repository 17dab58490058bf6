import type { CompModel } from '../models/types.js';
import type { Rng } from '../random.js';
import type { Voicing } from '../styles.js';
import type { ArrangedChord, Feel, GeneratedNote, SectionName } from '../types.js';
import { modelStepBeat, sampleSteps, swingPosition, velocityAt } from './grid.js';
import { voiceChord } from './voicing.js';

const SECTION_ENERGY: Record<SectionName, number> = {
  intro: 0.75,
  verse: 0.85,
  chorus: 1,
  bridge: 0.85,
  outro: 0.8,
};

/**
 * The comping part (keys or guitar): a learned one-bar rhythm of chord hits, voiced with voice leading in the
 * style's register. A chord change always gets a hit on its first beat; reggae's skank plays only the
 * off-beats, short.
 */
export function writeComp(args: {
  model: CompModel;
  chords: readonly ArrangedChord[];
  section: SectionName;
  bars: number;
  beatsPerBar: number;
  feel: Feel;
  voicing: Voicing;
  range: [number, number];
  rng: Rng;
}): GeneratedNote[] {
  const { model, chords, section, bars, beatsPerBar, feel, voicing, range, rng } = args;
  const energy = SECTION_ENERGY[section];
  const triplet = model.stepsPerBar % 3 === 0;
  const lift = section === 'chorus' ? 5 : 0; // the chorus sits a little higher
  const main = sampleSteps(model.rhythm, rng);
  const hits: { beat: number; step: number }[] = [];
  for (let bar = 0; bar < bars; bar++) {
    let beats: { beat: number; step: number }[];
    if (voicing === 'skank') {
      beats = Array.from({ length: beatsPerBar }, (_, b) => ({ beat: b + 0.5, step: -1 }));
    } else {
      const steps = rng.chance(0.2) ? sampleSteps(model.rhythm, rng) : main;
      beats = steps.map((step) => ({
        beat: modelStepBeat(step, model.stepsPerBar, model.beatsPerBar, beatsPerBar),
        step,
      }));
    }
    for (const h of beats)
      if (h.beat < beatsPerBar - 1e-9) hits.push({ beat: bar * beatsPerBar + h.beat, step: h.step });
  }
  if (voicing !== 'skank')
    for (const c of chords)
      if (!hits.some((h) => Math.abs(h.beat - c.beat) < 1e-6)) hits.push({ beat: c.beat, step: 0 });
  hits.sort((a, b) => a.beat - b.beat);

  const notes: GeneratedNote[] = [];
  let previous: number[] | null = null;
  const end = bars * beatsPerBar;
  hits.forEach((h, i) => {
    const chord = [...chords].reverse().find((c) => c.beat <= h.beat + 1e-9) ?? chords[0];
    const voiced = voiceChord(chord.root, chord.quality, voicing, range[0] + lift, range[1] + lift, previous);
    previous = voiced;
    const chordEnd = chord.beat + chord.beats;
    const next = Math.min(hits[i + 1]?.beat ?? end, chordEnd, end);
    const bar = Math.floor(h.beat / beatsPerBar);
    const start = triplet ? h.beat : bar * beatsPerBar + swingPosition(h.beat - bar * beatsPerBar, feel);
    const staccato = voicing === 'skank' ? 0.3 : 0.9;
    // From the swung start, so the chord never rings into the next one.
    const duration = Math.max(0.05, Math.min(next - start, voicing === 'skank' ? 0.35 : 4) * staccato);
    const velocity =
      h.step >= 0 ? velocityAt(model.rhythm, h.step, energy, rng, 80) : Math.round(80 * energy);
    for (const pitch of voiced) notes.push({ beat: start, duration, pitch, velocity });
  });
  return notes;
}
