/** The evaluation set's manifest: what each excerpt is, where it came from and its ground truth. */
import { readFileSync } from 'node:fs';
import type { Key } from './keys.js';
import { MANIFEST_PATH } from './paths.js';

export type Split = 'tune' | 'test';

export interface Excerpt {
  id: string;
  /** "tune" pieces may be looked at while tuning; only "test" figures count. Split by piece. */
  split: Split;
  source: {
    package: string;
    version: string;
    /** Path inside the package (for a zip member: zip path + "!" + member; for ABC: file + "#X"). */
    file: string;
    title?: string;
  };
  licence: string;
  /** Relative to the manifest's folder. */
  audio: string;
  /** Seconds into the source piece (as rendered from its start) where the excerpt begins. */
  offset: number;
  duration: number;
  sampleRate: number;
  bpm: number;
  timeSignature: string;
  /** Seconds from the excerpt's start. */
  beats: number[];
  downbeats: number[];
  key: Key | null;
  /**
   * Semitones by which every pitched note (not channel 10 drums) was transposed when rendering, so
   * that the set's keys are not mostly C and G major as written. `key` is the transposed key.
   */
  transpose: number;
  /** The key as the source writes it (before `transpose`). */
  keyAsWritten: Key | null;
  /** Where the key came from: a MIDI key-signature event or an ABC K: field. */
  keySource: 'midi-key-signature' | 'abc-k-field' | null;
}

export interface Manifest {
  description: string;
  soundFont: string;
  excerpts: Excerpt[];
}

export function loadManifest(path = MANIFEST_PATH): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}
