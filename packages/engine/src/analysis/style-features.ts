import type { Spectrogram } from '../dsp/stft.js';
import type { Bpm, Confidence, Seconds } from '../units.js';
import type { MeterResult } from './meter.js';
import type { OnsetEnvelope } from './onset.js';
import type { ChordSegment, StyleFeatures } from './types.js';

export interface StyleInputs {
  spec: Spectrogram;
  onsets: OnsetEnvelope;
  /** Normalised onset curve the beat tracker used. */
  normalisedOnsets: Float32Array;
  beats: Seconds[];
  bpm: Bpm;
  meter: MeterResult;
  chords: ChordSegment[];
  tonalClarity: Confidence;
}

const BASS_TOP_HZ = 150;
/** Window for the short-term level used by `dynamicRange` (EBU Tech 3342 uses 3 s for LRA). */
const SHORT_TERM_S = 3;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[i];
}

export function styleFeatures(x: StyleInputs): StyleFeatures {
  const { spec, onsets } = x;
  const binHz = spec.sampleRate / spec.size;
  const bassTop = Math.round(BASS_TOP_HZ / binHz);

  let centroidNum = 0;
  let centroidDen = 0;
  let bass = 0;
  let total = 0;
  const frameEnergy = new Float64Array(spec.frames);
  for (let n = 0; n < spec.frames; n++) {
    const row = n * spec.bins;
    let e = 0;
    for (let k = 1; k < spec.bins; k++) {
      const m = spec.mag[row + k];
      const p = m * m;
      e += p;
      centroidNum += k * binHz * m;
      centroidDen += m;
      if (k <= bassTop) bass += p;
    }
    frameEnergy[n] = e;
    total += e;
  }

  // Short-term level spread (a loudness-range-like figure, unweighted).
  const perWindow = Math.max(1, Math.round((SHORT_TERM_S * spec.sampleRate) / spec.hop));
  const levels: number[] = [];
  for (let a = 0; a + perWindow <= spec.frames; a += Math.max(1, perWindow >> 2)) {
    let s = 0;
    for (let n = a; n < a + perWindow; n++) s += frameEnergy[n];
    if (s > 0) levels.push(10 * Math.log10(s / perWindow));
  }
  levels.sort((a, b) => a - b);
  const dynamicRange = levels.length > 1 ? percentile(levels, 0.95) - percentile(levels, 0.1) : 0;

  let highFlux = 0;
  let allFlux = 0;
  for (let n = 0; n < onsets.strength.length; n++) {
    highFlux += onsets.high[n];
    allFlux += onsets.strength[n];
  }

  // Beat strength: onset level at the beats against the mean level, squashed to 0-1.
  let atBeats = 0;
  for (const t of x.beats) {
    const f = Math.round(t * onsets.frameRate);
    atBeats += x.normalisedOnsets[f] ?? 0;
  }
  let mean = 0;
  for (const v of x.normalisedOnsets) mean += v;
  mean /= Math.max(1, x.normalisedOnsets.length);
  const beatRatio = x.beats.length > 0 && mean > 0 ? atBeats / x.beats.length / mean : 0;
  const beatStrength = Math.max(0, Math.min(1, (beatRatio - 1) / 3));

  const voiced = x.chords.filter((c) => c.quality !== null);
  const sevenths = voiced.filter(
    (c) => c.quality === '7' || c.quality === 'maj7' || c.quality === 'min7',
  ).length;
  const bars = x.beats.length / Math.max(1, x.meter.beatsPerBar);

  return {
    tempo: x.bpm,
    percussiveness: allFlux > 0 ? highFlux / allFlux : 0,
    brightness: centroidDen > 0 ? centroidNum / centroidDen : 0,
    harmonicRhythm: bars > 0 ? Math.max(0, voiced.length - 1) / bars : 0,
    swingRatio: x.meter.swingRatio,
    beatStrength,
    seventhChordShare: voiced.length > 0 ? sevenths / voiced.length : 0,
    dynamicRange,
    bassWeight: total > 0 ? bass / total : 0,
    tonalClarity: x.tonalClarity,
  };
}
