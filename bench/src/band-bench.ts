/** Speed of the backing band: generation, capture → variations, the player's block load, offline render. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  analyzeClip,
  createInstrumentFactory,
  generate,
  Player,
  positionValue,
  renderVariation,
  SoundFontBank,
} from '@alams/engine';
import { soundFontPath } from './eval-set/render.js';
import type { Clip } from './wav.js';

type Emit = (name: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export async function bandSpeed(clip: Clip, emit: Emit): Promise<void> {
  const bytes = readFileSync(soundFontPath());
  const bank = await SoundFontBank.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const createInstrument = createInstrumentFactory(bank);
  const analysis = analyzeClip(clip);
  if (analysis.status !== 'ok') throw new Error('speed clip has no musical content');
  for (let i = 0; i < 3; i++) generate(analysis, i);
  const gen: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    generate(analysis, 100 + i);
    gen.push(performance.now() - t0);
  }
  emit('generation_5_variations', median(gen), 'ms', {
    note: 'arrangements for 5 styles, default form (52 bars each)',
  });

  const capture: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const a = analyzeClip(clip);
    if (a.status === 'ok') generate(a, i);
    capture.push(performance.now() - t0);
  }
  emit('capture_to_5_variations', median(capture), 'ms', { note: 'analysis without notes + generation' });

  // The player's load per 128-frame block with every part playing (a chorus) and every effect on.
  const g = generate(analysis, 1);
  const player = new Player({ sampleRate: 48000, createInstrument });
  player.load(g);
  player.setKnob('effects', 76); // between Hall and Echo: reverb, delay and filters all active
  player.setKnob('arrangement', 64); // hold the chorus: drums, bass, keys, pad and lead
  player.start();
  const l = new Float32Array(128);
  const r = new Float32Array(128);
  const blockMs = (128 / 48000) * 1000;
  for (let i = 0; i < 2000; i++) player.process(l, r, 128); // reach the chorus and warm up
  const loads: number[] = [];
  for (let i = 0; i < 7500; i++) {
    const t0 = performance.now();
    player.process(l, r, 128);
    loads.push(((performance.now() - t0) / blockMs) * 100);
  }
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  emit('player_block_cpu_mean', mean, '%', {
    note: '128 frames at 48 kHz, chorus with all parts, effects on, SoundFont where the style asks',
    variation: g.variations[0].style,
  });
  emit('player_block_cpu_p99', percentile(loads, 0.99), '%');

  // Offline render of a whole arrangement, and of every variation's.
  player.setKnob('trackSelector', positionValue(0, g.variations.length));
  const v = g.variations[0];
  const seconds = v.totalBars * v.beatsPerBar * v.anchor.beatSeconds + 2;
  const t0 = performance.now();
  renderVariation(g, 0, { createInstrument });
  const wall = (performance.now() - t0) / 1000;
  emit('offline_render_realtime_factor', seconds / wall, 'x', {
    note: `${v.style}, ${seconds.toFixed(1)} s arrangement`,
  });
  emit('band_peak_rss', process.resourceUsage().maxRSS / 1024, 'MB', {
    note: 'whole process after analysis, generation, player and render',
  });
}
