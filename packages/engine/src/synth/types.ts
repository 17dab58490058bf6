import type { MidiNote, Samples } from '../units.js';

/**
 * The timbre controls every native instrument accepts, each 0-1, so one "Keyboard sound" knob (0-127) can
 * later sweep them continuously. Each instrument maps them onto its own engine (see keyboard-sound.ts and
 * the instrument's docs); a preset's `sound` gives the values it was voiced at.
 */
export interface KeyboardSound {
  /** Choice/morph of timbre: oscillator shape (analog), operator-pair balance (FM), tuning (drums). */
  tone: number;
  /** Drive into a soft saturator (and, for the analog, a fatter filter input). */
  warmth: number;
  /** Filter cutoff (analog), modulation index (FM), noise/metal filter tuning (drums). */
  brightness: number;
  /** Attack time: 1 ms at 0 to 2 s at 1 (drums: onset softening 0.2-20 ms). */
  attack: number;
  /** Decay time to -60 dB: 50 ms at 0 to 10 s at 1 (FM and drums: relative to the preset). */
  decay: number;
  /** Release time to -60 dB: 10 ms at 0 to 4 s at 1. */
  release: number;
}

/**
 * A real-time instrument. It renders ADDITIVELY into a stereo block; events take an `offset`, the frame
 * within the next `process` call at which they happen (offsets past that block carry over to later blocks),
 * so timing is sample-accurate whatever the block size. Nothing here allocates after construction.
 */
export interface Instrument {
  readonly sampleRate: number;
  /** Most voices that can sound at once. */
  readonly polyphony: number;
  /** `velocity` is MIDI 1-127; 0 means note-off, as in MIDI. */
  noteOn(note: MidiNote, velocity: number, offset?: Samples): void;
  noteOff(note: MidiNote, offset?: Samples): void;
  /** Releases every held note (they ring out through their release). */
  allNotesOff(offset?: Samples): void;
  /** Fades every voice out within a few milliseconds (panic), without a click. */
  allSoundOff(offset?: Samples): void;
  /** Takes effect from the next block, smoothed so a jump does not click. Values are clamped to 0-1. */
  setParams(params: Partial<KeyboardSound>): void;
  /** Adds `frames` frames of output to `left`/`right` from index `start`. */
  process(left: Float32Array, right: Float32Array, start: Samples, frames: Samples): void;
  /** Voices currently sounding (including one fading out to be reused). */
  activeVoices(): number;
  /** Immediate silence and an empty event queue; not click-free, for stopping the transport. */
  reset(): void;
}
