import { describe, expect, it } from 'vitest';
import { phraseLoop, type SlotChord } from './harmony.js';

const c = (root: number, quality: SlotChord['quality'] = 'maj'): SlotChord => ({ root, quality });

describe('the played chord loop', () => {
  it('keeps whole phrases of 8, 4 or 2 bars (two slots per bar)', () => {
    const slots = Array.from({ length: 19 }, (_, i) => c(i % 2 === 0 ? 0 : 7));
    expect(phraseLoop(slots, 0, 'major')).toHaveLength(16);
    expect(phraseLoop(slots.slice(0, 11), 0, 'major')).toHaveLength(8);
    expect(phraseLoop(slots.slice(0, 5), 0, 'major')).toHaveLength(4);
  });

  it('opens on the tonic chord at a bar line when the musician played one', () => {
    // Bb Bb | Am Am | C7 C7 | F F | Dm Dm | Gm Gm | C7 C7 | F F | Bb Bb  (key F major)
    const roots = [10, 9, 0, 5, 2, 7, 0, 5, 10];
    const q: SlotChord['quality'][] = ['maj', 'min', '7', 'maj', 'min', 'min', '7', 'maj', 'maj'];
    const slots = roots.flatMap((r, i) => [c(r, q[i]), c(r, q[i])]);
    const loop = phraseLoop(slots, 5, 'major');
    expect(loop).toHaveLength(16); // 9 bars played: an 8-bar phrase
    expect(loop[0]).toEqual(c(5, 'maj'));
  });

  it('leaves a loop without a tonic chord as played', () => {
    const slots = [
      c(2, 'min'),
      c(2, 'min'),
      c(7, '7'),
      c(7, '7'),
      c(2, 'min'),
      c(2, 'min'),
      c(7, '7'),
      c(7, '7'),
    ];
    expect(phraseLoop(slots, 0, 'major')[0]).toEqual(c(2, 'min'));
  });
});
