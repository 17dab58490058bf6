import { GM_NOTE_OF_VOICE } from '../../synth/gm-drums.js';
import type { DrumGrooveModel, DrumVoice } from '../models/types.js';
import type { Rng } from '../random.js';
import type { Feel, GeneratedNote, SectionName } from '../types.js';
import { maskSteps, modelStepBeat, swingPosition, velocityAt } from './grid.js';

/** Voices that define the groove and stay put bar to bar; the others may vary. */
const CORE: readonly DrumVoice[] = ['kick', 'snare', 'clap', 'rim'];
const TIME_KEEPERS: readonly DrumVoice[] = ['closedHat', 'pedalHat', 'ride', 'shaker'];
/** Chance per bar that a non-core voice plays another learned bar, and that the kick varies on bar 4 of 4. */
const VARY_OTHER = 0.2;
const VARY_KICK = 0.3;

const SECTION_ENERGY: Record<SectionName, number> = {
  intro: 0.75,
  verse: 0.9,
  chorus: 1,
  bridge: 0.85,
  outro: 0.8,
};

/** One learned whole-bar pattern for `voice`, drawn by how often it occurred. */
function drawMask(model: DrumGrooveModel, voice: DrumVoice, rng: Rng): number {
  const bars = model.bars[voice];
  if (!bars || bars.length === 0) return 0;
  const i = rng.weighted(bars.map(([, count]) => count));
  return i < 0 ? 0 : bars[i][0];
}

/**
 * The drum part of one section: each voice keeps one learned bar pattern (kick and snare steady, the rest
 * varying now and then), the chorus opens with a crash, the intro keeps only time, each section but the
 * last ends with a fill and the outro stops on a hit.
 */
export function writeDrums(args: {
  model: DrumGrooveModel;
  section: SectionName;
  bars: number;
  beatsPerBar: number;
  feel: Feel;
  rng: Rng;
}): GeneratedNote[] {
  const { model, section, bars, beatsPerBar, feel, rng } = args;
  const energy = SECTION_ENERGY[section];
  const voices = Object.keys(model.voices) as DrumVoice[];
  const main = new Map<DrumVoice, number>(voices.map((v) => [v, drawMask(model, v, rng)]));
  const notes: GeneratedNote[] = [];
  const triplet = model.stepsPerBar % 3 === 0;
  const add = (voice: DrumVoice, beat: number, velocity: number, bar: number) => {
    if (beat >= beatsPerBar - 1e-9) return;
    const at = bar * beatsPerBar + (triplet ? beat : swingPosition(beat, feel));
    notes.push({ beat: at, duration: 0.25, pitch: GM_NOTE_OF_VOICE[voice], velocity, drum: voice });
  };

  for (let bar = 0; bar < bars; bar++) {
    const last = bar === bars - 1;
    const fillBar = last && section !== 'outro' && bars >= 4;
    if (last && section === 'outro') {
      add('kick', 0, 110, bar);
      add('crash', 0, 105, bar);
      continue;
    }
    for (const voice of voices) {
      if (section === 'intro' && !TIME_KEEPERS.includes(voice) && voice !== 'kick') continue;
      let mask = main.get(voice) ?? 0;
      if (!CORE.includes(voice) && rng.chance(VARY_OTHER)) mask = drawMask(model, voice, rng);
      if (voice === 'kick' && bar % 4 === 3 && rng.chance(VARY_KICK)) mask = drawMask(model, voice, rng);
      for (const step of maskSteps(mask, model.stepsPerBar)) {
        const beat = modelStepBeat(step, model.stepsPerBar, model.beatsPerBar, beatsPerBar);
        // A fill replaces the last beat of the section's final bar.
        if (fillBar && beat >= beatsPerBar - 1) continue;
        add(voice, beat, velocityAt(model.voices[voice], step, energy, rng), bar);
      }
    }
    if (bar === 0 && (section === 'chorus' || section === 'bridge')) add('crash', 0, 110, bar);
    if (fillBar) {
      const sub = triplet ? 3 : 4;
      const toms: DrumVoice[] = ['snare', 'tomHigh', 'tomMid', 'tomLow'];
      for (let i = 0; i < sub; i++) {
        const voice = rng.chance(0.5)
          ? 'snare'
          : toms[Math.min(toms.length - 1, Math.floor((i * toms.length) / sub))];
        add(voice, beatsPerBar - 1 + i / sub, Math.round(80 + (40 * i) / sub + rng.jitter(5)), bar);
      }
    }
  }
  return notes.sort((a, b) => a.beat - b.beat || a.pitch - b.pitch);
}
