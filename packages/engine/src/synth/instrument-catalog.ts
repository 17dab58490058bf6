import { ANALOG_PRESETS, type AnalogPresetName } from './analog-presets.js';
import { AnalogSynth } from './analog-synth.js';
import { DrumKit } from './drum-kit.js';
import { FmKeys } from './fm-keys.js';
import { FM_PRESETS, type FmPresetName } from './fm-presets.js';
import type { Instrument } from './types.js';

/** Every native instrument and preset by one name, e.g. 'analog:bass', 'fm:electricPiano', 'drums'. */
export type NativeInstrumentName = `analog:${AnalogPresetName}` | `fm:${FmPresetName}` | 'drums';

export const NATIVE_INSTRUMENTS: readonly NativeInstrumentName[] = [
  ...(Object.keys(ANALOG_PRESETS) as AnalogPresetName[]).map((p) => `analog:${p}` as const),
  ...(Object.keys(FM_PRESETS) as FmPresetName[]).map((p) => `fm:${p}` as const),
  'drums',
];

/** Builds the named instrument (allocates: call off the audio thread, or before starting it). */
export function createInstrument(name: NativeInstrumentName, sampleRate: number): Instrument {
  if (name === 'drums') return new DrumKit({ sampleRate });
  const [engine, preset] = name.split(':');
  if (engine === 'analog') return new AnalogSynth({ sampleRate, preset: preset as AnalogPresetName });
  return new FmKeys({ sampleRate, preset: preset as FmPresetName });
}
