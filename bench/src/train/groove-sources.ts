/**
 * Which MMA grooves each family learns from, chosen by hand from the groove names and their Doc text in
 * MMA 21.09's libraries (lib/<library>/<file>.mma). Only main grooves: no Intro, End, Fill or Sus variants.
 * A groove contributes every part it has; the zoom library's grooves are drums only.
 */

import type { GrooveSource } from './mma-render.js';
import type { GrooveFamily } from './model-types.js';

export interface FamilySpec {
  /** MMA's Time of every source (quarter-note-long beats per bar; 6 for 6/8). */
  beatsPerBar: number;
  /** Step counts to try, straight first (see chooseSteps). */
  stepCandidates: number[];
  sources: GrooveSource[];
  /** Why these grooves, when the choice needs saying. */
  note?: string;
}

const g = (lib: string, groove: string): GrooveSource => ({ lib, groove });

export const FAMILIES: Record<GrooveFamily, FamilySpec> = {
  rock: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/basicrock', 'BasicRock'),
      g('stdlib/60srock', '60sRock'),
      g('stdlib/folkrock', 'FolkRock'),
      g('casio/rock1', 'Rock1'),
    ],
  },
  pop: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/8beat', '8Beat'),
      g('stdlib/softrock', 'SoftRock'),
      g('casio/pop', 'Pop'),
      g('casio/8beatpop1', '8BeatPop1'),
      g('casio/80spop', '80sPop'),
    ],
  },
  ballad: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/ballad', 'Ballad'),
      g('stdlib/popballad', 'PopBallad'),
      g('stdlib/rockballad', 'RockBallad'),
      g('casio/8beatballad1', '8BeatBallad1'),
    ],
  },
  funk: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/bvfunk', 'BVFunk'),
      g('casio/funk1', 'Funk1'),
      g('casio/funk2', 'Funk2'),
      g('zoom/funk', 'FUNK01'),
      g('zoom/funk', 'FUNK02'),
    ],
  },
  swing: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/swing', 'Swing'),
      g('stdlib/easyswing', 'EasySwing'),
      g('casio/swing', 'Swing'),
      g('yamaha/jazzswing', 'JazzSwingMainA'),
    ],
  },
  jazzWaltz: {
    beatsPerBar: 3,
    stepCandidates: [12, 9],
    sources: [
      g('stdlib/jazzwaltz', 'JazzWaltz'),
      g('stdlib/modernjazzwaltz', 'ModernJazzWaltz'),
      g('casio/jazzwaltz', 'JazzWaltz'),
      g('yamaha/jazzwaltz', 'JazzWaltzMainA'),
    ],
  },
  bossa: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/bossanova', 'BossaNova'),
      g('yamaha/jazzbossa', 'JazzBossaA'),
      g('zoom/bossa', 'BOSSA01'),
      g('zoom/bossa', 'BOSSA02'),
    ],
  },
  latin: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/rhumba', 'Rhumba'),
      g('stdlib/mambo', 'Mambo'),
      g('stdlib/salsa', 'Salsa'),
      g('stdlib/chacha', 'ChaCha'),
      g('stdlib/son', 'Son'),
      g('yamaha/salsa1', 'Salsa1MainA'),
    ],
  },
  reggae: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('zoom/reggae', 'REGG01'),
      g('zoom/reggae', 'REGG02'),
      g('zoom/reggae', 'REGG03'),
      g('zoom/reggae', 'REGG04'),
      g('stdlib/ska', 'Ska'),
    ],
    note: "MMA has reggae drums (zoom REGG01-04) but no reggae bass or chords; those come from stdlib's Ska, the closest (off-beat chord skank).",
  },
  electronic: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/trance', 'Trance'),
      g('casio/house', 'House'),
      g('casio/techno', 'Techno'),
      g('casio/trance1', 'Trance1'),
      g('alexis/teamtechno', 'TeamTechno'),
    ],
  },
  hiphop: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('casio/hip-hop', 'Hip-Hop'),
      g('casio/triphop', 'TripHop'),
      g('zoom/hiphop', 'HIP01'),
      g('zoom/hiphop', 'HIP02'),
      g('zoom/hiphop', 'HIP03'),
    ],
    note: "alexis/hiphop is left out: its 'bass' tracks repeat one fixed note over every chord.",
  },
  waltz: {
    beatsPerBar: 3,
    stepCandidates: [12, 9],
    sources: [
      g('stdlib/waltz', 'Waltz'),
      g('stdlib/vienesewaltz', 'VieneseWaltz'),
      g('stdlib/countrywaltz', 'CountryWaltz'),
      g('casio/popwaltz', 'PopWaltz'),
    ],
  },
  march: {
    beatsPerBar: 4,
    stepCandidates: [16, 12],
    sources: [
      g('stdlib/march', 'March'),
      g('stdlib/dixiemarch', 'DixieMarch'),
      g('stdlib/bwmarch', 'BWMarch'),
      g('casio/germanmarch', 'GermanMarch'),
    ],
    note: 'MMA writes its marches in 4/4 (68March is in 2 with triplets and is left out so the family keeps one bar shape).',
  },
  sixEight: {
    beatsPerBar: 6,
    stepCandidates: [12],
    sources: [
      g('stdlib/68swing', '68Swing'),
      g('casio/68ballad', '68Ballad'),
      g('stdlib/blues68', 'Blues68Walk'),
    ],
    note: 'beatsPerBar 6 counts eighth notes, as MMA does (Time 6); 12 steps are sixteenths.',
  },
};

/** What training found for a family: the step grid it chose and each candidate's mean onset error. */
export interface FamilyReport {
  family: GrooveFamily;
  stepsPerBar: number;
  errors: Record<number, number>;
}

export const sourceName = (s: GrooveSource) => `mma ${s.lib}:${s.groove}`;
