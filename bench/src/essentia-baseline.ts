/**
 * The reference baseline: essentia.js 0.1.3 (AGPL-3.0; a devDependency of @alams/bench only, never
 * imported by any other package). RhythmExtractor2013 ("multifeature") for tempo and beats, and
 * KeyExtractor with its defaults for the key, on a mono 44.1 kHz signal as essentia expects.
 */
import { createRequire } from 'node:module';
import { type Key, normaliseKey } from './keys.js';
import { downmix, resample } from './resample.js';
import type { Clip } from './wav.js';

export const ESSENTIA_RATE = 44100;

interface EssentiaVector {
  delete?: () => void;
}

interface EssentiaCore {
  version: string;
  arrayToVector(a: Float32Array): EssentiaVector;
  vectorToArray(v: EssentiaVector): Float32Array;
  RhythmExtractor2013(
    signal: EssentiaVector,
    maxTempo?: number,
    method?: string,
    minTempo?: number,
  ): {
    bpm: number;
    ticks: EssentiaVector;
    confidence: number;
    estimates: EssentiaVector;
    bpmIntervals: EssentiaVector;
  };
  KeyExtractor(audio: EssentiaVector): { key: string; scale: string; strength: number };
}

export interface BaselineResult {
  bpm: number;
  beats: number[];
  key: Key | null;
  /** Wall time from the 48 kHz stereo clip to the results (downmix, resampling and both extractors). */
  ms: number;
}

let instance: EssentiaCore | undefined;

/** Loads the essentia.js WASM module once per process. */
export function loadEssentia(): EssentiaCore {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const { Essentia, EssentiaWASM } = require('essentia.js') as {
      Essentia: new (wasm: unknown) => EssentiaCore;
      EssentiaWASM: unknown;
    };
    instance = new Essentia(EssentiaWASM);
  }
  return instance;
}

export function essentiaVersion(): string {
  return `essentia.js 0.1.3 (essentia ${loadEssentia().version})`;
}

export function essentiaBaseline(clip: Clip): BaselineResult {
  const essentia = loadEssentia();
  const t0 = performance.now();
  const mono = resample(downmix(clip.channels), clip.sampleRate, ESSENTIA_RATE);
  const signal = essentia.arrayToVector(mono);
  try {
    const rhythm = essentia.RhythmExtractor2013(signal, 208, 'multifeature', 40);
    const beats = Array.from(essentia.vectorToArray(rhythm.ticks));
    for (const v of [rhythm.ticks, rhythm.estimates, rhythm.bpmIntervals]) v?.delete?.();
    const k = essentia.KeyExtractor(signal);
    const ms = performance.now() - t0;
    return { bpm: rhythm.bpm, beats, key: normaliseKey(k.key, k.scale), ms };
  } finally {
    signal.delete?.();
  }
}
