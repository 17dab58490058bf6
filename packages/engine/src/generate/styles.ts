import type { StyleFamily } from '../analysis/types.js';
import type { Bpm } from '../units.js';
import type { GrooveFamily } from './models/types.js';
import type { Feel, InstrumentChoice, PartMix, PartName } from './types.js';

/** How a comping part voices a chord. */
export type Voicing = 'close' | 'shell' | 'power' | 'spread' | 'skank';
/** What the fifth part does, if anything. */
export type LeadKind = 'arp' | 'melody' | 'none';

/**
 * One entry of the style library: grooves (learned, per metre), feel, instrumentation, voicing and sound.
 * The learned models supply the notes' statistics; these hand-set rules shape and constrain them.
 */
export interface Style {
  id: string;
  /** The variation's display name. */
  name: string;
  family: StyleFamily;
  /** Groove family per metre: simple duple (2/4, 4/4), simple triple (3/4), compound (6/8). */
  grooves: { duple: GrooveFamily; triple: GrooveFamily; compound: GrooveFamily };
  feel: Feel;
  /** Tempo range the style feels natural in (the capture's tempo is never changed, only the fit). */
  tempo: { min: Bpm; max: Bpm };
  /** Chords per bar the style's harmony moves at when it writes its own progression (0.5 = every two bars). */
  harmonicRhythm: number;
  voicing: Voicing;
  lead: LeadKind;
  /** Parts that play at all (drums off for chamber music). */
  parts: readonly PartName[];
  instruments: Record<PartName, InstrumentChoice>;
  mix: Record<PartName, PartMix>;
  effects: string;
  /** Octave range for comping chords, as MIDI notes. */
  compRange: [number, number];
  /** Style features the style answers best (for ranking): percussiveness 0-1, brightness Hz, swing ratio. */
  prototype: { percussiveness: number; brightness: number; swing: number };
}

const sf = (program: number, preset: string): InstrumentChoice => ({ engine: 'soundfont', program, preset });
const analog = (preset: string): InstrumentChoice => ({ engine: 'analog', preset });
const fm = (preset: string): InstrumentChoice => ({ engine: 'fm', preset });
const kit = (preset: string): InstrumentChoice => ({ engine: 'drumkit', preset });
const gmKit = (program: number, preset: string): InstrumentChoice => ({
  engine: 'soundfont',
  program,
  preset,
});

const mix = (
  drums: number,
  bass: number,
  keys: number,
  pad: number,
  lead: number,
  reverb = 0.2,
): Record<PartName, PartMix> => ({
  drums: { gainDb: drums, pan: 0, reverb: reverb * 0.5 },
  bass: { gainDb: bass, pan: 0, reverb: 0 },
  keys: { gainDb: keys, pan: -0.2, reverb },
  pad: { gainDb: pad, pan: 0.15, reverb: reverb * 1.5 },
  lead: { gainDb: lead, pan: 0.25, reverb },
});

const ALL: readonly PartName[] = ['drums', 'bass', 'keys', 'pad', 'lead'];
const STRAIGHT: Feel = { unit: 'none', ratio: 1 };

export const STYLES: readonly Style[] = [
  {
    id: 'chill-beats',
    name: 'Chill Beats',
    family: 'Hip-Hop',
    grooves: { duple: 'hiphop', triple: 'jazzWaltz', compound: 'sixEight' },
    feel: { unit: 'sixteenth', ratio: 1.6 },
    tempo: { min: 70, max: 100 },
    harmonicRhythm: 1,
    voicing: 'shell',
    lead: 'none',
    parts: ['drums', 'bass', 'keys', 'pad'],
    instruments: {
      drums: kit('lofi'),
      bass: analog('sub-bass'),
      keys: fm('electric-piano'),
      pad: analog('warm-pad'),
      lead: fm('bell'),
    },
    mix: mix(-4, -5, -7, -14, -12, 0.25),
    effects: 'lofi',
    compRange: [53, 76],
    prototype: { percussiveness: 0.55, brightness: 1500, swing: 1.5 },
  },
  {
    id: 'electronic',
    name: 'Electronic',
    family: 'Electronic',
    grooves: { duple: 'electronic', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 110, max: 140 },
    harmonicRhythm: 0.5,
    voicing: 'spread',
    lead: 'arp',
    parts: ALL,
    instruments: {
      drums: kit('electronic'),
      bass: analog('saw-bass'),
      keys: analog('pluck'),
      pad: analog('supersaw-pad'),
      lead: analog('arp-lead'),
    },
    mix: mix(-3, -5, -9, -13, -11, 0.3),
    effects: 'club',
    compRange: [57, 79],
    prototype: { percussiveness: 0.7, brightness: 3000, swing: 1 },
  },
  {
    id: 'synthwave',
    name: 'Synthwave',
    family: 'Electronic',
    grooves: { duple: 'rock', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 85, max: 120 },
    harmonicRhythm: 1,
    voicing: 'spread',
    lead: 'arp',
    parts: ALL,
    instruments: {
      drums: kit('electronic'),
      bass: analog('octave-bass'),
      keys: fm('glass-keys'),
      pad: analog('warm-pad'),
      lead: analog('arp-lead'),
    },
    mix: mix(-4, -6, -9, -12, -12, 0.35),
    effects: 'wide-space',
    compRange: [55, 79],
    prototype: { percussiveness: 0.5, brightness: 2500, swing: 1 },
  },
  {
    id: 'acoustic-pop',
    name: 'Acoustic',
    family: 'Pop',
    grooves: { duple: 'pop', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 80, max: 130 },
    harmonicRhythm: 1,
    voicing: 'close',
    lead: 'melody',
    parts: ALL,
    instruments: {
      drums: gmKit(0, 'standard-kit'),
      bass: sf(32, 'acoustic-bass'),
      keys: sf(25, 'steel-guitar'),
      pad: sf(48, 'strings'),
      lead: sf(73, 'flute'),
    },
    mix: mix(-6, -6, -5, -15, -10, 0.2),
    effects: 'room',
    compRange: [52, 72],
    prototype: { percussiveness: 0.35, brightness: 2000, swing: 1 },
  },
  {
    id: 'piano-ballad',
    name: 'Piano Ballad',
    family: 'Pop',
    grooves: { duple: 'ballad', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 60, max: 95 },
    harmonicRhythm: 1,
    voicing: 'spread',
    lead: 'none',
    parts: ['drums', 'bass', 'keys', 'pad'],
    instruments: {
      drums: gmKit(0, 'standard-kit'),
      bass: sf(33, 'finger-bass'),
      keys: sf(0, 'grand-piano'),
      pad: sf(48, 'strings'),
      lead: sf(40, 'violin'),
    },
    mix: mix(-9, -7, -4, -12, -10, 0.3),
    effects: 'hall',
    compRange: [48, 76],
    prototype: { percussiveness: 0.2, brightness: 1400, swing: 1 },
  },
  {
    id: 'rock',
    name: 'Rock Band',
    family: 'Rock',
    grooves: { duple: 'rock', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 95, max: 170 },
    harmonicRhythm: 1,
    voicing: 'power',
    lead: 'none',
    parts: ['drums', 'bass', 'keys', 'pad'],
    instruments: {
      drums: gmKit(0, 'standard-kit'),
      bass: sf(34, 'pick-bass'),
      keys: sf(29, 'overdrive-guitar'),
      pad: sf(16, 'organ'),
      lead: sf(30, 'distortion-guitar'),
    },
    mix: mix(-3, -5, -6, -16, -8, 0.15),
    effects: 'stage',
    compRange: [40, 64],
    prototype: { percussiveness: 0.75, brightness: 2800, swing: 1 },
  },
  {
    id: 'funk',
    name: 'Funk Groove',
    family: 'Pop',
    grooves: { duple: 'funk', triple: 'waltz', compound: 'sixEight' },
    feel: { unit: 'sixteenth', ratio: 1.2 },
    tempo: { min: 90, max: 125 },
    harmonicRhythm: 0.5,
    voicing: 'shell',
    lead: 'none',
    parts: ['drums', 'bass', 'keys', 'pad'],
    instruments: {
      drums: gmKit(0, 'standard-kit'),
      bass: analog('funk-bass'),
      keys: sf(28, 'muted-guitar'),
      pad: fm('electric-piano'),
      lead: analog('arp-lead'),
    },
    mix: mix(-4, -4, -8, -12, -10, 0.12),
    effects: 'tight',
    compRange: [55, 74],
    prototype: { percussiveness: 0.7, brightness: 2200, swing: 1.15 },
  },
  {
    id: 'jazz-trio',
    name: 'Jazz Trio',
    family: 'Jazz',
    grooves: { duple: 'swing', triple: 'jazzWaltz', compound: 'sixEight' },
    feel: { unit: 'eighth', ratio: 2 },
    tempo: { min: 80, max: 220 },
    harmonicRhythm: 1,
    voicing: 'shell',
    lead: 'none',
    parts: ['drums', 'bass', 'keys'],
    instruments: {
      drums: gmKit(40, 'brush-kit'),
      bass: sf(32, 'acoustic-bass'),
      keys: sf(0, 'grand-piano'),
      pad: sf(48, 'strings'),
      lead: sf(65, 'alto-sax'),
    },
    mix: mix(-8, -5, -5, -16, -9, 0.2),
    effects: 'club-room',
    compRange: [50, 72],
    prototype: { percussiveness: 0.35, brightness: 1600, swing: 1.8 },
  },
  {
    id: 'bossa-nova',
    name: 'Bossa Nova',
    family: 'World',
    grooves: { duple: 'bossa', triple: 'jazzWaltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 100, max: 150 },
    harmonicRhythm: 1,
    voicing: 'shell',
    lead: 'melody',
    parts: ALL,
    instruments: {
      drums: gmKit(0, 'standard-kit'),
      bass: sf(32, 'acoustic-bass'),
      keys: sf(24, 'nylon-guitar'),
      pad: sf(48, 'strings'),
      lead: sf(73, 'flute'),
    },
    mix: mix(-9, -6, -5, -17, -10, 0.2),
    effects: 'room',
    compRange: [52, 72],
    prototype: { percussiveness: 0.3, brightness: 1700, swing: 1 },
  },
  {
    id: 'reggae',
    name: 'Reggae',
    family: 'World',
    grooves: { duple: 'reggae', triple: 'waltz', compound: 'sixEight' },
    feel: { unit: 'sixteenth', ratio: 1.25 },
    tempo: { min: 65, max: 100 },
    harmonicRhythm: 1,
    voicing: 'skank',
    lead: 'none',
    parts: ['drums', 'bass', 'keys', 'pad'],
    instruments: {
      drums: gmKit(0, 'standard-kit'),
      bass: sf(33, 'finger-bass'),
      keys: sf(17, 'percussive-organ'),
      pad: sf(16, 'organ'),
      lead: sf(56, 'trumpet'),
    },
    mix: mix(-5, -3, -8, -17, -10, 0.18),
    effects: 'dub',
    compRange: [57, 74],
    prototype: { percussiveness: 0.5, brightness: 1600, swing: 1.2 },
  },
  {
    id: 'latin',
    name: 'Latin Heat',
    family: 'World',
    grooves: { duple: 'latin', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 90, max: 200 },
    harmonicRhythm: 1,
    voicing: 'close',
    lead: 'none',
    parts: ['drums', 'bass', 'keys', 'pad'],
    instruments: {
      drums: gmKit(0, 'latin-percussion'),
      bass: sf(33, 'finger-bass'),
      keys: sf(0, 'grand-piano'),
      pad: sf(61, 'brass'),
      lead: sf(56, 'trumpet'),
    },
    mix: mix(-5, -5, -5, -16, -9, 0.18),
    effects: 'room',
    compRange: [55, 79],
    prototype: { percussiveness: 0.65, brightness: 2200, swing: 1 },
  },
  {
    id: 'chamber',
    name: 'Chamber Strings',
    family: 'Classical',
    grooves: { duple: 'ballad', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 50, max: 140 },
    harmonicRhythm: 1,
    voicing: 'spread',
    lead: 'arp',
    parts: ['bass', 'keys', 'pad', 'lead'],
    instruments: {
      drums: gmKit(48, 'orchestra-kit'),
      bass: sf(42, 'cello'),
      keys: sf(46, 'harp'),
      pad: sf(48, 'strings'),
      lead: sf(0, 'grand-piano'),
    },
    mix: mix(-12, -7, -7, -9, -9, 0.4),
    effects: 'hall',
    compRange: [53, 79],
    prototype: { percussiveness: 0.1, brightness: 1300, swing: 1 },
  },
  {
    id: 'ambient',
    name: 'Ambient Drift',
    family: 'Experimental',
    grooves: { duple: 'electronic', triple: 'waltz', compound: 'sixEight' },
    feel: STRAIGHT,
    tempo: { min: 50, max: 130 },
    harmonicRhythm: 0.5,
    voicing: 'spread',
    lead: 'arp',
    parts: ['bass', 'keys', 'pad', 'lead'],
    instruments: {
      drums: kit('electronic'),
      bass: analog('sub-bass'),
      keys: fm('bell'),
      pad: analog('supersaw-pad'),
      lead: fm('glass-keys'),
    },
    mix: mix(-12, -8, -10, -8, -12, 0.5),
    effects: 'cathedral',
    compRange: [57, 84],
    prototype: { percussiveness: 0.1, brightness: 1800, swing: 1 },
  },
];

export function styleById(id: string): Style | undefined {
  return STYLES.find((s) => s.id === id);
}
