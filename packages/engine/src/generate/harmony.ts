import { pitchClassOf } from '../analysis/pitch-class.js';
import type { ChordQuality, ChordSegment, Mode, MusicAnalysis } from '../analysis/types.js';
import type { ProgressionModel, RelativeChord } from './models/types.js';
import type { Rng } from './random.js';
import { CHORD_TONES, chordName, scaleOf } from './theory.js';
import type { ArrangedChord, SectionName } from './types.js';

/** A chord in absolute terms, one harmonic slot long. */
export interface SlotChord {
  root: number;
  quality: ChordQuality;
}

/** The capture's chords count as "the musician's own" at this mean confidence and with this many distinct chords. */
const PLAYED_CHORDS_MIN_CONFIDENCE = 0.45;
const PLAYED_CHORDS_MIN_DISTINCT = 2;
/** Share of the played chords' time that must fit the key's scale, or they are not trusted. */
const PLAYED_CHORDS_MIN_DIATONIC = 0.6;
const PHRASE_ATTEMPTS = 200;

/** What each section's harmony must do: where it may start and must end (degrees above the tonic). */
interface SectionRule {
  start?: readonly number[];
  avoidStart?: readonly number[];
  end?: readonly number[];
}

const RULES: Record<SectionName, SectionRule> = {
  intro: { start: [0] },
  verse: { start: [0] },
  // The chorus lifts: it opens away from the verse's home chord, on IV, vi or bVI, and heads back to V or I.
  chorus: { start: [5, 8, 9], end: [7, 0, 5] },
  // The bridge departs (never opens on the tonic) and returns (ends on the dominant).
  bridge: { avoidStart: [0], end: [7] },
  // The outro resolves on the tonic.
  outro: { end: [0] },
};

const isTonicQuality = (q: ChordQuality, mode: Mode) =>
  mode === 'major' ? q === 'maj' || q === 'maj7' : q === 'min' || q === 'min7';

function fitsScale(c: SlotChord, tonic: number, mode: Mode): boolean {
  const scale = scaleOf(mode);
  return CHORD_TONES[c.quality].every((t) => {
    const rel = (c.root + t - tonic + 24) % 12;
    // In minor the dominant's raised seventh (leading tone) is allowed.
    return scale.includes(rel) || (mode === 'minor' && rel === 11);
  });
}

/**
 * The musician's chord loop, one chord per half bar, from the analysis: the chord sounding at each half-bar
 * point of every whole bar after the first downbeat. Null when the chords are not trustworthy enough to follow.
 */
export function playedChordLoop(
  analysis: MusicAnalysis,
  beatsPerBar: number,
  tonic: number,
  mode: Mode,
): SlotChord[] | null {
  const { chords } = analysis;
  const { beats, downbeats } = analysis.tempo;
  const voiced = chords.filter(
    (c): c is ChordSegment & { root: NonNullable<ChordSegment['root']> } => c.root !== null,
  );
  if (voiced.length === 0 || downbeats.length < 2) return null;
  let confidence = 0;
  let time = 0;
  let diatonic = 0;
  for (const c of voiced) {
    const len = c.end - c.start;
    confidence += c.confidence * len;
    time += len;
    if (c.quality && fitsScale({ root: pitchClassOf(c.root), quality: c.quality }, tonic, mode))
      diatonic += len;
  }
  if (
    time <= 0 ||
    confidence / time < PLAYED_CHORDS_MIN_CONFIDENCE ||
    diatonic / time < PLAYED_CHORDS_MIN_DIATONIC
  )
    return null;

  const firstBeat = beats.indexOf(downbeats[0]);
  if (firstBeat < 0) return null;
  const slots: SlotChord[] = [];
  const half = beatsPerBar / 2;
  for (let b = firstBeat; b + beatsPerBar <= beats.length; b += beatsPerBar) {
    for (const offset of [0, Math.floor(half)]) {
      const t = beats[b + offset] + 0.05;
      const c = voiced.find((s) => s.start <= t && t < s.end);
      const prev = slots[slots.length - 1];
      if (c?.quality) slots.push({ root: pitchClassOf(c.root), quality: c.quality });
      else if (prev) slots.push(prev);
    }
  }
  if (slots.length < 4) return null;
  const distinct = new Set(slots.map((s) => `${s.root}:${s.quality}`));
  if (distinct.size < PLAYED_CHORDS_MIN_DISTINCT) return null;
  return phraseLoop(slots, tonic, mode);
}

/**
 * The played chords as a phrase a band can loop: 8, 4 or 2 whole bars (two slots per bar), starting on the
 * tonic chord where the musician played one on a bar line. A capture starts and ends wherever the musician
 * pressed the button; a loop of an odd length that opens on the wrong chord would make the song sound in
 * another key.
 */
export function phraseLoop(slots: SlotChord[], tonic: number, mode: Mode): SlotChord[] {
  const bars = Math.floor(slots.length / 2);
  const loopBars = bars >= 8 ? 8 : bars >= 4 ? 4 : Math.max(1, Math.min(2, bars));
  const width = loopBars * 2;
  const isHome = (c: SlotChord) => c.root === tonic && isTonicQuality(c.quality, mode);
  let start = 0;
  for (let s = 0; s + width <= slots.length; s += 2) {
    if (isHome(slots[s])) {
      start = s;
      break;
    }
  }
  const loop = slots.slice(start, start + width);
  // No window opens on the tonic: rotate the loop to its first bar that does, if any.
  if (!isHome(loop[0])) {
    for (let s = 2; s < loop.length; s += 2) {
      if (isHome(loop[s])) return [...loop.slice(s), ...loop.slice(0, s)];
    }
  }
  return loop;
}

function logProb(model: ProgressionModel, seq: number[]): number {
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0) + xs.length;
  let lp = Math.log((model.start[seq[0]] + 1) / total(model.start));
  for (let i = 1; i < seq.length; i++) {
    const row = model.transitions[seq[i - 1]];
    lp += Math.log((row[seq[i]] + 1) / total(row));
  }
  return lp;
}

function satisfies(rule: SectionRule, seq: number[], states: RelativeChord[], mode: Mode): boolean {
  const first = states[seq[0]];
  const last = states[seq[seq.length - 1]];
  if (rule.start && !rule.start.includes(first.degree)) return false;
  if (rule.avoidStart?.includes(first.degree)) return false;
  if (rule.end && !rule.end.includes(last.degree)) return false;
  // A phrase that must end on the tonic ends on the tonic chord of the mode, not merely on its root.
  if (rule.end?.length === 1 && rule.end[0] === 0 && !isTonicQuality(last.quality, mode)) return false;
  return new Set(seq).size >= Math.min(2, seq.length);
}

/**
 * A phrase of `length` chords from the learned Markov chain, meeting the section's rule. Draws many
 * candidates and keeps the likeliest that satisfies the rule, so the learned statistics shape the harmony
 * and the rule only constrains it.
 */
export function samplePhrase(
  model: ProgressionModel,
  mode: Mode,
  section: SectionName,
  length: number,
  rng: Rng,
): RelativeChord[] {
  const rule = RULES[section];
  const n = model.states.length;
  let best: number[] | null = null;
  let bestLp = Number.NEGATIVE_INFINITY;
  for (let attempt = 0; attempt < PHRASE_ATTEMPTS; attempt++) {
    const seq: number[] = [];
    let s = rng.weighted(model.start);
    if (s < 0) s = rng.int(n);
    seq.push(s);
    while (seq.length < length) {
      let next = rng.weighted(model.transitions[seq[seq.length - 1]]);
      if (next < 0) next = rng.weighted(model.start);
      if (next < 0) next = rng.int(n);
      seq.push(next);
    }
    if (!satisfies(rule, seq, model.states, mode)) continue;
    // Likelihood per chord plus a little randomness, so the best candidate is likely but not always the same.
    const lp = logProb(model, seq) / length + rng.jitter(0.3);
    if (lp > bestLp) {
      bestLp = lp;
      best = seq;
    }
  }
  if (best) return best.map((i) => model.states[i]);
  return fallbackPhrase(mode, section, length);
}

/** Used only if the model cannot meet a rule (a corrupt or tiny model): I-IV-V-I or i-iv-V-i shapes. */
function fallbackPhrase(mode: Mode, section: SectionName, length: number): RelativeChord[] {
  const home: RelativeChord = { degree: 0, quality: mode === 'major' ? 'maj' : 'min' };
  const sub: RelativeChord = { degree: 5, quality: mode === 'major' ? 'maj' : 'min' };
  const dom: RelativeChord = { degree: 7, quality: '7' };
  const rel: RelativeChord = { degree: mode === 'major' ? 9 : 8, quality: mode === 'major' ? 'min' : 'maj' };
  const shapes: Record<SectionName, RelativeChord[]> = {
    intro: [home, sub],
    verse: [home, rel, sub, dom],
    chorus: [sub, home, rel, dom],
    bridge: [rel, sub, rel, dom],
    outro: [sub, dom, home, home],
  };
  const shape = shapes[section];
  return Array.from({ length }, (_, i) =>
    i >= length - 1 && section === 'outro' ? home : shape[i % shape.length],
  );
}

/**
 * Chords for a section: `bars` bars at `chordsPerBar`. The played loop is used for verses, choruses and the
 * intro when there is one (the chorus lifts by arrangement, not by leaving the musician's chords); otherwise
 * a learned phrase of four chords repeats, its last statement re-sampled to meet the section's ending rule.
 */
export function sectionChords(args: {
  section: SectionName;
  bars: number;
  beatsPerBar: number;
  chordsPerBar: number;
  tonic: number;
  mode: Mode;
  model: ProgressionModel;
  played: SlotChord[] | null;
  rng: Rng;
}): ArrangedChord[] {
  const { section, bars, beatsPerBar, tonic, mode, model, played, rng } = args;
  let slots: SlotChord[];
  let slotBeats: number;
  if (played && section !== 'bridge') {
    slotBeats = beatsPerBar / 2;
    const count = bars * 2;
    slots = Array.from({ length: count }, (_, i) => played[i % played.length]);
    if (section === 'outro') {
      const home: SlotChord = { root: tonic, quality: mode === 'major' ? 'maj' : 'min' };
      slots[count - 1] = home;
      slots[count - 2] = home;
    }
  } else {
    const perBar = Math.max(0.25, args.chordsPerBar);
    slotBeats = beatsPerBar / perBar;
    const count = Math.max(1, Math.round(bars * perBar));
    const phraseLength = Math.min(count, 4);
    const phrase = samplePhrase(model, mode, section === 'outro' ? 'verse' : section, phraseLength, rng);
    const relative: RelativeChord[] = [];
    while (relative.length < count) relative.push(...phrase);
    relative.length = count;
    // The last statement carries the section's ending (the bridge's return, the outro's resolution).
    if (count > phraseLength || section === 'outro') {
      const ending = samplePhrase(model, mode, section, phraseLength, rng);
      for (let i = 0; i < phraseLength; i++) relative[count - phraseLength + i] = ending[i];
    }
    slots = relative.map((r) => ({ root: (tonic + r.degree) % 12, quality: r.quality }));
  }
  // Merge repeated slots into one chord.
  const out: ArrangedChord[] = [];
  slots.forEach((s, i) => {
    const last = out[out.length - 1];
    const beatsLeft = bars * beatsPerBar - i * slotBeats;
    const len = Math.min(slotBeats, beatsLeft);
    if (len <= 0) return;
    if (last && last.root === s.root && last.quality === s.quality) last.beats += len;
    else
      out.push({
        beat: i * slotBeats,
        beats: len,
        root: s.root,
        quality: s.quality,
        label: chordName(s.root, s.quality),
      });
  });
  return out;
}
