import { pitchClassOf } from '../analysis/pitch-class.js';
import type { MusicAnalysis, TimeSignature } from '../analysis/types.js';
import { GenerationError } from './errors.js';
import { styleFit } from './fit.js';
import { playedChordLoop, sectionChords } from './harmony.js';
import type { GrooveFamily, GrooveModels, ProgressionModels } from './models/types.js';
import { writeBass } from './parts/bass.js';
import { writeComp } from './parts/comp.js';
import { writeDrums } from './parts/drums.js';
import { inventMotif, type Motif, motifFromNotes, writeLead } from './parts/lead.js';
import { writePad } from './parts/pad.js';
import { Rng } from './random.js';
import { STYLES, type Style } from './styles.js';
import type {
  ArrangedChord,
  ArrangedSection,
  Generation,
  GenerationPreferences,
  PartName,
  PartTrack,
  SectionName,
  Variation,
} from './types.js';
import { SECTION_NAMES } from './types.js';

export interface GenerationModels {
  grooves: GrooveModels;
  progressions: ProgressionModels;
}

export const DEFAULT_FORM: readonly SectionName[] = [
  'intro',
  'verse',
  'chorus',
  'verse',
  'chorus',
  'bridge',
  'chorus',
  'outro',
];
export const DEFAULT_SECTION_BARS: Record<SectionName, number> = {
  intro: 4,
  verse: 8,
  chorus: 8,
  bridge: 8,
  outro: 4,
};
const MIN_SECTION_BARS = 4;
const MAX_SECTION_BARS = 16;
const MIN_VARIATIONS = 3;
const MAX_VARIATIONS = 5;

/** Which parts play in which section (then limited to the parts the style has). */
const PARTS_IN: Record<SectionName, readonly PartName[]> = {
  intro: ['drums', 'keys', 'pad'],
  verse: ['drums', 'bass', 'keys'],
  chorus: ['drums', 'bass', 'keys', 'pad', 'lead'],
  bridge: ['drums', 'bass', 'pad', 'lead'],
  outro: ['drums', 'bass', 'keys', 'pad'],
};

function metre(ts: TimeSignature): { beatsPerBar: number; kind: 'duple' | 'triple' | 'compound' } {
  switch (ts) {
    case '3/4':
      return { beatsPerBar: 3, kind: 'triple' };
    case '6/8':
      return { beatsPerBar: 2, kind: 'compound' };
    case '2/4':
      return { beatsPerBar: 2, kind: 'duple' };
    default:
      return { beatsPerBar: 4, kind: 'duple' };
  }
}

function checkPreferences(prefs: GenerationPreferences): {
  count: number;
  styles: Style[];
  form: SectionName[];
  bars: Record<SectionName, number>;
} {
  const count = prefs.variations ?? MAX_VARIATIONS;
  if (!Number.isInteger(count) || count < MIN_VARIATIONS || count > MAX_VARIATIONS)
    throw new GenerationError(
      'bad_preferences',
      `variations must be a whole number from ${MIN_VARIATIONS} to ${MAX_VARIATIONS}, got ${count}`,
    );
  let styles = [...STYLES];
  if (prefs.styles && prefs.styles.length > 0) {
    const unknown = prefs.styles.filter((id) => !STYLES.some((s) => s.id === id));
    if (unknown.length > 0)
      throw new GenerationError(
        'unknown_style',
        `unknown style ${unknown.map((u) => `"${u}"`).join(', ')}; valid styles: ${STYLES.map((s) => s.id).join(', ')}`,
      );
    styles = STYLES.filter((s) => prefs.styles?.includes(s.id));
  }
  const form = prefs.form ? [...prefs.form] : [...DEFAULT_FORM];
  if (form.length === 0 || form.some((s) => !SECTION_NAMES.includes(s)))
    throw new GenerationError('bad_preferences', `form must list sections from ${SECTION_NAMES.join(', ')}`);
  const bars = { ...DEFAULT_SECTION_BARS };
  for (const [name, n] of Object.entries(prefs.sectionBars ?? {}) as [SectionName, number][]) {
    if (!SECTION_NAMES.includes(name))
      throw new GenerationError(
        'bad_preferences',
        `unknown section "${name}"; sections are ${SECTION_NAMES.join(', ')}`,
      );
    if (!Number.isInteger(n) || n < MIN_SECTION_BARS || n > MAX_SECTION_BARS)
      throw new GenerationError(
        'bad_preferences',
        `${name} must be ${MIN_SECTION_BARS}-${MAX_SECTION_BARS} bars, got ${n}`,
      );
    bars[name] = n;
  }
  return { count, styles, form, bars };
}

/**
 * Styles for the variations, best fit first, taking one style per family before repeating a family so the
 * variations differ audibly. When the user named fewer styles than variations, the named ones are repeated.
 */
function chooseStyles(
  candidates: Style[],
  analysis: MusicAnalysis,
  count: number,
): { style: Style; fit: number }[] {
  const ranked = candidates
    .map((style) => ({ style, fit: styleFit(style, analysis) }))
    .sort((a, b) => b.fit - a.fit || a.style.id.localeCompare(b.style.id));
  const chosen: { style: Style; fit: number }[] = [];
  const families = new Set<string>();
  for (const r of ranked) {
    if (chosen.length < count && !families.has(r.style.family)) {
      chosen.push(r);
      families.add(r.style.family);
    }
  }
  for (const r of ranked) if (chosen.length < count && !chosen.includes(r)) chosen.push(r);
  for (let i = 0; chosen.length < count; i++) chosen.push(ranked[i % ranked.length]);
  return chosen.sort((a, b) => b.fit - a.fit);
}

/**
 * Backing-track variations for a captured clip: each a full arrangement in the clip's tempo, metre and key,
 * phase-locked to its downbeat, in a different style, ranked by fit. Deterministic in (analysis, seed,
 * preferences, models).
 */
export function generateVariations(
  analysis: MusicAnalysis,
  seed: number,
  preferences: GenerationPreferences,
  models: GenerationModels,
): Generation {
  if (!Number.isFinite(seed))
    throw new GenerationError('bad_preferences', `seed must be a number, got ${seed}`);
  const { count, styles, form, bars } = checkPreferences(preferences);
  const { beatsPerBar, kind } = metre(analysis.tempo.timeSignature);
  const tonic = pitchClassOf(analysis.key.tonic);
  const mode = analysis.key.mode;
  const bpm = analysis.tempo.bpm;
  const beatSeconds = 60 / bpm;
  const downbeat = analysis.tempo.downbeats[0] ?? analysis.tempo.beats[0] ?? 0;
  const played = playedChordLoop(analysis, beatsPerBar, tonic, mode);
  const root = new Rng(seed);
  const playedMotif = analysis.notes
    ? motifFromNotes(analysis.notes, downbeat, beatSeconds, beatsPerBar)
    : null;

  const variations = chooseStyles(styles, analysis, count).map(({ style, fit }, index): Variation => {
    const rng = root.fork(`${index}:${style.id}`);
    const groove: GrooveFamily = style.grooves[kind];
    const drumsModel = models.grooves.drums[groove];
    const bassModel = models.grooves.bass[groove];
    const compModel = models.grooves.comp[groove];
    const progression = models.progressions[mode];
    const motif: Motif = playedMotif ?? inventMotif(beatsPerBar, rng.fork('motif'));
    const chordsBySection = new Map<SectionName, ArrangedChord[]>();
    let startBar = 0;
    const sections = form.map((name): ArrangedSection => {
      const n = bars[name];
      // Keyed by name, so a verse sounds the same each time it comes round (as a band plays it).
      const srng = rng.fork(`section:${name}`);
      let chords = chordsBySection.get(name);
      if (!chords) {
        chords = sectionChords({
          section: name,
          bars: n,
          beatsPerBar,
          chordsPerBar: style.harmonicRhythm,
          tonic,
          mode,
          model: progression,
          played,
          rng: srng.fork('harmony'),
        });
        chordsBySection.set(name, chords);
      }
      const plays = PARTS_IN[name].filter((p) => style.parts.includes(p));
      const feel = style.feel;
      const parts: PartTrack[] = plays.map((part) => {
        const prng = srng.fork(part);
        const chordList = chords as ArrangedChord[];
        switch (part) {
          case 'drums':
            return {
              part,
              notes: writeDrums({ model: drumsModel, section: name, bars: n, beatsPerBar, feel, rng: prng }),
            };
          case 'bass':
            return {
              part,
              notes: writeBass({
                model: bassModel,
                chords: chordList,
                section: name,
                bars: n,
                beatsPerBar,
                feel,
                rng: prng,
              }),
            };
          case 'keys':
            return {
              part,
              notes: writeComp({
                model: compModel,
                chords: chordList,
                section: name,
                bars: n,
                beatsPerBar,
                feel,
                voicing: style.voicing,
                range: style.compRange,
                rng: prng,
              }),
            };
          case 'pad':
            return { part, notes: writePad(chordList, name) };
          default:
            return {
              part,
              notes: writeLead({
                kind: style.lead,
                chords: chordList,
                bars: n,
                beatsPerBar,
                bpm,
                feel,
                motif,
                rng: prng,
              }),
            };
        }
      });
      const section: ArrangedSection = {
        name,
        startBar,
        bars: n,
        chords,
        parts: parts.filter((p) => p.notes.length > 0),
      };
      startBar += n;
      return section;
    });
    return {
      id: `v${index + 1}`,
      name: style.name,
      style: style.id,
      family: style.family,
      groove,
      bpm,
      beatsPerBar,
      timeSignature: analysis.tempo.timeSignature,
      key: { tonic: analysis.key.tonic, mode, label: analysis.key.label },
      feel: style.feel,
      anchor: { downbeat, beatSeconds },
      sections,
      totalBars: startBar,
      instruments: style.instruments,
      mix: style.mix,
      effects: style.effects,
      fit: Math.round(fit * 1000) / 1000,
      followsPlayedChords: played !== null,
    };
  });
  return { seed, variations };
}
