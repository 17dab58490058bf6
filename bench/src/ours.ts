/** ALAMS's analyser in the accuracy runner's shape: `npm run eval -w @alams/bench -- --analyser ./dist/ours.js`. */
import { analyzeClip } from '@alams/engine';
import type { Analyse } from './accuracy.js';

export const analyse: Analyse = (clip) => {
  const r = analyzeClip(clip);
  if (r.status !== 'ok') return { bpm: Number.NaN, beats: [], key: null };
  return { bpm: r.tempo.bpm, beats: r.tempo.beats, key: { tonic: r.key.tonic, mode: r.key.mode } };
};
