/**
 * The five knobs: positions 0-127 (the MIDI range) mapped to player parameters by pure functions, each with
 * the text a screen reader or the knob's overlay shows for the position.
 */
import type { SectionName } from '../generate/types.js';
import { SECTION_NAMES } from '../generate/types.js';

export const KNOB_MAX = 127;

export type KnobName = 'trackSelector' | 'keyboardSound' | 'effects' | 'mixBalance' | 'arrangement';
export const KNOB_NAMES: readonly KnobName[] = [
  'trackSelector',
  'keyboardSound',
  'effects',
  'mixBalance',
  'arrangement',
];
/** The labels the studio's sliders carry (`aria-label`). */
export const KNOB_LABELS: Record<KnobName, string> = {
  trackSelector: 'Track selector',
  keyboardSound: 'Keyboard sound',
  effects: 'Effects',
  mixBalance: 'Mix balance',
  arrangement: 'Arrangement',
};

export type KnobPositions = Record<KnobName, number>;
export const DEFAULT_KNOBS: KnobPositions = {
  trackSelector: 0,
  keyboardSound: 64,
  effects: 32,
  mixBalance: 100,
  arrangement: 0,
};

/** Clamp and round a knob value; NaN (a broken controller message) reads as 0. */
export function knobValue(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(KNOB_MAX, Math.round(v)));
}

/** Which of `count` discrete positions a value selects: the travel split into equal zones. */
export function discretePosition(value: number, count: number): number {
  if (count <= 1) return 0;
  return Math.min(count - 1, Math.floor((knobValue(value) * count) / (KNOB_MAX + 1)));
}

/** The knob value at the centre of position `index` of `count` (for snapping the knob to a track). */
export function positionValue(index: number, count: number): number {
  if (count <= 1) return 0;
  return Math.round(((index + 0.5) * (KNOB_MAX + 1)) / count - 0.5);
}

// ---- 1. Track selector ------------------------------------------------------------------------------

export const trackIndex = (value: number, tracks: number) => discretePosition(value, tracks);

// ---- 2. Keyboard sound ------------------------------------------------------------------------------

/** The character of the melodic instruments, each 0-1. */
export interface SoundCharacter {
  /** Timbre choice or morph (e.g. from soft to bright waveform / FM ratio). */
  tone: number;
  /** Low-mid body and gentle saturation. */
  warmth: number;
  /** Filter cut-off. */
  brightness: number;
  /** Attack time, 0 = percussive, 1 = slow swell. */
  attack: number;
  /** Decay/release length. */
  decay: number;
}

/**
 * One sweep through sound characters: from dark, warm and soft (0) through a neutral centre (64) to bright,
 * crisp and percussive (127); attack slows at both ends' pad-like extremes and decay follows warmth.
 */
export function keyboardSound(value: number): SoundCharacter {
  const x = knobValue(value) / KNOB_MAX;
  return {
    tone: x,
    warmth: 1 - x * 0.8,
    brightness: 0.15 + 0.85 * x,
    attack: 0.6 * (1 - x) ** 3,
    decay: 0.3 + 0.5 * (1 - x),
  };
}

export function keyboardSoundText(value: number): string {
  const x = knobValue(value) / KNOB_MAX;
  const words = ['Dark and warm', 'Mellow', 'Balanced', 'Bright', 'Crisp and percussive'];
  return words[Math.min(words.length - 1, Math.floor(x * words.length))];
}

// ---- 3. Effects -------------------------------------------------------------------------------------

export interface EffectsSettings {
  /** Reverb send level (0-1) and decay time (s). */
  reverbMix: number;
  reverbSeconds: number;
  /** Tempo-synced delay: level (0-1), feedback (0-0.9), time in beats. */
  delayMix: number;
  delayFeedback: number;
  delayBeats: number;
  /** Master low-pass cut-off (Hz; 20 kHz = open) and high-pass (Hz; 20 = open). */
  lowPassHz: number;
  highPassHz: number;
  /** Stereo width: 0 mono, 1 as mixed, up to 1.5 wider. */
  width: number;
}

export interface EffectsPreset extends EffectsSettings {
  name: string;
}

/** Named presets along the knob's travel; between two presets the settings glide from one to the next. */
export const EFFECTS_PRESETS: readonly EffectsPreset[] = [
  {
    name: 'Dry',
    reverbMix: 0,
    reverbSeconds: 0.8,
    delayMix: 0,
    delayFeedback: 0,
    delayBeats: 0.75,
    lowPassHz: 20000,
    highPassHz: 20,
    width: 1,
  },
  {
    name: 'Room',
    reverbMix: 0.15,
    reverbSeconds: 0.9,
    delayMix: 0,
    delayFeedback: 0.2,
    delayBeats: 0.75,
    lowPassHz: 20000,
    highPassHz: 20,
    width: 1,
  },
  {
    name: 'Hall',
    reverbMix: 0.3,
    reverbSeconds: 2.4,
    delayMix: 0.05,
    delayFeedback: 0.25,
    delayBeats: 0.75,
    lowPassHz: 18000,
    highPassHz: 30,
    width: 1.15,
  },
  {
    name: 'Echo',
    reverbMix: 0.2,
    reverbSeconds: 1.6,
    delayMix: 0.3,
    delayFeedback: 0.45,
    delayBeats: 0.75,
    lowPassHz: 16000,
    highPassHz: 60,
    width: 1.2,
  },
  {
    name: 'Lo-fi',
    reverbMix: 0.15,
    reverbSeconds: 1.2,
    delayMix: 0.15,
    delayFeedback: 0.35,
    delayBeats: 0.5,
    lowPassHz: 3500,
    highPassHz: 150,
    width: 0.7,
  },
  {
    name: 'Space',
    reverbMix: 0.45,
    reverbSeconds: 5,
    delayMix: 0.25,
    delayFeedback: 0.55,
    delayBeats: 1.5,
    lowPassHz: 12000,
    highPassHz: 40,
    width: 1.5,
  },
];

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
/** Frequencies glide on a log scale so a sweep sounds even. */
const lerpLog = (a: number, b: number, t: number) => Math.exp(lerp(Math.log(a), Math.log(b), t));

export function effects(value: number): EffectsPreset {
  const x = (knobValue(value) / KNOB_MAX) * (EFFECTS_PRESETS.length - 1);
  const i = Math.min(EFFECTS_PRESETS.length - 2, Math.floor(x));
  const t = x - i;
  const a = EFFECTS_PRESETS[i];
  const b = EFFECTS_PRESETS[i + 1];
  return {
    name: t < 0.5 ? a.name : b.name,
    reverbMix: lerp(a.reverbMix, b.reverbMix, t),
    reverbSeconds: lerpLog(a.reverbSeconds, b.reverbSeconds, t),
    delayMix: lerp(a.delayMix, b.delayMix, t),
    delayFeedback: lerp(a.delayFeedback, b.delayFeedback, t),
    // The delay time jumps at the midpoint rather than gliding (a gliding delay pitch-bends the echoes).
    delayBeats: t < 0.5 ? a.delayBeats : b.delayBeats,
    lowPassHz: lerpLog(a.lowPassHz, b.lowPassHz, t),
    highPassHz: lerpLog(a.highPassHz, b.highPassHz, t),
    width: lerp(a.width, b.width, t),
  };
}

/** Knob values at which each named preset sits exactly. */
export const effectsPresetValue = (index: number) =>
  Math.round((index * KNOB_MAX) / (EFFECTS_PRESETS.length - 1));

// ---- 4. Mix balance ---------------------------------------------------------------------------------

export const MIN_MASTER_DB = -60;
export const MAX_MASTER_DB = 6;
/** The knob position of unity gain (0 dB). */
export const UNITY_VALUE = 100;

/**
 * Master volume: 0 is silence, 1 is −60 dB, 100 is 0 dB and 127 is +6 dB, linear in dB between, so the
 * travel above unity (the part that can clip, caught by the limiter) is short and deliberate.
 */
export function masterDb(value: number): number {
  const v = knobValue(value);
  if (v === 0) return Number.NEGATIVE_INFINITY;
  if (v <= UNITY_VALUE) return MIN_MASTER_DB + ((v - 1) * (0 - MIN_MASTER_DB)) / (UNITY_VALUE - 1);
  return ((v - UNITY_VALUE) * MAX_MASTER_DB) / (KNOB_MAX - UNITY_VALUE);
}

export const dbToGain = (db: number) => (db === Number.NEGATIVE_INFINITY ? 0 : 10 ** (db / 20));

export function masterText(value: number): string {
  const db = masterDb(value);
  return db === Number.NEGATIVE_INFINITY ? 'Muted' : `${db >= 0 ? '+' : ''}${db.toFixed(1)} dB`;
}

/** Balance between backing (−1) and live input (+1); 0 plays both at full level. */
export function balanceGains(balance: number): { backing: number; live: number } {
  const b = Number.isFinite(balance) ? Math.max(-1, Math.min(1, balance)) : 0;
  return { backing: b > 0 ? 1 - b : 1, live: b < 0 ? 1 + b : 1 };
}

// ---- 5. Arrangement ---------------------------------------------------------------------------------

export const sectionAt = (value: number): SectionName =>
  SECTION_NAMES[discretePosition(value, SECTION_NAMES.length)];

const TITLE: Record<SectionName, string> = {
  intro: 'Intro',
  verse: 'Verse',
  chorus: 'Chorus',
  bridge: 'Bridge',
  outro: 'Outro',
};
export const sectionTitle = (s: SectionName) => TITLE[s];

/** The `aria-valuetext` of each knob at `value`; the track selector needs the variation names. */
export function knobText(knob: KnobName, value: number, trackNames: readonly string[] = []): string {
  switch (knob) {
    case 'trackSelector':
      return trackNames.length > 0 ? trackNames[trackIndex(value, trackNames.length)] : 'No tracks yet';
    case 'keyboardSound':
      return keyboardSoundText(value);
    case 'effects':
      return effects(value).name;
    case 'mixBalance':
      return masterText(value);
    default:
      return sectionTitle(sectionAt(value));
  }
}
