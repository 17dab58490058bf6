import { test } from 'vitest';
import { beatGrid } from '../../../packages/engine/src/analysis/beat-grid.js';
import { chromagram } from '../../../packages/engine/src/analysis/chroma.js';
import { detectKey } from '../../../packages/engine/src/analysis/key.js';
import { normaliseOnsets, onsetEnvelope } from '../../../packages/engine/src/analysis/onset.js';
import { estimateTempo } from '../../../packages/engine/src/analysis/tempo.js';
import { downmix } from '../../../packages/engine/src/dsp/downmix.js';
import { resample } from '../../../packages/engine/src/dsp/resample.js';
import { magnitudeSpectrogram } from '../../../packages/engine/src/dsp/stft.js';
import { runAccuracy } from '../accuracy.js';

const OFFSET = Number(process.env.OFF ?? 0);
test('tune', async () => {
  const split = (process.env.SPLIT ?? 'tune') as 'tune';
  const rep = await runAccuracy(
    (clip) => {
      const mono = resample(downmix(clip.channels), clip.sampleRate, 22050, 'analysis');
      const spec = magnitudeSpectrogram(mono, 22050, 1024, 256);
      const on = onsetEnvelope(spec);
      const norm = normaliseOnsets(on.strength, Math.round(on.frameRate));
      const t = estimateTempo(norm, on.frameRate, {
        minBpm: 40,
        maxBpm: 240,
        priorBpm: Number(process.env.PB ?? 115),
        priorOctaves: Number(process.env.PW ?? 1.1),
      });
      const g = beatGrid(on, norm, t.period);
      const beats = g.frames.map((f) => f / on.frameRate + OFFSET);
      const bpm = (60 * on.frameRate) / g.period;
      const low = resample(mono, 22050, 11025, 'analysis');
      const k = detectKey(chromagram(magnitudeSpectrogram(low, 11025, 4096, 1024)));
      return { bpm, beats, key: { tonic: k.tonic, mode: k.mode } };
    },
    split,
    { essentia: 'cache' },
  );
  const f = (a: any) =>
    a &&
    `n=${a.n} acc1=${(a.acc1 * 100).toFixed(1)} acc2=${(a.acc2 * 100).toFixed(1)} beatF=${(a.beatF * 100).toFixed(1)} key=${(a.keyScore * 100).toFixed(1)} ms=${a.msPerExcerpt.toFixed(0)}`;
  console.log('OURS', f(rep.ours));
  console.log('ESSN', f(rep.essentia));
  if (process.env.ROWS)
    for (const r of rep.rows)
      console.log(
        r.id.padEnd(36),
        r.timeSignature,
        'ref',
        r.refBpm.toFixed(1),
        r.refKey.padEnd(9),
        '| ours',
        r.ours?.bpm.toFixed(1),
        r.ours?.beatF.toFixed(2),
        r.ours?.key.padEnd(9),
        '| ess',
        r.essentia?.bpm.toFixed(1),
        r.essentia?.beatF.toFixed(2),
        r.essentia?.key,
      );
}, 1_200_000);
