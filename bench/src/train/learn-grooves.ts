/**
 * Learning the drum, bass and comping models of one groove family from the rendered songs of its source
 * grooves. Pure: it takes note tracks and the song's chord roots, so tests feed it tiny synthetic songs.
 */
import { GM_DRUMS, VOICE_ORDER } from './gm-drums.js';
import type { NoteTrack } from './midi-tracks.js';
import type { BassModel, CompModel, DrumGrooveModel, DrumVoice, StepGrid } from './model-types.js';
import { type BarGrid, quantise } from './quantise.js';

export interface SourceSong {
  name: string;
  tracks: NoteTrack[];
  /** Root pitch class of the chord of each bar; its length is the number of bars learned from. */
  roots: readonly number[];
}

export interface Meter {
  beatsPerBar: number;
  stepsPerBar: number;
  ticksPerBar: number;
}

const DRUM_CHANNEL = 9;
/** A bass part sits below E3 (MIDI 52); MMA's casio grooves name riffs an octave up "Bass-7" too. */
const BASS_MAX_MEDIAN = 52;
/** Comping sits above the bass (G2). */
const COMP_MIN_MEDIAN = 43;
/** Sustained pads and string or sweep layers are not chord hits. */
const NOT_COMP = /sus|string|pad|sweep|gob|warm|voice/i;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export const isBassTrack = (t: NoteTrack) =>
  t.channel !== DRUM_CHANNEL &&
  /^(bass|walk)/i.test(t.name) &&
  !/lead|synthdrum/i.test(t.name) &&
  median(t.notes.map((n) => n.note)) <= BASS_MAX_MEDIAN;

export const isCompTrack = (t: NoteTrack) =>
  t.channel !== DRUM_CHANNEL &&
  /^(chord|plectrum)/i.test(t.name) &&
  !NOT_COMP.test(t.name) &&
  median(t.notes.map((n) => n.note)) >= COMP_MIN_MEDIAN;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Accumulates onsets per step over a number of bars. */
class GridCounter {
  readonly hits: number[];
  readonly velSum: number[];
  bars = 0;
  constructor(readonly steps: number) {
    this.hits = new Array(steps).fill(0);
    this.velSum = new Array(steps).fill(0);
  }
  /** One bar's onsets: step → velocity (a step counts once per bar). */
  addBar(onsets: ReadonlyMap<number, number>) {
    this.bars++;
    for (const [step, vel] of onsets) {
      this.hits[step]++;
      this.velSum[step] += vel;
    }
  }
  grid(): StepGrid {
    return {
      p: this.hits.map((h) => (this.bars ? round3(h / this.bars) : 0)),
      velocity: this.hits.map((h, i) => (h ? Math.round(this.velSum[i] / h) : 0)),
    };
  }
}

/** Onsets of some notes per bar: bar → step → loudest velocity; bars outside [0, bars) are dropped. */
export function barOnsets(
  notes: readonly { tick: number; velocity: number }[],
  grid: BarGrid,
  bars: number,
): Map<number, number>[] {
  const out = Array.from({ length: bars }, () => new Map<number, number>());
  for (const n of notes) {
    const { bar, step } = quantise(n.tick, grid);
    if (bar < 0 || bar >= bars) continue;
    out[bar].set(step, Math.max(out[bar].get(step) ?? 0, n.velocity));
  }
  return out;
}

const maskOf = (onsets: ReadonlyMap<number, number>) => {
  let m = 0;
  for (const s of onsets.keys()) m |= 2 ** s;
  return m;
};

const gridOf = (m: Meter): BarGrid => ({ origin: 0, ticksPerBar: m.ticksPerBar, stepsPerBar: m.stepsPerBar });

export function learnDrums(songs: readonly SourceSong[], m: Meter): DrumGrooveModel {
  const counters = new Map<DrumVoice, GridCounter>();
  const masks = new Map<DrumVoice, Map<number, number>>();
  const sources: string[] = [];
  const perSong: { bars: number; voices: Map<DrumVoice, Map<number, number>[]> }[] = [];
  for (const song of songs) {
    const drums = song.tracks.filter((t) => t.channel === DRUM_CHANNEL);
    if (drums.length === 0) continue;
    sources.push(song.name);
    const byVoice = new Map<DrumVoice, { tick: number; velocity: number }[]>();
    for (const t of drums)
      for (const n of t.notes) {
        const v = GM_DRUMS[n.note];
        if (!v) continue;
        let list = byVoice.get(v);
        if (!list) byVoice.set(v, (list = []));
        list.push(n);
      }
    const voices = new Map<DrumVoice, Map<number, number>[]>();
    for (const [voice, notes] of byVoice) voices.set(voice, barOnsets(notes, gridOf(m), song.roots.length));
    perSong.push({ bars: song.roots.length, voices });
  }
  // Every voice heard anywhere in the family gets a grid over all the family's bars (silent bars count).
  const silent = new Map<number, number>();
  for (const voice of VOICE_ORDER) {
    if (!perSong.some((s) => s.voices.has(voice))) continue;
    const c = new GridCounter(m.stepsPerBar);
    const mk = new Map<number, number>();
    for (const song of perSong)
      for (let b = 0; b < song.bars; b++) {
        const onsets = song.voices.get(voice)?.[b] ?? silent;
        c.addBar(onsets);
        const key = maskOf(onsets);
        mk.set(key, (mk.get(key) ?? 0) + 1);
      }
    counters.set(voice, c);
    masks.set(voice, mk);
  }
  const voices: DrumGrooveModel['voices'] = {};
  const bars: DrumGrooveModel['bars'] = {};
  for (const [voice, c] of counters) {
    voices[voice] = c.grid();
    bars[voice] = [...(masks.get(voice) ?? [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
  return { beatsPerBar: m.beatsPerBar, stepsPerBar: m.stepsPerBar, voices, bars, sources };
}

/** The bass line of a song: every bass-like track merged, the lowest note where two start together. */
export function bassLine(song: SourceSong): { tick: number; note: number; velocity: number }[] {
  const byTick = new Map<number, { tick: number; note: number; velocity: number }>();
  for (const t of song.tracks.filter(isBassTrack))
    for (const n of t.notes) {
      const cur = byTick.get(n.tick);
      if (!cur || n.note < cur.note) byTick.set(n.tick, n);
    }
  return [...byTick.values()].sort((a, b) => a.tick - b.tick);
}

/** State index of "first note over a new chord" in BassModel.transitions. */
export const CHORD_START = 12;

export function learnBass(songs: readonly SourceSong[], m: Meter): BassModel {
  const rhythm = new GridCounter(m.stepsPerBar);
  const transitions = Array.from({ length: 13 }, () => new Array<number>(12).fill(0));
  const sources: string[] = [];
  const grid = gridOf(m);
  for (const song of songs) {
    const line = bassLine(song);
    if (line.length === 0) continue;
    sources.push(song.name);
    for (const onsets of barOnsets(line, grid, song.roots.length)) rhythm.addBar(onsets);
    let prevBar = -1;
    let prev = CHORD_START;
    let prevStep = -1;
    for (const n of line) {
      const { bar, step } = quantise(n.tick, grid);
      if (bar < 0 || bar >= song.roots.length) continue;
      // Two bass tracks can land on one step after quantising; the first one there speaks for it.
      if (bar === prevBar && step === prevStep) continue;
      const interval = (((n.note - song.roots[bar]) % 12) + 12) % 12;
      const from = bar === prevBar ? prev : CHORD_START;
      transitions[from][interval]++;
      prev = interval;
      prevBar = bar;
      prevStep = step;
    }
  }
  return {
    beatsPerBar: m.beatsPerBar,
    stepsPerBar: m.stepsPerBar,
    rhythm: rhythm.grid(),
    transitions,
    sources,
  };
}

/** Comping rhythm: each chord-like track of each song is a separate player, its bars the samples. */
export function learnComp(songs: readonly SourceSong[], m: Meter): CompModel {
  const rhythm = new GridCounter(m.stepsPerBar);
  const sources: string[] = [];
  for (const song of songs) {
    const comp = song.tracks.filter(isCompTrack);
    if (comp.length === 0) continue;
    sources.push(song.name);
    for (const t of comp)
      for (const onsets of barOnsets(t.notes, gridOf(m), song.roots.length)) rhythm.addBar(onsets);
  }
  return { beatsPerBar: m.beatsPerBar, stepsPerBar: m.stepsPerBar, rhythm: rhythm.grid(), sources };
}
