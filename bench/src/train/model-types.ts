/**
 * The shapes of packages/engine/src/generate/models/types.ts, repeated here because bench compiles against
 * the engine's public build, which does not export them. The generated files are type-checked against the
 * real types when the engine builds, so a drift between the two fails there.
 */

export type ChordQuality = 'maj' | 'min' | '7' | 'maj7' | 'min7' | 'dim' | 'sus4' | 'sus2';

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

export interface StepGrid {
  p: number[];
  velocity: number[];
}

export interface DrumGrooveModel {
  beatsPerBar: number;
  stepsPerBar: number;
  voices: Partial<Record<DrumVoice, StepGrid>>;
  bars: Partial<Record<DrumVoice, [number, number][]>>;
  sources: string[];
}

export interface BassModel {
  beatsPerBar: number;
  stepsPerBar: number;
  rhythm: StepGrid;
  transitions: number[][];
  sources: string[];
}

export interface CompModel {
  beatsPerBar: number;
  stepsPerBar: number;
  rhythm: StepGrid;
  sources: string[];
}

export interface RelativeChord {
  degree: number;
  quality: ChordQuality;
}

export interface ProgressionModel {
  states: RelativeChord[];
  start: number[];
  transitions: number[][];
  end: number[];
}

export interface ProgressionModels {
  major: ProgressionModel;
  minor: ProgressionModel;
  corpus: { major: number; minor: number; sources: string[] };
}

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
