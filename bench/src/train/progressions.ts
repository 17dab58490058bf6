/** Counting chord-to-chord statistics per mode from keyed chord sequences. */
import type { Chord } from './chord-symbols.js';
import type { KeyGuess, Mode } from './key-inference.js';
import type { ChordQuality, ProgressionModel, RelativeChord } from './model-types.js';

export interface KeyedSong {
  source: string;
  key: KeyGuess;
  chords: Chord[];
}

/** A chord as the key sees it: semitones above the tonic. */
export function relativeChord(chord: Chord, key: KeyGuess): RelativeChord {
  return { degree: (((chord.root - key.tonic) % 12) + 12) % 12, quality: chord.quality };
}

const QUALITY_ORDER: readonly ChordQuality[] = ['maj', 'min', '7', 'maj7', 'min7', 'dim', 'sus4', 'sus2'];
const id = (c: RelativeChord) => `${c.degree}:${c.quality}`;

/** States seen fewer times than this are dropped (with every transition into or out of them). */
export const MIN_STATE_COUNT = 2;

/**
 * Start, transition and end counts over the songs of one mode. Each song is one phrase. States are
 * ordered by how often they occur, then by degree and quality, so the output is stable.
 */
export function countProgressions(
  songs: readonly KeyedSong[],
  mode: Mode,
  minCount = MIN_STATE_COUNT,
): { model: ProgressionModel; changes: number } {
  const seqs = songs
    .filter((s) => s.key.mode === mode)
    .map((s) => s.chords.map((c) => relativeChord(c, s.key)));
  const occurrences = new Map<string, { chord: RelativeChord; n: number }>();
  let changes = 0;
  for (const seq of seqs)
    for (const c of seq) {
      changes++;
      const o = occurrences.get(id(c));
      if (o) o.n++;
      else occurrences.set(id(c), { chord: c, n: 1 });
    }
  const kept = [...occurrences.values()]
    .filter((o) => o.n >= minCount)
    .sort(
      (a, b) =>
        b.n - a.n ||
        a.chord.degree - b.chord.degree ||
        QUALITY_ORDER.indexOf(a.chord.quality) - QUALITY_ORDER.indexOf(b.chord.quality),
    );
  const index = new Map(kept.map((o, i) => [id(o.chord), i]));
  const n = kept.length;
  const start = new Array<number>(n).fill(0);
  const end = new Array<number>(n).fill(0);
  const transitions = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const seq of seqs) {
    if (seq.length === 0) continue;
    const first = index.get(id(seq[0]));
    if (first !== undefined) start[first]++;
    const last = index.get(id(seq[seq.length - 1]));
    if (last !== undefined) end[last]++;
    for (let i = 1; i < seq.length; i++) {
      const a = index.get(id(seq[i - 1]));
      const b = index.get(id(seq[i]));
      if (a !== undefined && b !== undefined) transitions[a][b]++;
    }
  }
  return { model: { states: kept.map((o) => o.chord), start, transitions, end }, changes };
}
