import type { Hz, Seconds } from '../units.js';
import type { KeyboardSound } from './types.js';

/**
 * One sine operator. For the carriers (operators 0 and 2) `level` is output amplitude; for the modulators
 * (1 and 3) it is the peak modulation index in radians.
 */
export interface FmOperator {
  /** Frequency as a multiple of the note's. */
  ratio: number;
  /** Fixed offset added to the frequency (slow beating). */
  detuneHz: Hz;
  level: number;
  /** Decay to -60 dB from the peak toward `sustain`, at the preset's own decay setting. */
  decay: Seconds;
  /** Sustain as a fraction of the peak. */
  sustain: number;
  /** 0: velocity does not matter; 1: the level scales fully with velocity. */
  velocitySensitivity: number;
  /** Level scales by 2^-keyScaling per octave above middle C (capped at ×2 below it): high notes less bright. */
  keyScaling: number;
}

/**
 * Four operators in two stacks, DX7 algorithm 5 cut to four: 1 → 0 and 3 → 2, operators 0 and 2 heard.
 * Operator 1 has self-feedback.
 */
export interface FmPatch {
  operators: [FmOperator, FmOperator, FmOperator, FmOperator];
  /** Self-feedback of operator 1, in cycles of phase per unit output (0-0.25 is musical). */
  feedback: number;
  level: number;
  spread: number;
}

export interface FmPreset {
  patch: FmPatch;
  sound: KeyboardSound;
  polyphony: number;
}

export type FmPresetName = 'electricPiano' | 'bell' | 'organ';

const op = (
  ratio: number,
  level: number,
  decay: Seconds,
  sustain: number,
  vel: number,
  keys = 0,
  detuneHz = 0,
) => ({
  ratio,
  detuneHz,
  level,
  decay,
  sustain,
  velocitySensitivity: vel,
  keyScaling: keys,
});

export const FM_PRESETS: Readonly<Record<FmPresetName, Readonly<FmPreset>>> = {
  // The DX7 "E.PIANO 1" idea: a 1:1 body pair and a 1:14 tine pair whose index dies within ~100 ms.
  electricPiano: {
    polyphony: 8,
    patch: {
      operators: [
        op(1, 0.45, 5, 0, 0.7),
        op(1, 1.3, 1.6, 0.1, 0.9, 0.3),
        op(1, 0.2, 1.2, 0, 0.8, 0, 0.7),
        op(14, 2, 0.09, 0, 1, 0.5),
      ],
      feedback: 0,
      level: 1,
      spread: 0.3,
    },
    sound: { tone: 0.5, warmth: 0.3, brightness: 0.5, attack: 0, decay: 0.5, release: 0.25 },
  },
  // Inharmonic ratios (3.5, 1.41) give the clangorous partials of a struck bar (Chowning 1973).
  bell: {
    polyphony: 8,
    patch: {
      operators: [
        op(1, 0.35, 7, 0, 0.5),
        op(3.5, 2.5, 3, 0, 0.8, 0.2),
        op(4, 0.15, 2, 0, 0.5),
        op(1.41, 1.5, 1.5, 0, 0.8),
      ],
      feedback: 0,
      level: 1,
      spread: 0.4,
    },
    sound: { tone: 0.5, warmth: 0.2, brightness: 0.5, attack: 0, decay: 0.5, release: 0.6 },
  },
  // Drawbar-like: 8' and 4' carriers, a little feedback for the upper harmonics, a decaying 3rd for the click.
  organ: {
    polyphony: 8,
    patch: {
      operators: [
        op(1, 0.3, 10, 1, 0),
        op(1, 0.8, 10, 1, 0),
        op(2, 0.2, 10, 1, 0),
        op(3, 1.2, 0.25, 0.35, 0.3),
      ],
      feedback: 0.15,
      level: 1,
      spread: 0.2,
    },
    sound: { tone: 0.5, warmth: 0.5, brightness: 0.5, attack: 0.05, decay: 0.5, release: 0.15 },
  },
};
