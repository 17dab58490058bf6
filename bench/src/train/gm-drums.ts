/**
 * General MIDI drum notes → the generator's drum voices. Tambourine (54) joins the shaker: MMA's grooves
 * (BasicRock, the ballads) keep their eighth-note pulse on it, and the shaker is the nearest time-keeping
 * voice. Notes not listed (triangle 80/81, whistles, …) are dropped.
 */
import type { DrumVoice } from './model-types.js';

export const GM_DRUMS: Readonly<Record<number, DrumVoice>> = {
  35: 'kick',
  36: 'kick',
  37: 'rim',
  38: 'snare',
  39: 'clap',
  40: 'snare',
  41: 'tomLow',
  42: 'closedHat',
  43: 'tomLow',
  44: 'pedalHat',
  45: 'tomMid',
  46: 'openHat',
  47: 'tomMid',
  48: 'tomHigh',
  49: 'crash',
  50: 'tomHigh',
  51: 'ride',
  53: 'ride',
  54: 'shaker',
  56: 'cowbell',
  57: 'crash',
  59: 'ride',
  60: 'bongo',
  61: 'bongo',
  62: 'conga',
  63: 'conga',
  64: 'conga',
  69: 'shaker',
  70: 'shaker',
  75: 'clave',
  82: 'shaker',
};

/** Voices in a fixed order (the engine's kit order), so generated files list them the same way every time. */
export { DRUM_VOICES as VOICE_ORDER } from '@alams/engine';
