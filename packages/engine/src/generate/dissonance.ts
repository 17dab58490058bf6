import { chordPitchClasses, consonantPitchClasses } from './theory.js';
import type { ArrangedSection, GeneratedNote, PartName, Variation } from './types.js';

export interface DissonanceReport {
  /** Pairs of notes from two different pitched parts that sound at the same time. */
  pairs: number;
  dissonant: number;
  /** dissonant / pairs (0 when nothing overlaps). */
  share: number;
  /** A few offending pairs, for test messages. */
  examples: string[];
}

const PITCHED: readonly PartName[] = ['bass', 'keys', 'pad', 'lead'];

/**
 * The harmonic-correctness measure. Two notes from different pitched parts that overlap in time form a
 * *dissonant pair* when, against the chord sounding at the later of their onsets, either note is outside the
 * chord's tones and available tensions (see `consonantPitchClasses`), or the two are a semitone apart (minor
 * second, major seventh, minor ninth: interval class 1) without both being chord tones — so the major
 * seventh inside a maj7 chord is fine, a ninth rubbing on the root in the bass is not.
 */
export function sectionDissonance(section: ArrangedSection): DissonanceReport {
  const notes: { part: PartName; n: GeneratedNote }[] = [];
  for (const p of section.parts)
    if (PITCHED.includes(p.part)) for (const n of p.notes) notes.push({ part: p.part, n });
  notes.sort((a, b) => a.n.beat - b.n.beat);
  const chordAt = (beat: number) => {
    let c = section.chords[0];
    for (const x of section.chords) if (x.beat <= beat + 1e-9) c = x;
    return c;
  };
  let pairs = 0;
  let dissonant = 0;
  const examples: string[] = [];
  for (let i = 0; i < notes.length; i++) {
    const a = notes[i];
    const aEnd = a.n.beat + a.n.duration;
    for (let j = i + 1; j < notes.length && notes[j].n.beat < aEnd - 1e-9; j++) {
      const b = notes[j];
      if (b.part === a.part) continue;
      pairs++;
      const chord = chordAt(b.n.beat);
      const allowed = consonantPitchClasses(chord.root, chord.quality);
      const tones = chordPitchClasses(chord.root, chord.quality);
      const pa = a.n.pitch % 12;
      const pb = b.n.pitch % 12;
      const ic = Math.min((pa - pb + 12) % 12, (pb - pa + 12) % 12);
      const outside = !allowed.has(pa) || !allowed.has(pb);
      const rub = ic === 1 && !(tones.includes(pa) && tones.includes(pb));
      if (outside || rub) {
        dissonant++;
        if (examples.length < 5)
          examples.push(
            `${section.name} beat ${b.n.beat.toFixed(2)}: ${a.part} ${a.n.pitch} / ${b.part} ${b.n.pitch} over ${chord.label}`,
          );
      }
    }
  }
  return { pairs, dissonant, share: pairs > 0 ? dissonant / pairs : 0, examples };
}

export function variationDissonance(v: Variation): DissonanceReport {
  const total: DissonanceReport = { pairs: 0, dissonant: 0, share: 0, examples: [] };
  for (const s of v.sections) {
    const r = sectionDissonance(s);
    total.pairs += r.pairs;
    total.dissonant += r.dissonant;
    total.examples.push(...r.examples.slice(0, Math.max(0, 5 - total.examples.length)));
  }
  total.share = total.pairs > 0 ? total.dissonant / total.pairs : 0;
  return total;
}
