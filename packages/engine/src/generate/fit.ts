import type { MusicAnalysis } from '../analysis/types.js';
import type { Style } from './styles.js';

/** Tempo distance (BPM) outside a style's range at which its tempo fit falls to 1/e. */
const TEMPO_FALLOFF = 25;

/**
 * How well a style suits the capture, 0-1: the analysis's ranking of its family (40 %), whether the tempo is
 * in the style's range (25 %), how close the percussiveness (20 %) and the swing (15 %) are to the style's.
 */
export function styleFit(style: Style, analysis: MusicAnalysis): number {
  const { ranking, features } = analysis.style;
  const scores = ranking.map((r) => r.score);
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  const own = ranking.find((r) => r.name === style.family)?.score ?? min;
  const family = max > min ? (own - min) / (max - min) : 0.5;
  const bpm = analysis.tempo.bpm;
  const outside =
    bpm < style.tempo.min ? style.tempo.min - bpm : bpm > style.tempo.max ? bpm - style.tempo.max : 0;
  const tempo = Math.exp(-((outside / TEMPO_FALLOFF) ** 2));
  const perc = 1 - Math.min(1, Math.abs(features.percussiveness - style.prototype.percussiveness));
  const swing = Math.exp(-Math.abs(features.swingRatio - style.prototype.swing) / 0.3);
  return 0.4 * family + 0.25 * tempo + 0.2 * perc + 0.15 * swing;
}
