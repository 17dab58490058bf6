/**
 * Accuracy measures for tempo, beats and key, as in the MIREX evaluations.
 * - Tempo Acc1: the estimate is within ±4 % of the reference tempo.
 * - Tempo Acc2: also counts the estimate within ±4 % of 2×, ½×, 3× or ⅓× the reference.
 * - Beat F-measure: estimated beats matched one-to-one to reference beats within ±70 ms;
 *   F = 2PR / (P + R). All beats are used (no skipping of the first seconds).
 * - Key weighted score: 1 same key, 0.5 a perfect fifth above or below in the same mode,
 *   0.3 the relative major/minor, 0.2 the parallel major/minor, 0 otherwise.
 */
import { type Key, pitchClassOf } from './keys.js';

export const TEMPO_TOLERANCE = 0.04;
export const BEAT_TOLERANCE = 0.07;

const within = (est: number, ref: number, tol: number) => Math.abs(est - ref) <= tol * ref;

export function tempoAcc1(est: number, ref: number, tol = TEMPO_TOLERANCE): boolean {
  return Number.isFinite(est) && within(est, ref, tol);
}

export function tempoAcc2(est: number, ref: number, tol = TEMPO_TOLERANCE): boolean {
  return Number.isFinite(est) && [1, 2, 1 / 2, 3, 1 / 3].some((f) => within(est, ref * f, tol));
}

/** Number of one-to-one matches between two sorted event lists within ±tol seconds. */
export function matchEvents(est: readonly number[], ref: readonly number[], tol = BEAT_TOLERANCE): number {
  const e = [...est].sort((a, b) => a - b);
  const r = [...ref].sort((a, b) => a - b);
  // On a line with a symmetric window, pairing greedily from the left gives a maximum matching.
  let i = 0;
  let j = 0;
  let hits = 0;
  while (i < e.length && j < r.length) {
    if (Math.abs(e[i] - r[j]) <= tol + 1e-9) {
      hits++;
      i++;
      j++;
    } else if (e[i] < r[j]) i++;
    else j++;
  }
  return hits;
}

export interface BeatScore {
  precision: number;
  recall: number;
  f: number;
}

export function beatFMeasure(
  est: readonly number[],
  ref: readonly number[],
  tol = BEAT_TOLERANCE,
): BeatScore {
  if (est.length === 0 || ref.length === 0) return { precision: 0, recall: 0, f: 0 };
  const hits = matchEvents(est, ref, tol);
  const precision = hits / est.length;
  const recall = hits / ref.length;
  const f = hits === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f };
}

/** MIREX weighted key score. Key names are compared by pitch class ("D#" equals "Eb"). */
export function keyScore(
  est: { tonic: string; mode: string } | null | undefined,
  ref: Key | { tonic: string; mode: string },
): number {
  if (!est) return 0;
  const e = pitchClassOf(est.tonic);
  const r = pitchClassOf(ref.tonic);
  const em = est.mode.toLowerCase();
  const rm = ref.mode.toLowerCase();
  if (e === undefined || r === undefined) return 0;
  const up = (((e - r) % 12) + 12) % 12;
  if (em === rm) {
    if (up === 0) return 1;
    if (up === 7 || up === 5) return 0.5;
    return 0;
  }
  if (rm === 'major' && em === 'minor' && up === 9) return 0.3;
  if (rm === 'minor' && em === 'major' && up === 3) return 0.3;
  if (up === 0) return 0.2;
  return 0;
}
