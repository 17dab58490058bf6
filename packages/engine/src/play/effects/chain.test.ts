import { describe, expect, it } from 'vitest';
import { EFFECTS_PRESETS, effects } from '../knobs.js';
import { EffectsChain } from './chain.js';

const RATE = 48000;
const BLOCK = 128;

function render(
  chain: EffectsChain,
  input: (i: number) => number,
  seconds: number,
  onBlock?: (block: number) => void,
) {
  const n = Math.round(seconds * RATE);
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    l[i] = input(i);
    r[i] = input(i);
  }
  const sendL = l.slice();
  const sendR = r.slice();
  for (let s = 0, b = 0; s < n; s += BLOCK, b++) {
    onBlock?.(b);
    chain.process(l, r, sendL, sendR, s, Math.min(BLOCK, n - s));
  }
  return { l, r };
}

describe('effects chain', () => {
  it('turns silence into exact silence at every preset', () => {
    for (let p = 0; p < EFFECTS_PRESETS.length; p++) {
      const chain = new EffectsChain(RATE);
      chain.set(EFFECTS_PRESETS[p], 0.5, true);
      const { l, r } = render(chain, () => 0, 0.5);
      expect(l.every((x) => x === 0) && r.every((x) => x === 0)).toBe(true);
    }
  });

  it('stays finite and bounded when the knob jumps every block', () => {
    const chain = new EffectsChain(RATE);
    let seed = 1;
    const { l, r } = render(
      chain,
      (i) => 0.5 * Math.sin(i * 0.05) * (i % 9600 < 400 ? 1 : 0.2),
      3,
      () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        chain.set(effects(seed % 128), 0.4);
      },
    );
    let peak = 0;
    for (let i = 0; i < l.length; i++) {
      expect(Number.isFinite(l[i]) && Number.isFinite(r[i])).toBe(true);
      peak = Math.max(peak, Math.abs(l[i]), Math.abs(r[i]));
    }
    expect(peak).toBeLessThan(4);
  });

  it('echoes an impulse at the tempo-synced delay time', () => {
    const chain = new EffectsChain(RATE);
    const settings = { ...EFFECTS_PRESETS[0], delayMix: 1, delayFeedback: 0, delayBeats: 0.5 };
    chain.set(settings, 0.5, true); // 120 BPM: half a beat = 0.25 s
    const { l } = render(chain, (i) => (i === 0 ? 1 : 0), 0.5);
    let at = -1;
    let max = 0;
    for (let i = 100; i < l.length; i++)
      if (Math.abs(l[i]) > max) {
        max = Math.abs(l[i]);
        at = i;
      }
    expect(Math.abs(at - 0.25 * RATE)).toBeLessThanOrEqual(2);
  });

  it('lets a reverb tail decay by about 60 dB in its decay time', () => {
    const chain = new EffectsChain(RATE);
    chain.set({ ...EFFECTS_PRESETS[0], reverbMix: 1, reverbSeconds: 1 }, 0.5, true);
    const { l } = render(chain, (i) => (i < 480 ? Math.sin(i * 0.03) : 0), 2);
    const rms = (fromSeconds: number, toSeconds: number) => {
      const from = Math.round(fromSeconds * RATE);
      const to = Math.round(toSeconds * RATE);
      let s = 0;
      for (let i = from; i < to; i++) s += l[i] * l[i];
      return Math.sqrt(s / (to - from));
    };
    const early = rms(0.1, 0.2);
    const late = rms(1.1, 1.2);
    const dropDb = 20 * Math.log10(early / late);
    expect(dropDb).toBeGreaterThan(45);
    expect(dropDb).toBeLessThan(80);
  });

  it('narrows to mono at width 0', () => {
    const chain = new EffectsChain(RATE);
    chain.set({ ...EFFECTS_PRESETS[0], width: 0 }, 0.5, true);
    const n = 4800;
    const l = new Float32Array(n).map((_, i) => Math.sin(i * 0.1));
    const r = new Float32Array(n).map((_, i) => Math.cos(i * 0.1));
    const zeros = new Float32Array(n);
    for (let s = 0; s < n; s += BLOCK) chain.process(l, r, zeros, zeros, s, BLOCK);
    for (let i = 0; i < n; i += 13) expect(l[i]).toBeCloseTo(r[i], 6);
  });
});
