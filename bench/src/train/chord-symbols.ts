/**
 * Chord symbols as MMA song files and ABC tunes write them ("Gm", "D7", "F#dim", "Cm7b5", "Bb/D", MMA's
 * "FzC" rest suffixes) reduced to a root and one of the eight qualities the engine knows.
 *
 * Reductions (the nearest of maj|min|7|maj7|min7|dim|sus4|sus2, by the chord's triad and seventh):
 * - 6, add9, 6/9, 5 (power chord), aug/+ → maj; an augmented triad has no nearer class and keeps its root.
 * - m6, madd9, m(maj7) → min.
 * - 9, 11, 13 and altered dominants (7b9, 7#9, 7#5, 7b5, aug7, 9+, …) → 7.
 * - maj9, maj13, M7, ^7 → maj7.
 * - m9, m11, m13 → min7.
 * - m7b5 (half-diminished), dim7, o, o7 → dim (the diminished triad is what they share).
 * - sus, 7sus4, 9sus → sus4; sus2 → sus2.
 * A slash bass ("C/E") is ignored: the chord is C.
 */
import { pitchClassOf } from '../keys.js';
import type { ChordQuality } from './model-types.js';

export interface Chord {
  root: number;
  quality: ChordQuality;
}

/** What may follow a root: one quality word, then extensions and alterations. */
const SUFFIX =
  /^(maj|Maj|ma|M|\^|min|mi|m|-|dim|o|ø|aug|\+|sus|dom)?(?:\d|#|b|\+|-|add|sus|maj|M|\(|\)|,|alt)*$/;

/** The quality of a chord suffix (see the reductions above); null when the suffix is not a chord's. */
export function qualityOf(suffix: string): ChordQuality | null {
  const s = suffix.replace(/[()\s]/g, '');
  if (!SUFFIX.test(s)) return null;
  if (/sus2/.test(s)) return 'sus2';
  if (/sus/.test(s)) return 'sus4';
  if (/^(m7b5|m7-5|min7b5|mi7b5|ø)/.test(s)) return 'dim';
  if (/^(dim|o)/.test(s)) return 'dim';
  if (/^(maj|Maj|ma|M)(7|9|11|13)|^\^/.test(s)) return 'maj7';
  if (/^(maj|Maj|ma|M)/.test(s)) return 'maj';
  if (/^(min|mi|m|-)(maj|M)/.test(s)) return 'min';
  if (/^(min|mi|m|-)(7|9|11|13)/.test(s)) return 'min7';
  if (/^(min|mi|m|-)/.test(s)) return 'min';
  if (/^(7|9|11|13|dom)/.test(s)) return '7';
  if (/^(aug|\+)/.test(s)) return /7|9/.test(s) ? '7' : 'maj';
  return 'maj';
}

/** Parses one chord symbol; null when it is not one (a rest, text, a roman numeral, an unknown suffix). */
export function parseChord(symbol: string): Chord | null {
  const m = /^([A-G])([#b♯♭]?)([^/]*)(?:\/[A-Ga-g][#b]?)?$/.exec(symbol.trim());
  if (!m) return null;
  const root = pitchClassOf(m[1] + m[2]);
  if (root === undefined) return null;
  const quality = qualityOf(m[3]);
  return quality ? { root, quality } : null;
}

/**
 * One MMA chord token: a chord, or MMA's rest forms ("z", "z!") as 'rest', or null when the token is not a
 * chord (then the line is a command, not music). MMA's track-muting suffix ("FzC", "Gm7zDB") is dropped.
 */
export function parseMmaChord(token: string): Chord | 'rest' | null {
  if (/^z!?$/.test(token)) return 'rest';
  const base = token.replace(/z[A-Z!]*$/, '').replace(/^[+-]+/, '');
  return parseChord(base);
}

/** An ABC quoted chord symbol, or null for annotations ("^text", "_text", "<", ">", "@") and non-chords. */
export function parseAbcChord(quoted: string): Chord | null {
  const s = quoted.trim();
  if (/^[\^_<>@]/.test(s)) return null;
  // "Am(C)" gives an alternative in brackets; "G D" lists two chords at once: take the first.
  return parseChord(s.split(/[\s(]/)[0].replace(/,$/, ''));
}
