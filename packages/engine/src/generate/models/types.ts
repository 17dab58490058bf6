/**
 * Shapes of the learned generation models. The parameters are produced by `npm run train -w @alams/bench`
 * (bench/src/train/) from MIDI material available offline and shipped as generated `*.data.ts` files beside
 * this one; the generator only reads them.
 */
import type { ChordQuality } from '../../analysis/types.js';

/** The drum voices the generator writes; the synth and the SoundFont map them to General MIDI notes. */
export type DrumVoice =
  | 'kick'
  | 'snare'
  | 'rim'
  | 'clap'
  | 'closedHat'
  | 'openHat'
  | 'pedalHat'
  | 'ride'
  | 'crash'
  | 'tomLow'
  | 'tomMid'
  | 'tomHigh'
  | 'shaker'
  | 'conga'
  | 'bongo'
  | 'cowbell'
  | 'clave';

/** A probability grid over one bar, `stepsPerBar` steps (16 for 4/4 in sixteenths, 12 for 3/4 or 6/8 or triplets). */
export interface StepGrid {
  /** Probability that an onset falls on each step, 0-1. */
  p: number[];
  /** Mean MIDI velocity (1-127) of the onsets on each step; 0 where there were none. */
  velocity: number[];
}

/** One groove family's drums, learned from the bars of its source grooves. */
export interface DrumGrooveModel {
  beatsPerBar: number;
  stepsPerBar: number;
  voices: Partial<Record<DrumVoice, StepGrid>>;
  /**
   * Whole-bar patterns observed (each voice's onset steps as a bitmask over the bar) with their counts, so
   * the generator can sample a real bar rather than independent steps. Keys: voice → array of [mask, count].
   */
  bars: Partial<Record<DrumVoice, [number, number][]>>;
  /** Names of the grooves (and their library) the model was learned from. */
  sources: string[];
}

/** How a bass line moves, learned from the bass tracks of the source grooves. */
export interface BassModel {
  beatsPerBar: number;
  stepsPerBar: number;
  /** Onset probability per step. */
  rhythm: StepGrid;
  /**
   * First-order Markov chain over the bass note's interval above the current chord's root (0-11 semitones),
   * `transitions[from][to]` counts; index 12 is "start of a chord".
   */
  transitions: number[][];
  sources: string[];
}

/** How a comping (keys/guitar) part places chord hits in a bar. */
export interface CompModel {
  beatsPerBar: number;
  stepsPerBar: number;
  rhythm: StepGrid;
  sources: string[];
}

/** A chord relative to the key: semitones above the tonic and the quality, e.g. `{ degree: 7, quality: '7' }` is V7. */
export interface RelativeChord {
  degree: number;
  quality: ChordQuality;
}

/** Chord-to-chord transitions for one mode, learned from chord sequences (one chord per bar or per change). */
export interface ProgressionModel {
  /** The states: every relative chord that occurred often enough. */
  states: RelativeChord[];
  /** Counts of each state opening a phrase. */
  start: number[];
  /** Counts `transitions[from][to]` (first order). */
  transitions: number[][];
  /** Counts of each state ending a phrase. */
  end: number[];
}

export interface ProgressionModels {
  major: ProgressionModel;
  minor: ProgressionModel;
  /** How many chord changes of each mode the models were learned from, and the files. */
  corpus: { major: number; minor: number; sources: string[] };
}

/** The groove families the training script learns; each style in the library picks one. */
export type GrooveFamily =
  | 'rock'
  | 'pop'
  | 'ballad'
  | 'funk'
  | 'swing'
  | 'jazzWaltz'
  | 'bossa'
  | 'latin'
  | 'reggae'
  | 'electronic'
  | 'hiphop'
  | 'waltz'
  | 'march'
  | 'sixEight';

export interface GrooveModels {
  drums: Record<GrooveFamily, DrumGrooveModel>;
  bass: Record<GrooveFamily, BassModel>;
  comp: Record<GrooveFamily, CompModel>;
}
