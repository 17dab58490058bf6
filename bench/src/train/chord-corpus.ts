/**
 * Chord sequences from MMA's example songs and from the ABC tunes in the abcmidi and abcm2ps examples,
 * each with a key, ready to become relative chords.
 */
import { type AbcTune, abcKey } from '../eval-set/abc.js';
import { pitchClassOf } from '../keys.js';
import { type Chord, parseAbcChord, parseMmaChord } from './chord-symbols.js';
import { diatonicFit, FIT_MARGIN, inferKey, type KeyGuess } from './key-inference.js';

/** Consecutive equal chords are one chord: the models count changes. */
export function collapse(chords: readonly Chord[]): Chord[] {
  const out: Chord[] = [];
  for (const c of chords) {
    const last = out[out.length - 1];
    if (!last || last.root !== c.root || last.quality !== c.quality) out.push(c);
  }
  return out;
}

/**
 * The chords of an MMA song, in file order (repeats are not unrolled). A chord line is an optional bar
 * number, then chord tokens, "/" (same chord again), "z" rests and "* N" bar repeats, up to a "{" riff or
 * "[" lyric; any other line (a command) is skipped whole.
 */
export function mmaChords(text: string): Chord[] {
  const chords: Chord[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw
      .replace(/\/\/.*$/, '')
      .replace(/[{[].*$/, '')
      .replace(/\*\s*\d+/g, '')
      .trim();
    if (!line) continue;
    const tokens = line.split(/\s+/);
    if (/^\d+$/.test(tokens[0])) tokens.shift();
    if (tokens.length === 0) continue;
    const lineChords: Chord[] = [];
    let ok = true;
    for (const t of tokens) {
      if (t === '/') continue;
      const c = parseMmaChord(t);
      if (c === null) {
        ok = false;
        break;
      }
      if (c !== 'rest') lineChords.push(c);
    }
    if (ok) chords.push(...lineChords);
  }
  return collapse(chords);
}

/** MMA's `KeySig` ("Eb", "F minor", "3b", "2#"); null when absent or not understood. */
export function mmaKeySig(text: string): KeyGuess | null {
  const m = /^\s*keysig\s+([A-Ga-g][#b]?|\d[#b])\s*(minor|min|m)?(?![A-Za-z])/im.exec(text);
  if (!m) return null;
  const mode = m[2] ? 'minor' : 'major';
  const acc = /^(\d)([#b])$/.exec(m[1]);
  if (acc) {
    const sharps = Number(acc[1]) * (acc[2] === '#' ? 1 : -1);
    const major = (((sharps * 7) % 12) + 12) % 12;
    return { tonic: mode === 'minor' ? (major + 9) % 12 : major, mode };
  }
  const pc = pitchClassOf(m[1]);
  return pc === undefined ? null : { tonic: pc, mode };
}

/**
 * The key of an MMA song: its KeySig when it fits the chords about as well as the inferred key (a
 * major signature whose song ends on the relative minor's tonic chord is that minor key), else inferKey.
 */
export function mmaKey(text: string, chords: readonly Chord[]): KeyGuess | null {
  const inferred = inferKey(chords);
  let sig = mmaKeySig(text);
  if (!sig || !inferred) return inferred;
  const last = chords[chords.length - 1];
  if (sig.mode === 'major' && last.root === (sig.tonic + 9) % 12 && /^min/.test(last.quality))
    sig = { tonic: last.root, mode: 'minor' };
  return diatonicFit(chords, sig) >= diatonicFit(chords, inferred) - FIT_MARGIN ? sig : inferred;
}

/** The chord symbols of an ABC tune's first voice, in order. */
export function abcChords(tune: AbcTune): Chord[] {
  const chords: Chord[] = [];
  for (const line of tune.body)
    for (const m of line.matchAll(/"([^"]*)"/g)) {
      const c = parseAbcChord(m[1]);
      if (c) chords.push(c);
    }
  return collapse(chords);
}

/** Church modes on the ABC K: line, folded onto the nearer of major and minor (same tonic). */
const MODE_FOLD: Record<string, 'major' | 'minor'> = {
  dor: 'minor',
  phr: 'minor',
  loc: 'minor',
  mix: 'major',
  lyd: 'major',
};

/** The key of an ABC tune from K:, modes folded (Dorian, Phrygian → minor; Mixolydian, Lydian → major). */
export function abcTuneKey(k: string | undefined): KeyGuess | null {
  const key = abcKey(k);
  if (key) return { tonic: pitchClassOf(key.tonic) ?? 0, mode: key.mode };
  const m = /^([A-G][#b]?)\s*([A-Za-z]{3})/.exec((k ?? '').trim());
  const mode = m ? MODE_FOLD[m[2].toLowerCase()] : undefined;
  const pc = m ? pitchClassOf(m[1]) : undefined;
  return mode && pc !== undefined ? { tonic: pc, mode } : null;
}
