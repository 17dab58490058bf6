import type { NoteEvent } from '../../analysis/types.js';
import type { Rng } from '../random.js';
import type { LeadKind } from '../styles.js';
import { chordPitchClasses, consonantPitchClasses, nearestPitch } from '../theory.js';
import type { ArrangedChord, Feel, GeneratedNote } from '../types.js';
import { swingPosition } from './grid.js';

const LEAD_RANGE: [number, number] = [64, 86];

/** A motif: onsets in beats over two bars and a contour of pitches (MIDI), from the player or invented. */
export interface Motif {
  beats: number[];
  pitches: number[];
  lengthBeats: number;
}

const chordAt = (chords: readonly ArrangedChord[], beat: number) =>
  [...chords].reverse().find((c) => c.beat <= beat + 1e-9) ?? chords[0];

/**
 * The musician's own motif: their transcribed notes from the first two bars after the downbeat, quantised to
 * eighths, one note per eighth (the highest), so the lead answers with their rhythm and contour.
 */
export function motifFromNotes(
  notes: readonly NoteEvent[],
  downbeat: number,
  beatSeconds: number,
  beatsPerBar: number,
): Motif | null {
  const length = 2 * beatsPerBar;
  const byEighth = new Map<number, number>();
  for (const n of notes) {
    const beat = (n.start - downbeat) / beatSeconds;
    if (beat < -0.25 || beat >= length) continue;
    const q = Math.max(0, Math.round(beat * 2) / 2);
    if (q >= length) continue;
    byEighth.set(q, Math.max(byEighth.get(q) ?? 0, n.pitch));
  }
  if (byEighth.size < 3) return null;
  const beats = [...byEighth.keys()].sort((a, b) => a - b);
  return { beats, pitches: beats.map((b) => byEighth.get(b) as number), lengthBeats: length };
}

/** A motif when the player gave none: eighth-note rhythm of moderate density, stepwise contour. */
export function inventMotif(beatsPerBar: number, rng: Rng): Motif {
  const length = 2 * beatsPerBar;
  const beats: number[] = [];
  for (let e = 0; e < length * 2; e++) {
    const onBeat = e % 2 === 0;
    if (rng.chance(onBeat ? 0.7 : 0.35)) beats.push(e / 2);
  }
  if (beats.length === 0) beats.push(0);
  let p = 72;
  const pitches = beats.map(() => {
    p += rng.pick([-2, -1, 0, 1, 2, 3, -3]);
    return p;
  });
  return { beats, pitches, lengthBeats: length };
}

/**
 * The lead part. A melody repeats the motif through the section, each note moved to the nearest tone that
 * sounds with the chord under it (chord tones on the beat); an arpeggio runs up and down the chord tones
 * in eighths, or sixteenths at slow tempi.
 */
export function writeLead(args: {
  kind: LeadKind;
  chords: readonly ArrangedChord[];
  bars: number;
  beatsPerBar: number;
  bpm: number;
  feel: Feel;
  motif: Motif | null;
  rng: Rng;
}): GeneratedNote[] {
  const { kind, chords, bars, beatsPerBar, bpm, feel, rng } = args;
  const end = bars * beatsPerBar;
  const notes: GeneratedNote[] = [];
  if (kind === 'none') return notes;
  if (kind === 'arp') {
    const step = bpm <= 110 ? 0.25 : 0.5;
    const pattern = rng.pick(['up', 'updown', 'down'] as const);
    for (const c of chords) {
      const pcs = chordPitchClasses(c.root, c.quality);
      const ladder: number[] = [];
      for (let octave = 60; octave < 86; octave += 12) for (const pc of pcs) ladder.push(octave + pc);
      ladder.sort((a, b) => a - b);
      const seq =
        pattern === 'up'
          ? ladder
          : pattern === 'down'
            ? [...ladder].reverse()
            : [...ladder, ...ladder.slice(1, -1).reverse()];
      let i = 0;
      for (let b = c.beat; b < Math.min(c.beat + c.beats, end) - 1e-9; b += step, i++) {
        const bar = Math.floor(b / beatsPerBar);
        const at = bar * beatsPerBar + swingPosition(b - bar * beatsPerBar, feel);
        notes.push({
          beat: at,
          duration: Math.max(0.05, Math.min(step * 0.9, Math.min(c.beat + c.beats, end) - at - 0.02)),
          pitch: seq[i % seq.length],
          velocity: Math.round(70 + (i % 4 === 0 ? 12 : 0) + rng.jitter(4)),
        });
      }
    }
    return notes;
  }
  const motif = args.motif ?? inventMotif(beatsPerBar, rng);
  let previous = 74;
  for (let offset = 0; offset < end; offset += motif.lengthBeats) {
    // Every other statement leaves out a note or two, so the repetition breathes.
    const thin = (offset / motif.lengthBeats) % 2 === 1;
    motif.beats.forEach((mb, i) => {
      const beat = offset + mb;
      if (beat >= end || (thin && rng.chance(0.25))) return;
      const chord = chordAt(chords, beat);
      const strong = Math.abs(beat - Math.round(beat)) < 1e-6;
      const pcs = strong
        ? chordPitchClasses(chord.root, chord.quality)
        : [...consonantPitchClasses(chord.root, chord.quality)];
      let best = nearestPitch(pcs[0], motif.pitches[i]);
      for (const pc of pcs) {
        const cand = nearestPitch(pc, motif.pitches[i]);
        if (Math.abs(cand - motif.pitches[i]) < Math.abs(best - motif.pitches[i])) best = cand;
      }
      while (best < LEAD_RANGE[0]) best += 12;
      while (best > LEAD_RANGE[1]) best -= 12;
      previous = best;
      const nextBeat = offset + (motif.beats[i + 1] ?? motif.lengthBeats);
      const chordEnd = chord.beat + chord.beats;
      const bar = Math.floor(beat / beatsPerBar);
      const at = bar * beatsPerBar + swingPosition(beat - bar * beatsPerBar, feel);
      const duration = Math.max(0.05, Math.min(nextBeat, chordEnd, end) - at - 0.05);
      notes.push({ beat: at, duration, pitch: previous, velocity: Math.round(84 + rng.jitter(8)) });
    });
  }
  return notes;
}
