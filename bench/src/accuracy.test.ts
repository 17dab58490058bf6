import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAccuracy } from './accuracy.js';
import type { Excerpt, Manifest } from './manifest.js';
import { writeWavFloat32 } from './wav.js';

const dir = mkdtempSync(join(tmpdir(), 'alams-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function excerpt(id: string, split: Excerpt['split'], key: Excerpt['key']): Excerpt {
  const beats = Array.from({ length: 8 }, (_, i) => i * 0.5);
  return {
    id,
    split,
    source: { package: 'test', version: '0', file: id },
    licence: 'none',
    audio: `audio/${id}.wav`,
    offset: 0,
    duration: 4,
    sampleRate: 48000,
    bpm: 120,
    timeSignature: '4/4',
    beats,
    downbeats: [0, 2],
    key,
    keySource: key ? 'abc-k-field' : null,
    transpose: 0,
    keyAsWritten: key,
  };
}

function setup(): string {
  mkdirSync(join(dir, 'audio'), { recursive: true });
  const excerpts = [
    excerpt('a', 'test', { tonic: 'C', mode: 'major' }),
    excerpt('b', 'test', null),
    excerpt('c', 'tune', { tonic: 'A', mode: 'minor' }),
  ];
  for (const e of excerpts) {
    const x = new Float32Array(4 * 48000);
    for (const t of e.beats) for (let i = 0; i < 200; i++) x[Math.round(t * 48000) + i] = 0.5 * (1 - i / 200);
    writeWavFloat32(join(dir, e.audio), { channels: [x, x.slice()], sampleRate: 48000 });
  }
  const manifest: Manifest = { description: 'test', soundFont: 'none', excerpts };
  const path = join(dir, 'manifest.json');
  writeFileSync(path, JSON.stringify(manifest));
  return path;
}

describe('runAccuracy', () => {
  const manifestPath = setup();

  it('scores a perfect analyser at 100 % on the chosen split only', async () => {
    const seen: number[] = [];
    const report = await runAccuracy(
      (clip) => {
        seen.push(clip.sampleRate, clip.channels.length, clip.channels[0].length);
        return { bpm: 120, beats: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], key: { tonic: 'C', mode: 'major' } };
      },
      'test',
      { manifestPath, essentia: 'off' },
    );
    expect(seen.slice(0, 3)).toEqual([48000, 2, 192000]);
    expect(report.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(report.essentia).toBeUndefined();
    expect(report.ours).toMatchObject({ n: 2, nKey: 1, acc1: 1, acc2: 1, beatF: 1, keyScore: 1, errors: 0 });
    expect(report.ours?.msPerExcerpt).toBeGreaterThanOrEqual(0);
  });

  it('counts double tempo for Acc2 only, relative keys at 0.3, and failures as wrong', async () => {
    const report = await runAccuracy(
      () => ({
        bpm: 240,
        beats: Array.from({ length: 16 }, (_, i) => i * 0.25),
        key: { tonic: 'C', mode: 'major' },
      }),
      'tune',
      { manifestPath, essentia: 'off' },
    );
    expect(report.ours).toMatchObject({ n: 1, acc1: 0, acc2: 1, keyScore: 0.3 });
    expect(report.ours?.beatF).toBeCloseTo(2 / 3);
    const failing = await runAccuracy(
      () => {
        throw new Error('boom');
      },
      'all',
      { manifestPath, essentia: 'off' },
    );
    expect(failing.ours).toMatchObject({ n: 3, acc1: 0, beatF: 0, keyScore: 0, errors: 3 });
    expect(failing.rows[0].ours?.error).toContain('boom');
  });
});
