import type { Bpm, Confidence, Db, Hz, Lufs, MidiNote, Seconds } from '../units.js';

/** PCM audio as the engine takes it: one Float32Array per channel (1 or 2), all the same length. */
export interface PcmAudio {
  channels: Float32Array[];
  sampleRate: Hz;
}

export type PitchClassName = 'C' | 'C#' | 'D' | 'Eb' | 'E' | 'F' | 'F#' | 'G' | 'Ab' | 'A' | 'Bb' | 'B';
export type Mode = 'major' | 'minor';
export type TimeSignature = '2/4' | '3/4' | '4/4' | '6/8';

export interface TempoResult {
  bpm: Bpm;
  /** Beat times in seconds from the start of the input. */
  beats: Seconds[];
  /** The subset of `beats` that start a bar. */
  downbeats: Seconds[];
  timeSignature: TimeSignature;
  confidence: Confidence;
}

export interface KeyResult {
  tonic: PitchClassName;
  mode: Mode;
  confidence: Confidence;
  /** e.g. `D major`. */
  label: string;
}

export type ChordQuality = 'maj' | 'min' | '7' | 'maj7' | 'min7' | 'dim' | 'sus4' | 'sus2';

export interface ChordSegment {
  start: Seconds;
  end: Seconds;
  /** Root pitch class, or null for "no chord". */
  root: PitchClassName | null;
  quality: ChordQuality | null;
  /** e.g. `Am7`, `F#dim`, `Csus4`, `N` for no chord. */
  label: string;
  confidence: Confidence;
}

export interface NoteEvent {
  pitch: MidiNote;
  start: Seconds;
  duration: Seconds;
  /** 1-127, MIDI velocity. */
  velocity: number;
}

export interface LoudnessResult {
  /** Integrated loudness, ITU-R BS.1770-4 gated; -Infinity for digital silence. */
  lufs: Lufs;
  /** True peak in dBTP (4x oversampled, BS.1770-4 Annex 2). */
  truePeakDb: Db;
  /** Highest sample value in dBFS. */
  samplePeakDb: Db;
}

export type StyleFamily =
  | 'Electronic'
  | 'Hip-Hop'
  | 'Pop'
  | 'Rock'
  | 'Jazz'
  | 'Classical'
  | 'World'
  | 'Experimental';

export interface StyleFeatures {
  tempo: Bpm;
  /** Share of onset energy carried by broadband transients, 0-1. */
  percussiveness: number;
  /** Spectral centroid, Hz. */
  brightness: Hz;
  /** Chord changes per bar. */
  harmonicRhythm: number;
  /** Long/short ratio of swung eighths: 1 = straight, 2 = triplet swing. */
  swingRatio: number;
  /** How regular the onsets are against the beat grid, 0-1. */
  beatStrength: number;
  /** Share of chords that are sevenths or extended, 0-1. */
  seventhChordShare: number;
  /** Dynamic range of short-term loudness, dB (LRA-like). */
  dynamicRange: Db;
  /** Low-frequency energy share (< 150 Hz), 0-1. */
  bassWeight: number;
  /** Tonal clarity: key confidence, 0-1. */
  tonalClarity: number;
}

export interface StyleGuess {
  name: StyleFamily;
  score: number;
}

/** Something odd about the input that analysis worked around, with what it did. */
export interface InputWarning {
  code: 'clipping' | 'dc_offset' | 'resampled' | 'low_level';
  message: string;
}

export interface StageTimingsMs {
  [stage: string]: number;
}

export interface MusicAnalysis {
  status: 'ok';
  duration: Seconds;
  sampleRate: Hz;
  tempo: TempoResult;
  key: KeyResult;
  chords: ChordSegment[];
  /** Present when transcription ran. */
  notes?: NoteEvent[];
  loudness: LoudnessResult;
  style: { features: StyleFeatures; ranking: StyleGuess[] };
  warnings: InputWarning[];
  timingsMs: StageTimingsMs;
}

/** Valid audio that carries nothing to analyse: a clear answer, not an error and not a made-up tempo. */
export interface NoMusicalContent {
  status: 'no_musical_content';
  reason: 'silence' | 'noise';
  message: string;
  duration: Seconds;
  loudness: LoudnessResult;
  warnings: InputWarning[];
  timingsMs: StageTimingsMs;
}

export type AnalysisOutcome = MusicAnalysis | NoMusicalContent;
