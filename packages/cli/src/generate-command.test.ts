import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeClip } from '@alams/engine';
import { decodeWav, encodeWav } from '@alams/formats';
import { describe, expect, it } from 'vitest';
import { progression, renderSong } from '../../engine/src/test-support/render-song.js';
import { runGenerate } from './generate-command.js';
import { loadBasicPitchModel } from './node-model-loader.js';
import { loadFluidR3Mono } from './soundfont-loader.js';

const quiet = { update: () => {}, done: () => {} };

function run(file: string, extra: Partial<Parameters<typeof runGenerate>[1]> = {}) {
  let out = '';
  return runGenerate(file, {
    seed: 1,
    notes: false,
    json: true,
    loadModel: () => loadBasicPitchModel(),
    loadSoundFont: loadFluidR3Mono,
    write: (t) => {
      out += t;
    },
    progress: quiet,
    ...extra,
  }).then((code) => ({ code, out }));
}

describe('alams generate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alams-generate-'));
  const song = renderSong({
    bpm: 110,
    beatsPerBar: 4,
    subdivision: 2,
    progression: progression('G', 'major', 4),
    bars: 8,
    drums: true,
  });
  const clip = join(dir, 'clip.wav');
  writeFileSync(
    clip,
    encodeWav({ channels: song.channels, sampleRate: song.sampleRate }, { encoding: 'pcm16' }),
  );

  it('prints the analysis and the variations as one JSON object', async () => {
    const { code, out } = await run(clip, { variations: 3 });
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]);
    expect(j.analysis.bpm).toBeCloseTo(110, 0);
    expect(j.variations).toHaveLength(3);
    for (const v of j.variations) {
      expect(v.bpm).toBe(j.analysis.bpm);
      expect(v.key).toBe(j.analysis.keyLabel);
      expect(v.sections.map((s: { name: string }) => s.name)[0]).toBe('intro');
      expect(v.sections[1].startSec).toBeCloseTo((4 * 4 * 60) / j.analysis.bpm, 2);
      expect(v.parts.map((p: { part: string }) => p.part)).toEqual(['drums', 'bass', 'keys', 'pad', 'lead']);
    }
    expect(Object.keys(j.timingsMs)).toEqual(['analysis', 'generation']);
  });

  it('renders each variation to a 48 kHz stereo 24-bit WAV that holds the clip’s tempo', async () => {
    const out = join(dir, 'renders');
    // Files already there under every name the renders could take are never overwritten: they get "-2".
    mkdirSync(out);
    const taken = [1, 2, 3].flatMap((n) =>
      ['electronic', 'rock', 'jazz-trio'].map((s) => `clip_v${n}_${s}.wav`),
    );
    for (const name of taken) writeFileSync(join(out, name), 'keep me');
    const { code, out: text } = await run(clip, {
      variations: 3,
      renderDir: out,
      styles: ['electronic', 'rock', 'jazz-trio'],
    });
    expect(code).toBe(0);
    const j = JSON.parse(text);
    expect(readdirSync(out).filter((f) => f.endsWith('-2.wav'))).toHaveLength(3);
    for (const name of taken) expect(readFileSync(join(out, name), 'utf8')).toBe('keep me');
    expect(readdirSync(out).some((f) => f.includes('.partial'))).toBe(false);
    const first = j.variations[0];
    const bytes = readFileSync(first.file);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(34, true)).toBe(24);
    const audio = decodeWav(new Uint8Array(bytes));
    expect(audio.sampleRate).toBe(48000);
    expect(audio.channels).toHaveLength(2);
    // The first 20 s of the render (intro and most of the verse) analyse to the clip's tempo.
    const head = audio.channels.map((c) => c.subarray(0, 20 * 48000));
    const again = analyzeClip({ channels: head, sampleRate: 48000 });
    expect(again.status).toBe('ok');
    if (again.status === 'ok') expect(Math.abs(again.tempo.bpm / j.analysis.bpm - 1)).toBeLessThan(0.01);
    expect(j.timingsMs.render).toBeGreaterThan(0);
  }, 120_000);

  it('says clearly when the clip is silent, without a made-up tempo, and exits non-zero', async () => {
    const silent = join(dir, 'silent.wav');
    writeFileSync(
      silent,
      encodeWav({ channels: [new Float32Array(48000 * 3)], sampleRate: 48000 }, { encoding: 'pcm16' }),
    );
    const { code, out } = await run(silent);
    expect(code).toBe(1);
    const j = JSON.parse(out);
    expect(j.error.code).toBe('no_musical_content');
    expect(j.error.message).toMatch(/silent/);
    expect(j.analysis.bpm).toBeUndefined();
  });

  it('reports a broken file, a missing file and an unknown style as JSON errors', async () => {
    const broken = join(dir, 'broken.wav');
    writeFileSync(broken, 'RIFF....WAVEjunk');
    expect(JSON.parse((await run(broken)).out).error.code).toBe('no_fmt');
    const missing = await run(join(dir, 'nope.wav'));
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).error.code).toBe('not_found');
    const style = await run(clip, { styles: ['polka'] });
    expect(style.code).toBe(1);
    expect(JSON.parse(style.out).error.message).toMatch(/valid styles/);
  });
});
