import type { DrumVoice } from '../generate/models/types.js';
import type { Hz, Seconds } from '../units.js';

export const FILTER_OFF = 0;
export const FILTER_LOW = 1;
export const FILTER_BAND = 2;
export const FILTER_HIGH = 3;

/** [mode, cutoff Hz, damping k = 1/Q] */
export type FilterSpec = readonly [number, Hz, number];

/**
 * How one drum is synthesised, in the manner of the TR-808/909 circuits: a pitched body (sine with a
 * downward pitch sweep, plus an optional second sine), a noise/metal path (white noise and a cluster of
 * square waves through two filters, with optional clap bursts) and a click.
 */
export interface DrumRecipe {
  gain: number;
  /** -1 left … 1 right. */
  pan: number;
  bodyLevel: number;
  bodyHz: Hz;
  /** Pitch at the hit, sweeping down to bodyHz. */
  bodyStartHz: Hz;
  /** Time constant of the pitch sweep. */
  sweep: Seconds;
  /** Body decay to -60 dB. */
  bodyDecay: Seconds;
  body2Ratio: number;
  body2Level: number;
  noiseLevel: number;
  metalLevel: number;
  /** Square-wave frequencies of the metal cluster. */
  metalHz: readonly Hz[];
  /** Decay of the noise/metal path to -60 dB (the tail after the last clap burst). */
  noiseDecay: Seconds;
  filter1: FilterSpec;
  filter2: FilterSpec;
  clickLevel: number;
  clickDecay: Seconds;
  /** Clap: number of noise bursts, their spacing and each burst's decay. */
  bursts: number;
  burstSpacing: Seconds;
  burstDecay: Seconds;
  /** Onset ramp (shaker swells in); at least the kit's attack. */
  attack: Seconds;
}

/** The six square-wave frequencies of the TR-808 cymbal and hi-hat oscillators. */
const TR808_METAL: readonly Hz[] = [205.3, 304.4, 369.6, 522.7, 540, 800];
const scaled = (ratio: number) => TR808_METAL.map((f) => f * ratio);
const OFF: FilterSpec = [FILTER_OFF, 1000, 1];

const base: DrumRecipe = {
  gain: 0.5,
  pan: 0,
  bodyLevel: 0,
  bodyHz: 100,
  bodyStartHz: 100,
  sweep: 0.01,
  bodyDecay: 0.2,
  body2Ratio: 1,
  body2Level: 0,
  noiseLevel: 0,
  metalLevel: 0,
  metalHz: [],
  noiseDecay: 0.1,
  filter1: OFF,
  filter2: OFF,
  clickLevel: 0,
  clickDecay: 0.003,
  bursts: 0,
  burstSpacing: 0.01,
  burstDecay: 0.006,
  attack: 0,
};

const tom = (hz: Hz, decay: Seconds, pan: number): DrumRecipe => ({
  ...base,
  gain: 0.75,
  pan,
  bodyLevel: 1,
  bodyHz: hz,
  bodyStartHz: hz * 1.5,
  sweep: 0.06,
  bodyDecay: decay,
  noiseLevel: 0.15,
  noiseDecay: 0.05,
  filter1: [FILTER_BAND, hz * 6, 1],
});

export const DRUM_RECIPES: Readonly<Record<DrumVoice, DrumRecipe>> = {
  kick: {
    ...base,
    gain: 0.65,
    bodyLevel: 1,
    bodyHz: 50,
    bodyStartHz: 190,
    sweep: 0.02,
    bodyDecay: 0.55,
    clickLevel: 0.25,
    clickDecay: 0.002,
  },
  snare: {
    ...base,
    gain: 0.8,
    bodyLevel: 0.6,
    bodyHz: 185,
    bodyStartHz: 260,
    sweep: 0.015,
    bodyDecay: 0.18,
    body2Ratio: 1.62,
    body2Level: 0.5,
    noiseLevel: 1.2,
    noiseDecay: 0.25,
    filter1: [FILTER_HIGH, 1200, 1],
    filter2: [FILTER_LOW, 9000, 1.2],
  },
  rim: {
    ...base,
    gain: 0.6,
    bodyLevel: 0.8,
    bodyHz: 470,
    bodyStartHz: 520,
    sweep: 0.003,
    bodyDecay: 0.035,
    body2Ratio: 3.6,
    body2Level: 0.8,
    noiseLevel: 0.4,
    noiseDecay: 0.02,
    filter1: [FILTER_HIGH, 2500, 1],
    clickLevel: 0.4,
  },
  clap: {
    ...base,
    gain: 1.2,
    noiseLevel: 1,
    noiseDecay: 0.2,
    filter1: [FILTER_BAND, 1100, 0.6],
    filter2: [FILTER_HIGH, 500, 1.4],
    bursts: 4,
    burstSpacing: 0.009,
    burstDecay: 0.007,
  },
  closedHat: {
    ...base,
    gain: 1.6,
    pan: 0.25,
    metalLevel: 1,
    metalHz: TR808_METAL,
    noiseLevel: 0.4,
    noiseDecay: 0.06,
    filter1: [FILTER_HIGH, 7000, 1.3],
    filter2: [FILTER_HIGH, 6000, 1.4],
  },
  openHat: {
    ...base,
    gain: 1.4,
    pan: 0.25,
    metalLevel: 1,
    metalHz: TR808_METAL,
    noiseLevel: 0.4,
    noiseDecay: 0.5,
    filter1: [FILTER_HIGH, 7000, 1.3],
    filter2: [FILTER_HIGH, 6000, 1.4],
  },
  pedalHat: {
    ...base,
    gain: 2.4,
    pan: 0.25,
    metalLevel: 1,
    metalHz: TR808_METAL,
    noiseLevel: 0.3,
    noiseDecay: 0.035,
    filter1: [FILTER_HIGH, 6500, 1.3],
    filter2: [FILTER_BAND, 8500, 1],
    attack: 0.002,
  },
  ride: {
    ...base,
    gain: 1,
    pan: -0.3,
    metalLevel: 1,
    metalHz: scaled(1.48),
    noiseLevel: 0.2,
    noiseDecay: 2.2,
    filter1: [FILTER_BAND, 5500, 0.7],
    filter2: [FILTER_HIGH, 3000, 1.4],
  },
  crash: {
    ...base,
    gain: 1.1,
    pan: -0.35,
    metalLevel: 0.5,
    metalHz: scaled(1.25),
    noiseLevel: 0.7,
    noiseDecay: 1.8,
    filter1: [FILTER_HIGH, 3000, 1],
    filter2: [FILTER_LOW, 12000, 1.4],
    attack: 0.001,
  },
  tomLow: tom(90, 0.6, -0.35),
  tomMid: tom(130, 0.5, 0),
  tomHigh: tom(185, 0.42, 0.35),
  shaker: {
    ...base,
    gain: 1.8,
    pan: 0.4,
    noiseLevel: 1,
    noiseDecay: 0.09,
    filter1: [FILTER_HIGH, 5500, 1.2],
    filter2: [FILTER_BAND, 9000, 1.2],
    attack: 0.01,
  },
  conga: {
    ...base,
    gain: 0.7,
    pan: -0.2,
    bodyLevel: 1,
    bodyHz: 220,
    bodyStartHz: 300,
    sweep: 0.008,
    bodyDecay: 0.3,
    clickLevel: 0.1,
  },
  bongo: {
    ...base,
    gain: 0.65,
    pan: 0.2,
    bodyLevel: 1,
    bodyHz: 380,
    bodyStartHz: 480,
    sweep: 0.006,
    bodyDecay: 0.16,
    clickLevel: 0.12,
  },
  cowbell: {
    ...base,
    gain: 0.9,
    pan: 0.15,
    metalLevel: 1,
    metalHz: [540, 800],
    noiseDecay: 0.3,
    filter1: [FILTER_BAND, 1800, 0.7],
  },
  clave: {
    ...base,
    gain: 0.55,
    pan: -0.15,
    bodyLevel: 1,
    bodyHz: 2500,
    bodyStartHz: 2500,
    bodyDecay: 0.05,
  },
};
