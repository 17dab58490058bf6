import type { BassModel } from '../models/types.js';
import type { Rng } from '../random.js';
import { CHORD_TONES, consonantPitchClasses, nearestPitch } from '../theory.js';
import type { ArrangedChord, Feel, GeneratedNote, SectionName } from '../types.js';
import { modelStepBeat, sampleSteps, swingPosition, velocityAt } from './grid.js';

const LOW = 28; // E1
const HIGH = 50; // D3
const START_STATE = 12;
const SECTION_ENERGY: Record<SectionName, number> = {
  intro: 0.8,
  verse: 0.9,
  chorus: 1,
  bridge: 0.9,
  outro: 0.85,
};

function chordAt(chords: readonly ArrangedChord[], beat: number): ArrangedChord {
  let c = chords[0];
  for (const x of chords) if (x.beat <= beat + 1e-9) c = x;
  return c;
}

/**
 * The bass line: a learned one-bar rhythm kept through the section (with the learned grid re-drawn now and
 * then), every chord change stated on its root, and the notes in between walking the learned Markov chain of
 * intervals above the chord root — restricted to tones that sound with the chord, in the bass register,
 * moving to the nearest octave.
 */
export function writeBass(args: {
  model: BassModel;
  chords: readonly ArrangedChord[];
  section: SectionName;
  bars: number;
  beatsPerBar: number;
  feel: Feel;
  rng: Rng;
}): GeneratedNote[] {
  const { model, chords, section, bars, beatsPerBar, feel, rng } = args;
  const energy = SECTION_ENERGY[section];
  const triplet = model.stepsPerBar % 3 === 0;
  const main = sampleSteps(model.rhythm, rng);
  const onsets: { beat: number; step: number }[] = [];
  for (let bar = 0; bar < bars; bar++) {
    const steps = rng.chance(0.2) ? sampleSteps(model.rhythm, rng) : main;
    const set = new Set(steps.length > 0 ? steps : [0]);
    set.add(0);
    for (const step of [...set].sort((a, b) => a - b)) {
      const beat = modelStepBeat(step, model.stepsPerBar, model.beatsPerBar, beatsPerBar);
      if (beat < beatsPerBar - 1e-9) onsets.push({ beat: bar * beatsPerBar + beat, step });
    }
  }
  // Every chord change gets a note on its first beat.
  for (const c of chords)
    if (!onsets.some((o) => Math.abs(o.beat - c.beat) < 1e-6)) onsets.push({ beat: c.beat, step: 0 });
  onsets.sort((a, b) => a.beat - b.beat);

  const notes: GeneratedNote[] = [];
  let state = START_STATE;
  let previous = 40;
  let current: ArrangedChord | null = null;
  const end = bars * beatsPerBar;
  onsets.forEach((o, i) => {
    const chord = chordAt(chords, o.beat);
    const changed = chord !== current;
    current = chord;
    if (changed) state = START_STATE;
    const allowed = consonantPitchClasses(chord.root, chord.quality);
    const strong = Math.abs(o.beat - Math.round(o.beat)) < 1e-6;
    let interval: number;
    if (changed) interval = 0;
    else {
      const row = model.transitions[state] ?? [];
      const weights = row.map((w, to) => {
        const pc = (chord.root + to) % 12;
        if (!allowed.has(pc)) return 0;
        // On the beat, chord tones only.
        if (strong && !CHORD_TONES[chord.quality].includes(to)) return 0;
        return w;
      });
      interval = rng.weighted(weights);
      if (interval < 0) interval = rng.pick(CHORD_TONES[chord.quality]);
    }
    state = interval;
    let pitch = nearestPitch((chord.root + interval) % 12, previous);
    while (pitch < LOW) pitch += 12;
    while (pitch > HIGH) pitch -= 12;
    previous = pitch;
    const nextBeat = Math.min(onsets[i + 1]?.beat ?? end, chord.beat + chord.beats, end);
    const start = triplet
      ? o.beat
      : Math.floor(o.beat / beatsPerBar) * beatsPerBar + swingPosition(o.beat % beatsPerBar, feel);
    // Measured from the swung start, so a swung note still ends before the next chord.
    const duration = Math.max(0.05, nextBeat - start - 0.05);
    notes.push({ beat: start, duration, pitch, velocity: velocityAt(model.rhythm, o.step, energy, rng, 95) });
  });
  return notes;
}
