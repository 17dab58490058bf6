import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeClip } from '../analysis/analyze.js';
import type { MusicAnalysis } from '../analysis/types.js';
import { progression, renderSong } from '../test-support/render-song.js';
import { describeVariation, GenerationError, generate, STYLES, variationDissonance } from './index.js';

let analysis: MusicAnalysis;

beforeAll(() => {
  const song = renderSong({
    bpm: 96,
    beatsPerBar: 4,
    subdivision: 2,
    progression: progression('A', 'minor', 4),
    bars: 8,
    drums: true,
  });
  const r = analyzeClip({ channels: song.channels, sampleRate: song.sampleRate });
  if (r.status !== 'ok') throw new Error('fixture has no musical content');
  analysis = r;
});

describe('generation', () => {
  it('offers five variations in different styles, in the capture’s tempo, metre and key, ranked by fit', () => {
    const g = generate(analysis, 1);
    expect(g.variations).toHaveLength(5);
    expect(new Set(g.variations.map((v) => v.style)).size).toBe(5);
    expect(new Set(g.variations.map((v) => v.family)).size).toBeGreaterThanOrEqual(4);
    for (const v of g.variations) {
      expect(v.bpm).toBe(analysis.tempo.bpm);
      expect(v.key.label).toBe(analysis.key.label);
      expect(v.timeSignature).toBe(analysis.tempo.timeSignature);
      expect(v.anchor.downbeat).toBe(analysis.tempo.downbeats[0]);
    }
    const fits = g.variations.map((v) => v.fit);
    expect([...fits].sort((a, b) => b - a)).toEqual(fits);
  });

  it('is reproducible byte for byte from (analysis, seed, preferences), and the seed matters', () => {
    const a = JSON.stringify(generate(analysis, 7, { variations: 3 }));
    const b = JSON.stringify(generate(analysis, 7, { variations: 3 }));
    expect(a).toBe(b);
    expect(JSON.stringify(generate(analysis, 8, { variations: 3 }))).not.toBe(a);
  });

  it('builds the form from sections of the requested lengths with the parts each section wants', () => {
    const g = generate(analysis, 3, { sectionBars: { verse: 12, chorus: 4 } });
    const v = g.variations[0];
    expect(v.sections.map((s) => s.name)).toEqual([
      'intro',
      'verse',
      'chorus',
      'verse',
      'chorus',
      'bridge',
      'chorus',
      'outro',
    ]);
    expect(v.sections.map((s) => s.bars)).toEqual([4, 12, 4, 12, 4, 8, 4, 4]);
    expect(v.totalBars).toBe(52);
    for (const s of v.sections) {
      const length = s.bars * v.beatsPerBar;
      expect(s.chords.reduce((a, c) => a + c.beats, 0)).toBeCloseTo(length, 9);
      for (const p of s.parts)
        for (const n of p.notes) {
          expect(n.beat).toBeGreaterThanOrEqual(0);
          expect(n.beat).toBeLessThan(length);
          expect(n.velocity).toBeGreaterThanOrEqual(1);
          expect(n.velocity).toBeLessThanOrEqual(127);
        }
    }
    const chorus = v.sections[2];
    const verse = v.sections[1];
    expect(chorus.parts.length).toBeGreaterThanOrEqual(verse.parts.length);
  });

  it('keeps under 2 % of sounding note pairs dissonant against the chord, in every style', () => {
    for (const seed of [1, 2, 3]) {
      const g = generate(analysis, seed, { styles: STYLES.map((s) => s.id) });
      for (const v of g.variations) {
        const d = variationDissonance(v);
        expect(d.pairs).toBeGreaterThan(100);
        expect(d.share, `${v.style}: ${d.examples.join('; ')}`).toBeLessThan(0.02);
      }
    }
  });

  it('resolves the outro on the tonic and never opens the bridge on it', () => {
    const g = generate(analysis, 11);
    for (const v of g.variations) {
      const outro = v.sections[v.sections.length - 1];
      const last = outro.chords[outro.chords.length - 1];
      expect(last.root).toBe(9); // A minor
      expect(['min', 'min7']).toContain(last.quality);
      const bridge = v.sections.find((s) => s.name === 'bridge');
      if (bridge && !v.followsPlayedChords) expect(bridge.chords[0].root).not.toBe(9);
    }
  });

  it('puts every note on the style’s grid (straight, swung or triplet) within 10 ms', () => {
    const g = generate(analysis, 5, { styles: STYLES.map((s) => s.id) });
    for (const v of g.variations) {
      const swung = new Set<number>();
      const ratio = v.feel.ratio;
      for (let k = 0; k < 4; k++) {
        swung.add(k / 4);
        if (v.feel.unit === 'eighth') swung.add(ratio / (1 + ratio));
        if (v.feel.unit === 'sixteenth') {
          swung.add((0.5 * ratio) / (1 + ratio));
          swung.add(0.5 + (0.5 * ratio) / (1 + ratio));
        }
      }
      for (let k = 0; k < 3; k++) swung.add(k / 3);
      const grid = [...swung];
      for (const s of v.sections)
        for (const p of s.parts)
          for (const n of p.notes) {
            const within = n.beat - Math.floor(n.beat);
            const off = Math.min(
              ...grid.map((g) => Math.min(Math.abs(within - g), Math.abs(within - g - 1))),
            );
            expect(off * v.anchor.beatSeconds, `${v.style} ${p.part} at ${n.beat}`).toBeLessThan(0.01);
          }
    }
  });

  it('refuses bad preferences with a message that lists what is valid', () => {
    expect(() => generate(analysis, 1, { variations: 7 })).toThrow(GenerationError);
    expect(() => generate(analysis, 1, { styles: ['polka'] })).toThrow(/valid styles: chill-beats/);
    expect(() => generate(analysis, 1, { sectionBars: { verse: 2 } })).toThrow(/4-16 bars/);
  });

  it('snapshots an arrangement as readable text', () => {
    const v = generate(analysis, 2024, { variations: 3 }).variations[0];
    expect(describeVariation(v, 2)).toMatchSnapshot();
  });
});
