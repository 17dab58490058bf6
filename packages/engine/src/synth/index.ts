/** Native synthesisers: analog subtractive, FM keys and a synthesised drum kit, behind one Instrument interface. */
export {
  ANALOG_PRESETS,
  type AnalogPatch,
  type AnalogPreset,
  type AnalogPresetName,
} from './analog-presets.js';
export { AnalogSynth, type AnalogSynthOptions } from './analog-synth.js';
export { DEFAULT_DRUM_SOUND, DrumKit, type DrumKitOptions } from './drum-kit.js';
export { DRUM_RECIPES, type DrumRecipe } from './drum-recipes.js';
export { FmKeys, type FmKeysOptions } from './fm-keys.js';
export { FM_PRESETS, type FmOperator, type FmPatch, type FmPreset, type FmPresetName } from './fm-presets.js';
export { DRUM_VOICES, drumVoiceForNote, GM_NOTE_OF_VOICE } from './gm-drums.js';
export { createInstrument, NATIVE_INSTRUMENTS, type NativeInstrumentName } from './instrument-catalog.js';
export {
  attackSeconds,
  decaySeconds,
  mixSounds,
  NEUTRAL_SOUND,
  releaseSeconds,
} from './keyboard-sound.js';
export { renderOffline, type StereoBuffer, type TimedNote } from './offline-render.js';
export { CONTROL_BLOCK, type PolyOptions } from './poly-synth.js';
export { SoundFontBank, SoundFontInstrument, type SoundFontOptions } from './soundfont.js';
export type { Instrument, KeyboardSound } from './types.js';
