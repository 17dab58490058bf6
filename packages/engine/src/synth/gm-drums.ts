import type { DrumVoice } from '../generate/models/types.js';
import type { MidiNote } from '../units.js';

/** Every drum voice, in a fixed order (the index is the voice's id inside the kit). */
export const DRUM_VOICES: readonly DrumVoice[] = [
  'kick',
  'snare',
  'rim',
  'clap',
  'closedHat',
  'openHat',
  'pedalHat',
  'ride',
  'crash',
  'tomLow',
  'tomMid',
  'tomHigh',
  'shaker',
  'conga',
  'bongo',
  'cowbell',
  'clave',
];

/** The General MIDI note each voice is written as. */
export const GM_NOTE_OF_VOICE: Readonly<Record<DrumVoice, MidiNote>> = {
  kick: 36,
  snare: 38,
  rim: 37,
  clap: 39,
  closedHat: 42,
  openHat: 46,
  pedalHat: 44,
  ride: 51,
  crash: 49,
  tomLow: 41,
  tomMid: 45,
  tomHigh: 48,
  shaker: 70,
  conga: 63,
  bongo: 60,
  cowbell: 56,
  clave: 75,
};

/**
 * GM percussion key map (notes 35-81) onto our voices, with a tuning ratio where GM has two sizes of one
 * drum (low/high floor tom, low conga). Keys we have no sound for are absent.
 */
const GM_MAP: Readonly<Record<number, readonly [DrumVoice, number]>> = {
  35: ['kick', 0.9],
  36: ['kick', 1],
  37: ['rim', 1],
  38: ['snare', 1],
  39: ['clap', 1],
  40: ['snare', 1.06],
  41: ['tomLow', 1],
  42: ['closedHat', 1],
  43: ['tomLow', 1.12],
  44: ['pedalHat', 1],
  45: ['tomMid', 1],
  46: ['openHat', 1],
  47: ['tomMid', 1.12],
  48: ['tomHigh', 1],
  49: ['crash', 1],
  50: ['tomHigh', 1.12],
  51: ['ride', 1],
  52: ['crash', 0.85],
  53: ['ride', 1.15],
  54: ['shaker', 1.1],
  55: ['crash', 1.2],
  56: ['cowbell', 1],
  57: ['crash', 1.06],
  59: ['ride', 0.94],
  60: ['bongo', 1],
  61: ['bongo', 0.8],
  62: ['conga', 1.06],
  63: ['conga', 1],
  64: ['conga', 0.75],
  69: ['shaker', 0.9],
  70: ['shaker', 1],
  75: ['clave', 1],
  76: ['clave', 0.8],
  77: ['clave', 0.7],
};

/** Voice index (into DRUM_VOICES) for each MIDI note, -1 where unmapped; and the note's tuning ratio. */
export const NOTE_VOICE = new Int8Array(128).fill(-1);
export const NOTE_TUNING = new Float32Array(128).fill(1);
for (const [key, [voice, ratio]] of Object.entries(GM_MAP)) {
  NOTE_VOICE[Number(key)] = DRUM_VOICES.indexOf(voice);
  NOTE_TUNING[Number(key)] = ratio;
}

/** The drum voice a GM percussion note plays, or undefined. */
export function drumVoiceForNote(note: MidiNote): DrumVoice | undefined {
  const i = note >= 0 && note < 128 ? NOTE_VOICE[note | 0] : -1;
  return i >= 0 ? DRUM_VOICES[i] : undefined;
}
