import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progression, renderSong } from '../../engine/src/test-support/render-song.js';
import { runAnalyze } from './analyze-command.js';
import { loadBasicPitchModel } from './node-model-loader.js';

/** 16-bit PCM WAV, little-endian, interleaved. */
function wav16(channels: Float32Array[], sampleRate: number): Uint8Array {
  const n = channels[0].length;
  const bytes = new Uint8Array(44 + n * channels.length * 2);
  const v = new DataView(bytes.buffer);
  const ascii = (o: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  v.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels.length, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels.length * 2, true);
  v.setUint16(32, channels.length * 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, n * channels.length * 2, true);
  let o = 44;
  for (let i = 0; i < n; i++) {
    for (const c of channels) {
      v.setInt16(o, Math.round(Math.max(-1, Math.min(1, c[i])) * 32767), true);
      o += 2;
    }
  }
  return bytes;
}

describe('alams analyze', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alams-cli-'));
  const song = renderSong({
    bpm: 104,
    beatsPerBar: 4,
    subdivision: 2,
    progression: progression('D', 'major', 4),
    bars: 8,
  });
  const good = join(dir, 'song.wav');
  writeFileSync(good, wav16(song.channels, song.sampleRate));
  const silent = join(dir, 'silent.wav');
  writeFileSync(silent, wav16([new Float32Array(48000 * 3)], 48000));
  const notWav = join(dir, 'notes.txt');
  writeFileSync(notWav, 'not audio');

  it('prints one JSON line per file with the documented fields, errors as JSON, and exit status 1 at the end', async () => {
    const lines: string[] = [];
    const status = await runAnalyze([good, join(dir, 'missing.wav'), notWav, silent], {
      notes: false,
      loadModel: () => Promise.reject(new Error('notes were not asked for')),
      write: (l) => lines.push(l),
    });
    expect(status).toBe(1);
    expect(lines).toHaveLength(4);
    const [a, missing, bad, quiet] = lines.map((l) => JSON.parse(l));
    for (const field of [
      'file',
      'bpm',
      'beats',
      'downbeats',
      'timeSignature',
      'key',
      'keyLabel',
      'chords',
      'loudness',
      'style',
      'timingsMs',
    ]) {
      expect(a).toHaveProperty(field);
    }
    expect(a.file).toBe(good);
    expect(a.bpm).toBeCloseTo(104, 0);
    expect(a.keyLabel).toBe('D major');
    expect(a.key).toMatchObject({ tonic: 'D', mode: 'major' });
    expect(a.timeSignature).toBe('4/4');
    expect(a.chords[0]).toEqual(
      expect.objectContaining({
        start: expect.any(Number),
        end: expect.any(Number),
        label: expect.any(String),
      }),
    );
    expect(a.notes).toBeUndefined();
    expect(a.style).toHaveLength(8);
    expect(missing.error.code).toBe('not_found');
    expect(bad.error.code).toBe('not_riff');
    expect(quiet).toMatchObject({ status: 'no_musical_content', reason: 'silence' });
  });

  it('exits 0 when every file is read', async () => {
    const lines: string[] = [];
    const status = await runAnalyze([good], {
      notes: false,
      loadModel: () => Promise.reject(new Error('unused')),
      write: (l) => lines.push(l),
    });
    expect(status).toBe(0);
    expect(JSON.parse(lines[0]).status).toBe('ok');
  });

  it('transcribes notes with Basic Pitch unless --no-notes', async () => {
    const short = renderSong({
      bpm: 100,
      beatsPerBar: 4,
      subdivision: 2,
      progression: progression('C', 'major', 4),
      bars: 2,
      drums: false,
    });
    const file = join(dir, 'short.wav');
    writeFileSync(file, wav16(short.channels, short.sampleRate));
    const lines: string[] = [];
    await runAnalyze([file], {
      notes: true,
      loadModel: () => loadBasicPitchModel(),
      write: (l) => lines.push(l),
    });
    const { notes } = JSON.parse(lines[0]);
    expect(notes.length).toBeGreaterThan(4);
    // The first chord is C major: C, E and G are among the notes heard in its first beat.
    const first = new Set(
      notes.filter((n: { start: number }) => n.start < 0.3).map((n: { pitch: number }) => n.pitch % 12),
    );
    for (const pc of [0, 4, 7]) expect(first).toContain(pc);
  });
});
