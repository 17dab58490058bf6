import type { DrumVoice } from './models/types.js';
import { pcName } from './theory.js';
import type { GeneratedNote, Variation } from './types.js';

const DRUM_LETTER: Partial<Record<DrumVoice, string>> = {
  kick: 'k',
  snare: 's',
  clap: 'c',
  rim: 'r',
  closedHat: 'h',
  openHat: 'o',
  pedalHat: 'p',
  ride: 'd',
  crash: 'x',
};

const noteName = (pitch: number) => `${pcName(pitch)}${Math.floor(pitch / 12) - 1}`;

/**
 * A variation as readable text, bar by bar: chords, the drum grid (kick, snare, hats in sixteenths or the
 * groove's steps) and the pitched parts' notes, so a reviewer sees musical changes in a snapshot diff.
 */
export function describeVariation(v: Variation, maxBarsPerSection = 4): string {
  const lines: string[] = [];
  const feel = v.feel.unit === 'none' ? 'straight' : `swing ${v.feel.unit} ${v.feel.ratio}`;
  lines.push(
    `${v.id} ${v.name} [${v.style}, ${v.family}, groove ${v.groove}] ${v.bpm.toFixed(1)} BPM ${v.timeSignature} ${v.key.label}, ${feel}`,
  );
  const grid = 4; // cells per beat in the drum lines
  for (const s of v.sections) {
    lines.push(
      `${s.name} (${s.bars} bars from bar ${s.startBar + 1}): ${s.chords.map((c) => c.label).join(' ')}`,
    );
    for (let bar = 0; bar < Math.min(s.bars, maxBarsPerSection); bar++) {
      const from = bar * v.beatsPerBar;
      const to = from + v.beatsPerBar;
      const inBar = (n: GeneratedNote) => n.beat >= from - 1e-9 && n.beat < to - 1e-9;
      const chords = s.chords.filter((c) => c.beat >= from && c.beat < to).map((c) => c.label);
      const cells: string[] = [];
      for (const p of s.parts) {
        const notes = p.notes.filter(inBar);
        if (p.part === 'drums') {
          const row = Array.from({ length: v.beatsPerBar * grid }, () => '.');
          for (const n of notes) {
            const letter = (n.drum && DRUM_LETTER[n.drum]) ?? '*';
            const i = Math.min(row.length - 1, Math.round((n.beat - from) * grid));
            if (row[i] === '.' || letter === 'k' || letter === 's') row[i] = letter;
          }
          cells.push(`drums ${row.join('')}`);
        } else {
          const onsets = new Map<number, number[]>();
          for (const n of notes) onsets.set(n.beat, [...(onsets.get(n.beat) ?? []), n.pitch]);
          const text = [...onsets.entries()]
            .slice(0, 8)
            .map(([, ps]) => (ps.length > 1 ? `[${ps.map(noteName).join(' ')}]` : noteName(ps[0])))
            .join(' ');
          cells.push(`${p.part} ${text}${onsets.size > 8 ? ' …' : ''}`);
        }
      }
      lines.push(
        `  ${String(s.startBar + bar + 1).padStart(3)} | ${chords.join(' ').padEnd(12)} | ${cells.join(' | ')}`,
      );
    }
    if (s.bars > maxBarsPerSection) lines.push(`      … ${s.bars - maxBarsPerSection} more bars`);
  }
  return lines.join('\n');
}
