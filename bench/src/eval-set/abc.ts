/**
 * The little of ABC notation the evaluation set needs: a tune's K: key (major/minor only) and the
 * length of its first bar, to find the bar lines when the tune starts with a pickup (abc2midi does not
 * pad an anacrusis, so the MIDI file's bar grid would otherwise be off by the pickup).
 */
import { type Key, normaliseKey } from '../keys.js';

export interface AbcTune {
  x: number;
  title: string;
  header: Map<string, string>;
  /** Music lines of the first voice. */
  body: string[];
}

export function splitTunes(text: string): AbcTune[] {
  const tunes: AbcTune[] = [];
  let cur: AbcTune | null = null;
  let inHeader = false;
  let voice: string | null = null;
  let firstVoice: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|[^\\])%.*$/, '$1').trimEnd();
    const field = /^([A-Za-z]):\s*(.*)$/.exec(line);
    if (field && field[1] === 'X') {
      cur = { x: Number.parseInt(field[2], 10), title: '', header: new Map(), body: [] };
      tunes.push(cur);
      inHeader = true;
      voice = firstVoice = null;
      continue;
    }
    if (!cur) continue;
    if (raw.trim() === '' && !inHeader) {
      cur = null;
      continue;
    }
    if (field) {
      const [, name, value] = field;
      if (name === 'V') {
        voice = value.split(/\s/)[0];
        firstVoice ??= voice;
      } else if (inHeader && !cur.header.has(name)) cur.header.set(name, value.trim());
      if (name === 'T' && !cur.title) cur.title = value.trim();
      if (name === 'K') inHeader = false;
      continue;
    }
    if (!inHeader && (voice === null || voice === firstVoice) && line.trim()) cur.body.push(line);
  }
  return tunes;
}

/** The tune's key when K: names a plain major or minor key; null for modes, HP, explicit accidentals. */
export function abcKey(k: string | undefined): Key | null {
  if (!k) return null;
  const s = k.trim();
  const m = /^([A-Ga-g])([#b]?)\s*([A-Za-z]*)(.*)$/.exec(s);
  if (!m) return null;
  const [, letter, acc, modeWord, rest] = m;
  if (/[\^_=]/.test(rest.split(/\s(clef|middle|transpose|octave|stafflines)/)[0])) return null;
  const mw = modeWord.toLowerCase();
  let mode: string;
  if (mw === '' || mw.startsWith('maj') || mw.startsWith('ion')) mode = 'major';
  else if (mw === 'm' || mw.startsWith('min') || mw.startsWith('aeo')) mode = 'minor';
  else if (['treble', 'bass', 'alto', 'tenor', 'clef', 'exp'].some((w) => mw.startsWith(w))) mode = 'major';
  else return null;
  return normaliseKey(letter.toUpperCase() + acc, mode);
}

/** Parses "6/8", "C" (4/4), "C|" (2/2); undefined for free meter. */
export function abcMeter(m: string | undefined): { num: number; den: number } | undefined {
  const s = (m ?? 'C').trim();
  if (s === 'C') return { num: 4, den: 4 };
  if (s === 'C|') return { num: 2, den: 2 };
  const f = /^(\d+)\/(\d+)/.exec(s);
  return f ? { num: Number(f[1]), den: Number(f[2]) } : undefined;
}

function fraction(s: string | undefined): number | undefined {
  const f = /^(\d+)\/(\d+)/.exec((s ?? '').trim());
  return f ? Number(f[1]) / Number(f[2]) : undefined;
}

const TUPLET_Q: Record<number, number> = { 2: 3, 3: 2, 4: 3, 6: 2, 8: 3 };

/**
 * Length of the first bar (in whole notes) of the first voice, and of any rests before its first note.
 * Handles notes, rests, chords, lengths, broken rhythm and tuplets; skips chord symbols, decorations,
 * grace notes and inline fields.
 */
export function firstBar(tune: AbcTune): { length: number; leadingRest: number } {
  const meter = abcMeter(tune.header.get('M'));
  const unit = fraction(tune.header.get('L')) ?? (meter && meter.num / meter.den < 0.75 ? 1 / 16 : 1 / 8);
  const s = tune.body.join(' ').replace(/\\\s*/g, ' ');
  let i = 0;
  let total = 0;
  let leadingRest = 0;
  let sawNote = false;
  let sawAny = false;
  let tupletLeft = 0;
  let tupletFactor = 1;
  let brokenNext = 1;
  let last = 0;
  const readLength = (): number => {
    let num = 1;
    let den = 1;
    const n = /^\d+/.exec(s.slice(i));
    if (n) {
      num = Number(n[0]);
      i += n[0].length;
    }
    while (s[i] === '/') {
      i++;
      const d = /^\d+/.exec(s.slice(i));
      if (d) {
        den *= Number(d[0]);
        i += d[0].length;
      } else den *= 2;
    }
    return num / den;
  };
  const add = (len: number, isRest: boolean) => {
    let d = len * unit * brokenNext;
    brokenNext = 1;
    if (tupletLeft > 0) {
      d *= tupletFactor;
      tupletLeft--;
    }
    total += d;
    last = d;
    if (isRest && !sawNote) leadingRest += d;
    if (!isRest) sawNote = true;
    sawAny = true;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '|' || c === ':' || (c === '[' && /^\[[|\d]/.test(s.slice(i)))) {
      if (sawAny) break;
      i++;
      continue;
    }
    if (c === '"') {
      i = s.indexOf('"', i + 1) + 1 || s.length;
    } else if (c === '!' || c === '+') {
      i = s.indexOf(c, i + 1) + 1 || s.length;
    } else if (c === '{') {
      i = s.indexOf('}', i + 1) + 1 || s.length;
    } else if (c === '[' && /^\[[A-Za-z]:/.test(s.slice(i))) {
      i = s.indexOf(']', i + 1) + 1 || s.length;
    } else if (c === '[') {
      // chord: the first note's length times the length after the bracket
      const close = s.indexOf(']', i);
      const inner = s.slice(i + 1, close);
      const first = /[\^_=]*[A-Ga-g][,']*(\d*(?:\/+\d*)*)/.exec(inner);
      i = close + 1;
      const innerLen = first ? lengthOf(first[1]) : 1;
      add(innerLen * readLength(), false);
    } else if (c === '(' && /^\(\d/.test(s.slice(i))) {
      const p = Number(s[i + 1]);
      i += 2;
      tupletLeft = p;
      tupletFactor = (TUPLET_Q[p] ?? 2) / p;
    } else if (/[\^_=]/.test(c)) {
      i++;
    } else if (/[A-Ga-gzx]/.test(c)) {
      i++;
      while (s[i] === ',' || s[i] === "'") i++;
      add(readLength(), c === 'z' || c === 'x');
    } else if (c === '>' || c === '<') {
      total += last * (c === '>' ? 0.5 : -0.5);
      brokenNext = c === '>' ? 0.5 : 1.5;
      i++;
    } else {
      i++;
    }
  }
  return { length: total, leadingRest };
}

function lengthOf(spec: string): number {
  const m = /^(\d*)((?:\/\d*)*)$/.exec(spec);
  if (!m) return 1;
  let v = m[1] ? Number(m[1]) : 1;
  for (const part of m[2].split('/').slice(1)) v /= part ? Number(part) : 2;
  return v;
}
