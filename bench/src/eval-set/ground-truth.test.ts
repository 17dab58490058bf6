import { describe, expect, it } from 'vitest';
import { buildSmf } from '../test-support/midi.js';
import { abcKey, firstBar, splitTunes } from './abc.js';
import { beatGrid, beatUnit } from './grid.js';
import { checkKey, pitchClassHistogram } from './key-check.js';
import { candidateWindows } from './select.js';
import { parseSmf } from './smf.js';
import { buildTimeline } from './timeline.js';

describe('MIDI timeline and beat grid', () => {
  it('converts ticks to seconds through tempo changes', () => {
    const smf = parseSmf(
      buildSmf(480, [
        { tick: 0, tempoBpm: 120 },
        { tick: 1920, tempoBpm: 60 },
        { tick: 0, note: 60, ticks: 480 },
        { tick: 2400, note: 62, ticks: 480 },
      ]),
    );
    const tl = buildTimeline(smf);
    expect(tl.notes.map((n) => n.start)).toEqual([0, 3]);
    expect(tl.notes[1].end).toBeCloseTo(4);
  });

  it('counts 6/8 in dotted quarters and 3/4 in quarters, bars from the origin', () => {
    expect(beatUnit({ numerator: 6, denominator: 8 }, 480)).toEqual({
      beatTicks: 720,
      beatsPerBar: 2,
      ambiguous: false,
    });
    expect(beatUnit({ numerator: 3, denominator: 8 }, 480).beatsPerBar).toBe(1);
    expect(beatUnit({ numerator: 3, denominator: 4 }, 480)).toEqual({
      beatTicks: 480,
      beatsPerBar: 3,
      ambiguous: false,
    });
    expect(beatUnit({ numerator: 6, denominator: 4 }, 480).ambiguous).toBe(true);
    const tl = buildTimeline(
      parseSmf(
        buildSmf(480, [
          { tick: 0, tempoBpm: 90 },
          { tick: 0, meter: [6, 8] },
        ]),
      ),
    );
    const grid = beatGrid(tl, 240, 240 + 1440 * 2);
    expect(grid.map((b) => b.tick)).toEqual([240, 960, 1680, 2400]);
    expect(grid.map((b) => b.downbeat)).toEqual([true, false, true, false]);
    // dotted quarter at 90 quarter notes per minute = 60 beats per minute
    expect(grid[1].sec - grid[0].sec).toBeCloseTo(1);
  });

  it('picks windows that start on a bar line and skips tempo changes over 4 %', () => {
    const events: Parameters<typeof buildSmf>[1] = [
      { tick: 0, tempoBpm: 120 },
      { tick: 0, meter: [4, 4] },
    ];
    for (let b = 0; b < 80; b++) events.push({ tick: b * 480, note: b % 4 === 0 ? 48 : 60, ticks: 400 });
    events.push({ tick: 40 * 480, tempoBpm: 150 });
    const tl = buildTimeline(parseSmf(buildSmf(480, events)));
    const w = candidateWindows(tl, 0);
    expect(w.length).toBeGreaterThan(0);
    for (const x of w) {
      expect([120, 150]).toContain(x.bpm);
      expect(x.beats[0]).toBe(0);
      expect(x.downbeats.every((d) => x.beats.includes(d))).toBe(true);
      expect(x.beats.every((t) => t < 20)).toBe(true);
    }
    // no window spans the change at 20 s (40 beats at 120)
    expect(w.some((x) => x.start < 20 && x.start + 20 > 20)).toBe(false);
  });
});

describe('ABC', () => {
  const tune = (body: string, header = 'M:4/4\nL:1/8\nK:G') =>
    splitTunes(`X:1\nT:t\n${header}\n${body}\n`)[0];

  it('reads plain major and minor keys only', () => {
    expect(abcKey('G')).toEqual({ tonic: 'G', mode: 'major' });
    expect(abcKey('Am')).toEqual({ tonic: 'A', mode: 'minor' });
    expect(abcKey('Ebm')).toEqual({ tonic: 'Eb', mode: 'minor' });
    expect(abcKey('C treble')).toEqual({ tonic: 'C', mode: 'major' });
    expect(abcKey('F#min')).toEqual({ tonic: 'F#', mode: 'minor' });
    for (const k of ['Dphr ^F', 'C^f^c^a', 'HP', 'Ador', 'GMix', 'none']) expect(abcKey(k)).toBeNull();
  });

  it('measures the first bar to find pickups', () => {
    expect(firstBar(tune('|: G>A BB cBAc|BAGF E2D2|')).length).toBeCloseTo(1);
    expect(firstBar(tune('|: (3GGG G2 (3GGG G>d|B>GB>d g>dB>G|')).length).toBeCloseTo(1);
    expect(firstBar(tune('|:A|DED F2A|d2f ecA|', 'M:6/8\nL:1/8\nK:D')).length).toBeCloseTo(1 / 8);
    expect(firstBar(tune('g2|e2g2g3g|')).length).toBeCloseTo(1 / 4);
    expect(firstBar(tune('GA |B2 AB|D2 GA|', 'M:4/4\nL:1/4\nK:G')).length).toBeCloseTo(1 / 2);
    const gasn = firstBar(tune('|: zF2 \\\n| "Dm"A2 F2 A2 |', 'M:3/8\nL:1/16\nK:Dm'));
    expect(gasn.length).toBeCloseTo(3 / 16);
    expect(gasn.leadingRest).toBeCloseTo(1 / 16);
    expect(firstBar(tune('"A"[CEA]2 cA "F" aAce|')).length).toBeCloseTo(1);
  });
});

describe('key check', () => {
  const notes = (pitches: number[]) =>
    pitches.map((p, i) => ({
      channel: 0,
      pitch: p,
      velocity: 100,
      startTick: i,
      endTick: i + 1,
      start: i,
      end: i + 1,
    }));
  const cMajor = notes([60, 64, 67, 60, 62, 64, 65, 67, 69, 71, 72, 67, 64, 60, 60, 67]);

  it('accepts an annotation the notes bear out', () => {
    expect(checkKey(pitchClassHistogram(cMajor, 0, 100), { tonic: 'C', mode: 'major' }).ok).toBe(true);
  });

  it('rejects a placeholder that does not fit and a doubtful mode', () => {
    expect(checkKey(pitchClassHistogram(cMajor, 0, 100), { tonic: 'Eb', mode: 'major' }).ok).toBe(false);
    const aMinor = notes([69, 72, 76, 69, 71, 72, 74, 76, 77, 68, 69, 64, 69, 76, 72, 69]);
    const h = pitchClassHistogram(aMinor, 0, 100);
    expect(checkKey(h, { tonic: 'A', mode: 'minor' }).ok).toBe(true);
    expect(checkKey(h, { tonic: 'C', mode: 'major' }).ok).toBe(false);
  });
});

describe('transposition', () => {
  it('moves pitched notes and the key together, never the drums', async () => {
    const { transposeMessages } = await import('./render.js');
    const { transposeKey } = await import('../keys.js');
    const out = transposeMessages(
      [
        { sec: 0, bytes: [0x90, 60, 100] },
        { sec: 0, bytes: [0x99, 36, 100] },
        { sec: 1, bytes: [0x80, 60, 0] },
        { sec: 1, bytes: [0xb0, 7, 100] },
      ],
      -3,
    );
    expect(out.map((m) => m.bytes)).toEqual([
      [0x90, 57, 100],
      [0x99, 36, 100],
      [0x80, 57, 0],
      [0xb0, 7, 100],
    ]);
    expect(transposeKey({ tonic: 'C', mode: 'major' }, -3)).toEqual({ tonic: 'A', mode: 'major' });
    expect(transposeKey({ tonic: 'A', mode: 'minor' }, 5)).toEqual({ tonic: 'D', mode: 'minor' });
  });
});
