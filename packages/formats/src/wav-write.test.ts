import { describe, expect, it } from 'vitest';
import { decodeWav } from './wav-read.js';
import { encodeWav } from './wav-write.js';

const tone = (n: number, f: number) =>
  Float32Array.from({ length: n }, (_, i) => 0.8 * Math.sin(2 * Math.PI * f * (i / 48000)));

describe('WAV writer', () => {
  it('round-trips 24-bit, 16-bit and float stereo through our reader within one quantisation step', () => {
    const channels = [tone(4800, 440), tone(4800, 660)];
    for (const [encoding, step] of [
      ['pcm24', 1 / 8388608],
      ['pcm16', 1 / 32768],
      ['float32', 0],
    ] as const) {
      const decoded = decodeWav(encodeWav({ channels, sampleRate: 48000 }, { encoding }));
      expect(decoded.sampleRate).toBe(48000);
      expect(decoded.channels).toHaveLength(2);
      expect(decoded.truncated).toBe(false);
      for (let c = 0; c < 2; c++)
        for (let i = 0; i < 4800; i += 17)
          expect(Math.abs(decoded.channels[c][i] - channels[c][i])).toBeLessThanOrEqual(step + 1e-7);
    }
  });

  it('clamps overs and writes NaN as silence instead of corrupting the file', () => {
    const x = Float32Array.from([2, -3, Number.NaN, 0.5]);
    const d = decodeWav(encodeWav({ channels: [x], sampleRate: 44100 }, { encoding: 'pcm16' }));
    expect(Array.from(d.channels[0]).map((v) => Math.round(v * 1000) / 1000)).toEqual([1, -1, 0, 0.5]);
  });

  it('writes the canonical header fields', () => {
    const bytes = encodeWav({ channels: [new Float32Array(10), new Float32Array(10)], sampleRate: 48000 });
    const v = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    expect(v.getUint32(4, true)).toBe(bytes.length - 8);
    expect(v.getUint16(34, true)).toBe(24);
    expect(v.getUint32(28, true)).toBe(48000 * 6);
    expect(v.getUint32(40, true)).toBe(60);
  });

  it('rejects mismatched channels and bad rates', () => {
    expect(() =>
      encodeWav({ channels: [new Float32Array(2), new Float32Array(3)], sampleRate: 48000 }),
    ).toThrow(/equal lengths/);
    expect(() => encodeWav({ channels: [new Float32Array(2)], sampleRate: 0 })).toThrow(/sample rate/);
  });
});
