import type { StyleFamily, StyleFeatures, StyleGuess } from './types.js';

interface Target {
  mean: number;
  /** How far from the mean still sounds typical. */
  spread: number;
}

type Prototype = Partial<Record<keyof StyleFeatures, Target>>;

/**
 * What each family typically sounds like, in the feature space the analysis measures. These are hand-set
 * from the genres' textbook traits (tempo ranges, swing, harmonic vocabulary, how drum-driven they are), not
 * learned: with no labelled audio corpus offline, a transparent rule beats an untestable model. Each feature is
 * normalised by its spread, so "Jazz" is mostly swing plus seventh chords, "Electronic" a steady, bass-heavy
 * four-on-the-floor, "Classical" few drums and wide dynamics.
 */
const PROTOTYPES: Record<StyleFamily, Prototype> = {
  Electronic: {
    tempo: { mean: 125, spread: 12 },
    percussiveness: { mean: 0.35, spread: 0.15 },
    beatStrength: { mean: 0.8, spread: 0.2 },
    swingRatio: { mean: 1, spread: 0.1 },
    dynamicRange: { mean: 4, spread: 4 },
    bassWeight: { mean: 0.45, spread: 0.2 },
    harmonicRhythm: { mean: 0.5, spread: 0.5 },
  },
  'Hip-Hop': {
    tempo: { mean: 88, spread: 10 },
    percussiveness: { mean: 0.3, spread: 0.15 },
    beatStrength: { mean: 0.7, spread: 0.2 },
    swingRatio: { mean: 1.25, spread: 0.2 },
    bassWeight: { mean: 0.45, spread: 0.2 },
    harmonicRhythm: { mean: 0.5, spread: 0.5 },
  },
  Pop: {
    tempo: { mean: 112, spread: 18 },
    percussiveness: { mean: 0.25, spread: 0.15 },
    beatStrength: { mean: 0.65, spread: 0.25 },
    swingRatio: { mean: 1, spread: 0.15 },
    seventhChordShare: { mean: 0.1, spread: 0.2 },
    harmonicRhythm: { mean: 1, spread: 0.5 },
    tonalClarity: { mean: 0.8, spread: 0.2 },
  },
  Rock: {
    tempo: { mean: 125, spread: 25 },
    percussiveness: { mean: 0.3, spread: 0.15 },
    brightness: { mean: 2500, spread: 900 },
    beatStrength: { mean: 0.7, spread: 0.2 },
    swingRatio: { mean: 1, spread: 0.15 },
    seventhChordShare: { mean: 0.1, spread: 0.2 },
    harmonicRhythm: { mean: 1, spread: 0.6 },
  },
  Jazz: {
    tempo: { mean: 140, spread: 45 },
    swingRatio: { mean: 1.8, spread: 0.35 },
    seventhChordShare: { mean: 0.6, spread: 0.25 },
    harmonicRhythm: { mean: 1.6, spread: 0.8 },
    percussiveness: { mean: 0.2, spread: 0.15 },
  },
  Classical: {
    tempo: { mean: 95, spread: 35 },
    percussiveness: { mean: 0.05, spread: 0.08 },
    beatStrength: { mean: 0.3, spread: 0.25 },
    dynamicRange: { mean: 12, spread: 6 },
    bassWeight: { mean: 0.2, spread: 0.15 },
    tonalClarity: { mean: 0.85, spread: 0.15 },
    harmonicRhythm: { mean: 1.5, spread: 0.8 },
  },
  World: {
    tempo: { mean: 105, spread: 30 },
    percussiveness: { mean: 0.25, spread: 0.15 },
    swingRatio: { mean: 1.4, spread: 0.4 },
    harmonicRhythm: { mean: 0.4, spread: 0.4 },
    seventhChordShare: { mean: 0.1, spread: 0.2 },
  },
  Experimental: {
    tonalClarity: { mean: 0.4, spread: 0.2 },
    beatStrength: { mean: 0.25, spread: 0.25 },
    dynamicRange: { mean: 14, spread: 8 },
    brightness: { mean: 3500, spread: 1500 },
  },
};

/** Families ranked by how typical the features are of each; scores sum to 1. */
export function rankStyles(features: StyleFeatures): StyleGuess[] {
  const raw = (Object.keys(PROTOTYPES) as StyleFamily[]).map((name) => {
    const proto = PROTOTYPES[name];
    let d2 = 0;
    let count = 0;
    for (const key of Object.keys(proto) as (keyof StyleFeatures)[]) {
      const t = proto[key];
      if (!t) continue;
      const z = (features[key] - t.mean) / t.spread;
      d2 += Math.min(9, z * z);
      count++;
    }
    // Mean squared distance, so families described by more features are not penalised for it.
    return { name, likelihood: Math.exp(-0.5 * (d2 / Math.max(1, count)) * 3) };
  });
  const total = raw.reduce((s, r) => s + r.likelihood, 0);
  return raw
    .map((r) => ({ name: r.name, score: total > 0 ? Math.round((r.likelihood / total) * 1000) / 1000 : 0 }))
    .sort((a, b) => b.score - a.score);
}
