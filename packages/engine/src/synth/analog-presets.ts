import type { Seconds, Semitones } from '../units.js';
import type { KeyboardSound } from './types.js';

/** The fixed voicing of an analog patch; the live controls are the KeyboardSound. */
export interface AnalogPatch {
  /** Oscillator 2 transposition against oscillator 1. */
  osc2Semitones: Semitones;
  /** Oscillator 2 detune in cents (the beating that widens a saw). */
  detuneCents: number;
  osc2Level: number;
  /** Square one octave below oscillator 1. */
  subLevel: number;
  noiseLevel: number;
  /** Filter resonance 0-1 (Q 0.5 to about 12). */
  resonance: number;
  /** Filter envelope depth in octaves. */
  filterEnvOctaves: number;
  /** 1 = the cutoff follows the keyboard exactly. */
  keyTracking: number;
  /** Octaves of cutoff a soft note loses against velocity 127. */
  velocityToFilter: number;
  /** Filter-envelope decay as a multiple of the amp decay. */
  filterDecayRatio: number;
  filterSustain: number;
  /** Amp sustain level 0-1. */
  sustain: number;
  /** Portamento time constant (mono patches). */
  glide: Seconds;
  /** One voice that glides from note to note. */
  mono: boolean;
  /** Output gain; the voice's soft clipper bounds a voice at this level. */
  level: number;
  /** Stereo spread of voices across the keyboard, 0-1. */
  spread: number;
}

export interface AnalogPreset {
  patch: AnalogPatch;
  sound: KeyboardSound;
  polyphony: number;
}

export type AnalogPresetName = 'bass' | 'pad' | 'lead' | 'pluck';

export const ANALOG_PRESETS: Readonly<Record<AnalogPresetName, Readonly<AnalogPreset>>> = {
  bass: {
    polyphony: 4,
    patch: {
      osc2Semitones: 0,
      detuneCents: 6,
      osc2Level: 0.5,
      subLevel: 0.6,
      noiseLevel: 0,
      resonance: 0.35,
      filterEnvOctaves: 3,
      keyTracking: 0.5,
      velocityToFilter: 1.5,
      filterDecayRatio: 0.6,
      filterSustain: 0.15,
      sustain: 0.8,
      glide: 0,
      mono: false,
      level: 0.5,
      spread: 0,
    },
    sound: { tone: 0.5, warmth: 0.6, brightness: 0.35, attack: 0, decay: 0.35, release: 0.15 },
  },
  pad: {
    polyphony: 8,
    patch: {
      osc2Semitones: 0,
      detuneCents: 12,
      osc2Level: 1,
      subLevel: 0.2,
      noiseLevel: 0.05,
      resonance: 0.2,
      filterEnvOctaves: 1.2,
      keyTracking: 0.4,
      velocityToFilter: 0.5,
      filterDecayRatio: 1.5,
      filterSustain: 0.6,
      sustain: 0.85,
      glide: 0,
      mono: false,
      level: 0.4,
      spread: 0.6,
    },
    sound: { tone: 0.45, warmth: 0.4, brightness: 0.5, attack: 0.7, decay: 0.6, release: 0.75 },
  },
  lead: {
    polyphony: 1,
    patch: {
      osc2Semitones: 12,
      detuneCents: 5,
      osc2Level: 0.4,
      subLevel: 0.3,
      noiseLevel: 0,
      resonance: 0.45,
      filterEnvOctaves: 2,
      keyTracking: 0.8,
      velocityToFilter: 1,
      filterDecayRatio: 0.8,
      filterSustain: 0.4,
      sustain: 0.9,
      glide: 0.05,
      mono: true,
      level: 0.45,
      spread: 0,
    },
    sound: { tone: 0.8, warmth: 0.6, brightness: 0.6, attack: 0.05, decay: 0.4, release: 0.25 },
  },
  pluck: {
    polyphony: 8,
    patch: {
      osc2Semitones: 0,
      detuneCents: 8,
      osc2Level: 0.6,
      subLevel: 0,
      noiseLevel: 0.02,
      resonance: 0.3,
      filterEnvOctaves: 4,
      keyTracking: 0.7,
      velocityToFilter: 2,
      filterDecayRatio: 0.5,
      filterSustain: 0,
      sustain: 0,
      glide: 0,
      mono: false,
      level: 0.5,
      spread: 0.4,
    },
    sound: { tone: 0.35, warmth: 0.3, brightness: 0.3, attack: 0, decay: 0.35, release: 0.3 },
  },
};
