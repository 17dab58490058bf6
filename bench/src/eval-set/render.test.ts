import { describe, expect, it } from 'vitest';
import { buildSmf } from '../test-support/midi.js';
import { renderClip } from './render.js';
import { parseSmf } from './smf.js';
import { buildTimeline } from './timeline.js';

/** First sample at or after `from` seconds whose level passes a threshold. */
function onsetNear(x: Float32Array, sr: number, t: number, threshold: number): number {
  const a = Math.max(0, Math.round((t - 0.02) * sr));
  const b = Math.min(x.length, Math.round((t + 0.05) * sr));
  for (let i = a; i < b; i++) if (Math.abs(x[i]) > threshold) return i / sr;
  return Number.NaN;
}

describe('rendering', () => {
  it('puts notes where the tempo map says, also after a tempo change and with a preroll', async () => {
    const events: Parameters<typeof buildSmf>[1] = [
      { tick: 0, tempoBpm: 100 },
      { tick: 0, program: 0 },
      { tick: 8 * 480, tempoBpm: 140 },
    ];
    for (let b = 0; b < 24; b++) events.push({ tick: b * 480, note: 72, ticks: 120, velocity: 110 });
    const tl = buildTimeline(parseSmf(buildSmf(480, events)));
    const from = tl.notes[10].start; // after the change
    const clip = await renderClip({
      messages: tl.messages,
      from,
      duration: 3,
      sampleRate: 48000,
      preroll: 1,
    });
    expect(clip.channels).toHaveLength(2);
    expect(clip.channels[0].length).toBe(3 * 48000);
    const x = clip.channels[0];
    const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(peak).toBeGreaterThan(0.01);
    const expected = tl.notes
      .filter((n) => n.start >= from && n.start < from + 2.9)
      .map((n) => n.start - from);
    expect(expected.length).toBeGreaterThan(5);
    for (const t of expected) {
      const found = onsetNear(x, 48000, t, peak * 0.05);
      expect(Math.abs(found - t)).toBeLessThan(0.005);
    }
  });
});
