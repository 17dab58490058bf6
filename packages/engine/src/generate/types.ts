import type { ChordQuality, Mode, PitchClassName, StyleFamily, TimeSignature } from '../analysis/types.js';
import type { Bpm, Seconds } from '../units.js';
import type { DrumVoice, GrooveFamily } from './models/types.js';

export type PartName = 'drums' | 'bass' | 'keys' | 'pad' | 'lead';
export const PART_NAMES: readonly PartName[] = ['drums', 'bass', 'keys', 'pad', 'lead'];

export type SectionName = 'intro' | 'verse' | 'chorus' | 'bridge' | 'outro';
export const SECTION_NAMES: readonly SectionName[] = ['intro', 'verse', 'chorus', 'bridge', 'outro'];

/** One note of a part. Times are in beats from the start of its section (swing already applied). */
export interface GeneratedNote {
  beat: number;
  /** Length in beats. */
  duration: number;
  /** MIDI note number (General MIDI drum note for drums). */
  pitch: number;
  /** 1-127. */
  velocity: number;
  /** For drums: which kit voice. */
  drum?: DrumVoice;
}

/** Which sound plays a part: one of our synth engines with a preset, or a General MIDI program of the SoundFont. */
export interface InstrumentChoice {
  engine: 'analog' | 'fm' | 'drumkit' | 'soundfont';
  preset: string;
  /** General MIDI program (0-127) when `engine` is `soundfont`; for drums, the GM kit (bank 128) number. */
  program?: number;
}

export interface PartMix {
  /** Level in dB relative to unity. */
  gainDb: number;
  /** −1 (left) to +1 (right). */
  pan: number;
  /** Send to the reverb, 0-1. */
  reverb: number;
}

/** A chord of the arrangement: where it starts (beats from the section start) and how long it lasts. */
export interface ArrangedChord {
  beat: number;
  beats: number;
  /** Root pitch class, 0 = C. */
  root: number;
  quality: ChordQuality;
  label: string;
}

export interface PartTrack {
  part: PartName;
  notes: GeneratedNote[];
}

export interface ArrangedSection {
  name: SectionName;
  /** Bar at which the section starts, from the arrangement's first bar. */
  startBar: number;
  bars: number;
  chords: ArrangedChord[];
  /** Only the parts that play in this section. */
  parts: PartTrack[];
}

export interface Feel {
  /** Which off-beats swing: eighths (jazz, shuffle) or sixteenths (hip-hop, funk); none when straight. */
  unit: 'eighth' | 'sixteenth' | 'none';
  /** Long/short ratio: 1 straight, 2 triplet swing. */
  ratio: number;
}

export interface Variation {
  /** Stable within a generation: `v1`..`v5` in rank order. */
  id: string;
  /** What the streamer sees on the track selector, e.g. "Chill Beats". */
  name: string;
  style: string;
  family: StyleFamily;
  groove: GrooveFamily;
  bpm: Bpm;
  beatsPerBar: number;
  timeSignature: TimeSignature;
  key: { tonic: PitchClassName; mode: Mode; label: string };
  feel: Feel;
  /**
   * Where the arrangement's bar 1 sits on the capture's clock: the musician's downbeat (seconds from the
   * capture's start) and the beat length, so the player can enter on their "one".
   */
  anchor: { downbeat: Seconds; beatSeconds: Seconds };
  sections: ArrangedSection[];
  totalBars: number;
  instruments: Record<PartName, InstrumentChoice>;
  mix: Record<PartName, PartMix>;
  /** Name of the effects preset the effects knob starts from. */
  effects: string;
  /** How well the style fits the capture's style features, 0-1 (variations are ranked by it). */
  fit: number;
  /** Whether the harmony follows the musician's own chords (true) or was written in their key. */
  followsPlayedChords: boolean;
}

export interface GenerationPreferences {
  /** 3-5; default 5. */
  variations?: number;
  /** Style ids to choose from (default: the whole library, ranked by fit). */
  styles?: string[];
  /** Bars per section, 4-16 each. */
  sectionBars?: Partial<Record<SectionName, number>>;
  /** Section order; default intro, verse, chorus, verse, chorus, bridge, chorus, outro. */
  form?: SectionName[];
}

export interface Generation {
  seed: number;
  variations: Variation[];
}
