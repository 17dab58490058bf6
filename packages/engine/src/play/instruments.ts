import type { InstrumentChoice, PartName } from '../generate/types.js';
import type { AnalogPresetName } from '../synth/analog-presets.js';
import { AnalogSynth } from '../synth/analog-synth.js';
import { DrumKit } from '../synth/drum-kit.js';
import { FmKeys } from '../synth/fm-keys.js';
import type { FmPresetName } from '../synth/fm-presets.js';
import { type SoundFontBank, SoundFontInstrument } from '../synth/soundfont.js';
import type { Instrument, KeyboardSound } from '../synth/types.js';
import type { InstrumentFactory } from './player.js';

interface NativeVoice {
  engine: 'analog' | 'fm';
  preset: AnalogPresetName | FmPresetName;
  sound?: Partial<KeyboardSound>;
}

/** The style library's sound names on our own synths' presets, with the character each is voiced at. */
const NATIVE: Record<string, NativeVoice> = {
  'sub-bass': { engine: 'analog', preset: 'bass', sound: { brightness: 0.15, warmth: 0.6 } },
  'saw-bass': { engine: 'analog', preset: 'bass', sound: { brightness: 0.45 } },
  'octave-bass': { engine: 'analog', preset: 'bass', sound: { brightness: 0.35, tone: 0.7 } },
  'funk-bass': { engine: 'analog', preset: 'bass', sound: { brightness: 0.55, decay: 0.3 } },
  'warm-pad': { engine: 'analog', preset: 'pad', sound: { brightness: 0.3, warmth: 0.6 } },
  'supersaw-pad': { engine: 'analog', preset: 'pad', sound: { brightness: 0.55 } },
  pluck: { engine: 'analog', preset: 'pluck' },
  'arp-lead': { engine: 'analog', preset: 'lead', sound: { brightness: 0.5 } },
  'electric-piano': { engine: 'fm', preset: 'electricPiano' },
  'glass-keys': { engine: 'fm', preset: 'electricPiano', sound: { brightness: 0.75, tone: 0.7 } },
  bell: { engine: 'fm', preset: 'bell' },
  organ: { engine: 'fm', preset: 'organ' },
};

/**
 * General MIDI programs (SoundFont choices) on the nearest native voice, for when no SoundFont bank was
 * loaded (e.g. before the studio has fetched it): every style still renders and plays.
 */
function nativeForProgram(program: number, part: PartName): NativeVoice {
  if (part === 'bass' || (program >= 32 && program <= 39)) return NATIVE['saw-bass'];
  if (program <= 7) return NATIVE['electric-piano'];
  if (program >= 8 && program <= 15) return NATIVE.bell;
  if (program >= 16 && program <= 23) return NATIVE.organ;
  if ((program >= 24 && program <= 31) || program === 46) return NATIVE.pluck;
  if (program >= 40 && program <= 55) return NATIVE['warm-pad'];
  if (program >= 56 && program <= 87) return NATIVE['arp-lead'];
  return NATIVE['warm-pad'];
}

/** Builds the instrument a variation's part asks for, on our native synths only. */
export const createNativeInstrument: InstrumentFactory = (
  choice: InstrumentChoice,
  part: PartName,
  sampleRate: number,
): Instrument => {
  if (choice.engine === 'drumkit' || part === 'drums') return new DrumKit({ sampleRate });
  const voice =
    choice.engine === 'soundfont'
      ? nativeForProgram(choice.program ?? 0, part)
      : (NATIVE[choice.preset] ?? (part === 'bass' ? NATIVE['saw-bass'] : NATIVE['warm-pad']));
  if (voice.engine === 'fm')
    return new FmKeys({ sampleRate, preset: voice.preset as FmPresetName, sound: voice.sound });
  return new AnalogSynth({ sampleRate, preset: voice.preset as AnalogPresetName, sound: voice.sound });
};

/**
 * The instrument factory: SoundFont choices play on the bank (FluidR3Mono) when one is given, synth
 * choices on our own synths. `maxBlock` must match the player's.
 */
export function createInstrumentFactory(bank?: SoundFontBank, maxBlock = 128): InstrumentFactory {
  if (!bank) return createNativeInstrument;
  return (choice, part, sampleRate) => {
    if (choice.engine !== 'soundfont') return createNativeInstrument(choice, part, sampleRate);
    return new SoundFontInstrument({
      sampleRate,
      bank,
      program: choice.program ?? 0,
      drums: part === 'drums',
      maxBlock,
    });
  };
}
