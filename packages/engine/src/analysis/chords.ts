import type { Seconds } from '../units.js';
import { type Chromagram, segmentChroma } from './chroma.js';
import { pitchClassName } from './pitch-class.js';
import type { ChordQuality, ChordSegment } from './types.js';

interface ChordTemplate {
  quality: ChordQuality;
  intervals: number[];
  /** Small prior against richer chords, so a triad with a passing note stays a triad. */
  prior: number;
  suffix: string;
}

const TEMPLATES: ChordTemplate[] = [
  { quality: 'maj', intervals: [0, 4, 7], prior: 0, suffix: '' },
  { quality: 'min', intervals: [0, 3, 7], prior: 0, suffix: 'm' },
  { quality: '7', intervals: [0, 4, 7, 10], prior: -0.03, suffix: '7' },
  { quality: 'maj7', intervals: [0, 4, 7, 11], prior: -0.03, suffix: 'maj7' },
  { quality: 'min7', intervals: [0, 3, 7, 10], prior: -0.03, suffix: 'm7' },
  { quality: 'dim', intervals: [0, 3, 6], prior: -0.05, suffix: 'dim' },
  { quality: 'sus4', intervals: [0, 5, 7], prior: -0.05, suffix: 'sus4' },
  { quality: 'sus2', intervals: [0, 2, 7], prior: -0.05, suffix: 'sus2' },
];

/** How much the bass note on the root raises a chord's score (inversions are rarer than root position). */
const BASS_ROOT_WEIGHT = 0.15;
/** Cost of changing chord between beats, in template-score units: holds a chord through passing notes. */
const CHANGE_PENALTY = 0.12;
/** Beats quieter than this fraction of the median beat energy are "no chord". */
const SILENT_FRACTION = 0.1;

interface State {
  root: number;
  template: ChordTemplate;
  vector: Float32Array;
}

const STATES: State[] = TEMPLATES.flatMap((template) =>
  Array.from({ length: 12 }, (_, root) => {
    const vector = new Float32Array(12);
    for (const i of template.intervals) vector[(root + i) % 12] = 1;
    const norm = Math.sqrt(template.intervals.length);
    for (let p = 0; p < 12; p++) vector[p] /= norm;
    return { root, template, vector };
  }),
);

export function chordLabel(root: number, quality: ChordQuality): string {
  const t = TEMPLATES.find((x) => x.quality === quality);
  return `${pitchClassName(root)}${t ? t.suffix : ''}`;
}

/**
 * Chord sequence on the beat grid: beat-synchronous chroma matched against chord templates (with the bass
 * note voting for the root), smoothed by a Viterbi pass that only changes chord when the evidence pays for it.
 */
export function detectChords(chroma: Chromagram, beats: Seconds[], duration: Seconds): ChordSegment[] {
  if (beats.length < 2) return [];
  const times = [
    ...beats,
    Math.min(duration, beats[beats.length - 1] + (beats[beats.length - 1] - beats[beats.length - 2])),
  ];
  const boundaries = times.map((t) => t * chroma.frameRate);
  const treble = segmentChroma(chroma.treble, boundaries, chroma.frames);
  const bass = segmentChroma(chroma.bass, boundaries, chroma.frames);
  const segments = times.length - 1;

  const energy = new Float64Array(segments);
  for (let s = 0; s < segments; s++) {
    const a = Math.max(0, Math.floor(boundaries[s]));
    const b = Math.max(a + 1, Math.min(chroma.frames, Math.floor(boundaries[s + 1])));
    for (let n = a; n < b; n++) energy[s] += chroma.energy[n];
    energy[s] /= b - a;
  }
  const sorted = Array.from(energy).sort((x, y) => x - y);
  const silent = SILENT_FRACTION * sorted[sorted.length >> 1];

  // Emission scores: cosine similarity with each template plus the bass vote.
  const S = STATES.length;
  const emission = new Float64Array(segments * S);
  for (let s = 0; s < segments; s++) {
    for (let k = 0; k < S; k++) {
      const st = STATES[k];
      let dot = 0;
      for (let p = 0; p < 12; p++) dot += treble[s * 12 + p] * st.vector[p];
      emission[s * S + k] = dot + st.template.prior + BASS_ROOT_WEIGHT * bass[s * 12 + st.root];
    }
  }

  // Viterbi with a uniform change penalty: best(t, k) = e(t, k) + max(best(t-1, k), max_j best(t-1, j) - penalty).
  const score = new Float64Array(S);
  const back = new Int32Array(segments * S);
  for (let k = 0; k < S; k++) score[k] = emission[k];
  const next = new Float64Array(S);
  for (let s = 1; s < segments; s++) {
    let bestPrev = 0;
    for (let k = 1; k < S; k++) if (score[k] > score[bestPrev]) bestPrev = k;
    for (let k = 0; k < S; k++) {
      const stay = score[k];
      const move = score[bestPrev] - CHANGE_PENALTY;
      if (stay >= move) {
        next[k] = stay + emission[s * S + k];
        back[s * S + k] = k;
      } else {
        next[k] = move + emission[s * S + k];
        back[s * S + k] = bestPrev;
      }
    }
    score.set(next);
  }
  const path = new Int32Array(segments);
  let last = 0;
  for (let k = 1; k < S; k++) if (score[k] > score[last]) last = k;
  path[segments - 1] = last;
  for (let s = segments - 1; s > 0; s--) path[s - 1] = back[s * S + path[s]];

  const out: ChordSegment[] = [];
  for (let s = 0; s < segments; s++) {
    const isSilent = energy[s] <= silent;
    const st = STATES[path[s]];
    const label = isSilent ? 'N' : chordLabel(st.root, st.template.quality);
    const confidence = isSilent ? 1 : Math.max(0, Math.min(1, emission[s * S + path[s]]));
    const prev = out[out.length - 1];
    if (prev && prev.label === label) {
      prev.end = times[s + 1];
      prev.confidence = Math.min(prev.confidence, confidence);
      continue;
    }
    out.push({
      start: times[s],
      end: times[s + 1],
      root: isSilent ? null : pitchClassName(st.root),
      quality: isSilent ? null : st.template.quality,
      label,
      confidence,
    });
  }
  return out;
}
