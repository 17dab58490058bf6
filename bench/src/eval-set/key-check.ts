/**
 * Sanity check of an annotated key against the notes of an excerpt. It never derives a key: it only
 * tells whether the annotation (a MIDI key signature or an ABC K: field) is believable, so that
 * default placeholders ("C major" written by a sequencer) and wrong mode flags are left out.
 */
import { type Key, PITCH_CLASSES } from '../keys.js';
import type { Note } from './timeline.js';

// Krumhansl & Kessler (1982) probe-tone profiles. Deliberately not the engine's `rankKeys` (Temperley profiles on
// audio chroma): the ground truth must not be filtered by the analyser it is used to judge.
const MAJOR = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
const MINOR = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

/** The annotated mode must fit clearly better than the relative key's (same signature, other mode). */
const MODE_MARGIN = 0.1;

export interface KeyCheck {
  ok: boolean;
  /** Correlation of the pitch-class histogram with the annotated key's profile. */
  r: number;
  /** Rank of the annotated key among the 24 (1 = best fit). */
  rank: number;
  /** Correlation of the relative key (same signature, other mode). */
  rRelative: number;
  /** Share of note time on the annotated key's scale (minor: natural or harmonic). */
  inScale: number;
  reason?: string;
}

export function pitchClassHistogram(notes: Note[], from: number, to: number): number[] {
  const h = new Array<number>(12).fill(0);
  for (const n of notes) {
    if (n.channel === 9) continue;
    const d = Math.min(n.end, to) - Math.max(n.start, from);
    if (d > 0) h[n.pitch % 12] += d;
  }
  return h;
}

function correlate(h: number[], profile: number[], tonic: number): number {
  const mh = h.reduce((a, b) => a + b, 0) / 12;
  const mp = profile.reduce((a, b) => a + b, 0) / 12;
  let num = 0;
  let dh = 0;
  let dp = 0;
  for (let i = 0; i < 12; i++) {
    const a = h[(i + tonic) % 12] - mh;
    const b = profile[i] - mp;
    num += a * b;
    dh += a * a;
    dp += b * b;
  }
  return dh > 0 ? num / Math.sqrt(dh * dp) : 0;
}

export function checkKey(h: number[], key: Key): KeyCheck {
  const tonic = PITCH_CLASSES.indexOf(key.tonic);
  const minor = key.mode === 'minor';
  const all: number[] = [];
  for (let t = 0; t < 12; t++) all.push(correlate(h, MAJOR, t), correlate(h, MINOR, t));
  const r = correlate(h, minor ? MINOR : MAJOR, tonic);
  const rank = 1 + all.filter((x) => x > r + 1e-12).length;
  const rRelative = minor ? correlate(h, MAJOR, (tonic + 3) % 12) : correlate(h, MINOR, (tonic + 9) % 12);
  const scale = minor ? [0, 2, 3, 5, 7, 8, 10, 11] : [0, 2, 4, 5, 7, 9, 11];
  const total = h.reduce((a, b) => a + b, 0);
  const inScale = total > 0 ? scale.reduce((s, i) => s + h[(tonic + i) % 12], 0) / total : 0;
  let reason: string | undefined;
  if (total <= 0) reason = 'no pitched notes';
  else if (inScale < 0.75) reason = `only ${(inScale * 100).toFixed(0)}% of note time on the scale`;
  else if (rank > 3) reason = `annotated key ranks ${rank} of 24`;
  else if (r < rRelative + MODE_MARGIN) reason = 'relative key fits (nearly) as well: mode doubtful';
  return { ok: reason === undefined, r, rank, rRelative, inScale, reason };
}
