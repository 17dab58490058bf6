import { describe, expect, it } from 'vitest';
import { kWeighting, measureLoudness } from './loudness.js';

const RATE = 48000;

/** A sine whose peak is `peakDbfs`, `phase` in radians. */
function sine(rate: number, freq: number, seconds: number, peakDbfs: number, phase = 0): Float32Array {
  const amp = 10 ** (peakDbfs / 20);
  const x = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < x.length; i++) x[i] = amp * Math.sin((2 * Math.PI * freq * i) / rate + phase);
  return x;
}

/** 1 kHz sine sections of [dBFS, seconds], as in EBU Tech 3341's test signals. */
function sections(rate: number, parts: [number, number][]): Float32Array {
  const out = new Float32Array(parts.reduce((n, [, s]) => n + Math.round(rate * s), 0));
  let at = 0;
  for (const [db, seconds] of parts) {
    const piece = sine(rate, 1000, seconds, db);
    // Keep the sine's phase continuous across sections, as a generator would.
    const amp = 10 ** (db / 20);
    for (let i = 0; i < piece.length; i++) piece[i] = amp * Math.sin((2 * Math.PI * 1000 * (at + i)) / rate);
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

const stereo = (x: Float32Array, rate = RATE) => ({ channels: [x, x.slice()], sampleRate: rate });

/**
 * 50 ms linear fades at both ends. A tone switched on mid-cycle really does overshoot between samples (the
 * band-limited step rings), so true-peak tests of steady tones fade in and out.
 */
function faded(x: Float32Array, rate = RATE): Float32Array {
  const ramp = Math.round(rate * 0.05);
  for (let i = 0; i < ramp; i++) {
    x[i] *= i / ramp;
    x[x.length - 1 - i] *= i / ramp;
  }
  return x;
}

/** Reference true peak: every output of the Annex 2 interpolator, no skipping (and never below the sample peak). */
function bruteTruePeak(channels: Float32Array[]): number {
  const h = [
    [
      0.001708984375, 0.010986328125, -0.0196533203125, 0.033203125, -0.0594482421875, 0.1373291015625,
      0.97216796875, -0.102294921875, 0.047607421875, -0.026611328125, 0.014892578125, -0.00830078125,
    ],
    [
      -0.0291748046875, 0.029296875, -0.0517578125, 0.089111328125, -0.16650390625, 0.465087890625,
      0.77978515625, -0.2003173828125, 0.1015625, -0.0582275390625, 0.0330810546875, -0.0189208984375,
    ],
  ];
  const phases = [h[0], h[1], [...h[1]].reverse(), [...h[0]].reverse()];
  let peak = 0;
  for (const x of channels) {
    for (let n = 0; n < x.length; n++) {
      peak = Math.max(peak, Math.abs(x[n]));
      for (const p of phases) {
        let y = 0;
        for (let k = 0; k < 12; k++) if (n - k >= 0) y += p[k] * x[n - k];
        peak = Math.max(peak, Math.abs(y));
      }
    }
  }
  return 20 * Math.log10(peak);
}

describe('kWeighting', () => {
  it('reproduces the BS.1770-4 48 kHz coefficients (Tables 1 and 2)', () => {
    const { shelf, highPass } = kWeighting(48000);
    expect(shelf.b0).toBeCloseTo(1.53512485958697, 12);
    expect(shelf.b1).toBeCloseTo(-2.69169618940638, 12);
    expect(shelf.b2).toBeCloseTo(1.19839281085285, 12);
    expect(shelf.a1).toBeCloseTo(-1.69065929318241, 12);
    expect(shelf.a2).toBeCloseTo(0.73248077421585, 12);
    expect([highPass.b0, highPass.b1, highPass.b2]).toEqual([1, -2, 1]);
    expect(highPass.a1).toBeCloseTo(-1.99004745483398, 12);
    expect(highPass.a2).toBeCloseTo(0.99007225036621, 12);
  });
});

describe('measureLoudness (EBU Tech 3341 / BS.1770-4)', () => {
  for (const rate of [48000, 44100]) {
    it(`reads a stereo 1 kHz sine at −23 dBFS as −23.0 LUFS at ${rate} Hz (Tech 3341 test 1)`, () => {
      expect(measureLoudness(stereo(sine(rate, 1000, 20, -23), rate)).lufs).toBeCloseTo(-23, 1);
    });
  }

  it('reads −33 dBFS as −33.0 LUFS (test 2)', () => {
    expect(measureLoudness(stereo(sine(RATE, 1000, 20, -33))).lufs).toBeCloseTo(-33, 1);
  });

  it('gates: −36/−23/−36 dBFS and −72/−36/−23/−36/−72 dBFS read −23.0 LUFS (tests 3 and 4)', () => {
    const t3 = sections(RATE, [
      [-36, 10],
      [-23, 60],
      [-36, 10],
    ]);
    expect(measureLoudness(stereo(t3)).lufs).toBeCloseTo(-23, 1);
    const t4 = sections(RATE, [
      [-72, 10],
      [-36, 10],
      [-23, 60],
      [-36, 10],
      [-72, 10],
    ]);
    expect(measureLoudness(stereo(t4)).lufs).toBeCloseTo(-23, 1);
  });

  it('reads −26/−20/−26 dBFS (20/20.1/20 s) as −23.0 LUFS (test 5)', () => {
    const t5 = sections(RATE, [
      [-26, 20],
      [-20, 20.1],
      [-26, 20],
    ]);
    expect(measureLoudness(stereo(t5)).lufs).toBeCloseTo(-23, 1);
  });

  it('reads mono 3 dB below the same signal in both channels, and L/R weigh the same', () => {
    const x = sine(RATE, 1000, 10, -23);
    const mono = measureLoudness({ channels: [x], sampleRate: RATE }).lufs;
    expect(mono).toBeCloseTo(-26.01, 1);
    const leftOnly = measureLoudness({ channels: [x, new Float32Array(x.length)], sampleRate: RATE }).lufs;
    const rightOnly = measureLoudness({ channels: [new Float32Array(x.length), x], sampleRate: RATE }).lufs;
    expect(leftOnly).toBeCloseTo(mono, 6);
    expect(rightOnly).toBeCloseTo(mono, 6);
  });

  it('measures a loud section followed by long near-silence as the loud section', () => {
    const loud = measureLoudness(stereo(sections(RATE, [[-14, 8]]))).lufs;
    // −50 dBFS passes the absolute gate but not the relative one; −90 dBFS fails both.
    const withQuiet = sections(RATE, [
      [-14, 8],
      [-50, 40],
      [-90, 20],
    ]);
    // Without the gates the mean over 68 s would read ~9 dB lower; blocks straddling the drop cost < 0.1 dB.
    expect(Math.abs(measureLoudness(stereo(withQuiet)).lufs - loud)).toBeLessThan(0.1);
  });

  it('reads the same curve at any sample rate (K-weighting from the analogue prototype)', () => {
    for (const freq of [60, 1000, 8000]) {
      const at48 = measureLoudness(stereo(sine(48000, freq, 3, -20), 48000)).lufs;
      for (const rate of [22050, 32000, 44100, 88200, 96000]) {
        const lufs = measureLoudness(stereo(sine(rate, freq, 3, -20), rate)).lufs;
        expect(Math.abs(lufs - at48), `${freq} Hz at ${rate} Hz`).toBeLessThan(
          rate < 32000 ? (freq > 5000 ? 0.3 : 0.1) : 0.05,
        );
      }
    }
  });

  it('measures a clip shorter than one 400 ms block as a single block', () => {
    expect(measureLoudness(stereo(sine(RATE, 1000, 0.3, -23))).lufs).toBeCloseTo(-23, 1);
  });

  it('reads digital silence and empty input as −Infinity', () => {
    for (const audio of [
      stereo(new Float32Array(RATE * 2)),
      { channels: [new Float32Array(0)], sampleRate: RATE },
    ]) {
      expect(measureLoudness(audio)).toEqual({
        lufs: Number.NEGATIVE_INFINITY,
        truePeakDb: Number.NEGATIVE_INFINITY,
        samplePeakDb: Number.NEGATIVE_INFINITY,
      });
    }
    // Below the absolute gate: no loudness, but peaks are real.
    const faint = measureLoudness(stereo(sine(RATE, 1000, 2, -80)));
    expect(faint.lufs).toBe(Number.NEGATIVE_INFINITY);
    expect(faint.samplePeakDb).toBeCloseTo(-80, 2);
  });
});

describe('true peak (BS.1770-4 Annex 2)', () => {
  it('finds the inter-sample peak of a full-scale fs/4 sine at 45°', () => {
    const r = measureLoudness({
      channels: [faded(sine(RATE, RATE / 4, 1, 0, Math.PI / 4))],
      sampleRate: RATE,
    });
    expect(r.samplePeakDb).toBeCloseTo(-3.01, 2);
    // Tech 3341 allows +0.2 / −0.4 dB for true peak.
    expect(r.truePeakDb).toBeGreaterThan(-0.4);
    expect(r.truePeakDb).toBeLessThan(0.2);
  });

  it('reads Tech 3341 tests 15-19 within +0.2/−0.4 dB', () => {
    const cases: [number, number, number, number][] = [
      // [frequency / fs, phase in degrees, peak dBFS, expected dBTP]
      [1 / 4, 0, -6.02, -6],
      [1 / 4, 45, -6.02, -6],
      [1 / 6, 60, -6.02, -6],
      [1 / 8, 67.5, -6.02, -6],
      [1 / 4, 45, 3.01, 3],
    ];
    for (const [f, deg, peak, expected] of cases) {
      const x = faded(sine(RATE, f * RATE, 2, peak, (deg * Math.PI) / 180));
      const tp = measureLoudness(stereo(x)).truePeakDb;
      expect(tp, `fs·${f.toFixed(3)} at ${deg}°`).toBeGreaterThan(expected - 0.4);
      expect(tp, `fs·${f.toFixed(3)} at ${deg}°`).toBeLessThan(expected + 0.2);
    }
  });

  it('skipping quiet stretches never changes the result (matches an exhaustive search)', () => {
    // Bursts of noise and clicks over quiet tone: most stretches are skippable, a few are not.
    let seed = 7;
    const rand = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32 - 0.5;
    };
    for (const trial of [0, 1, 2]) {
      const n = RATE * 2;
      const l = new Float32Array(n);
      const r = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const burst = i % 12000 < 600 ? 1.6 : 0.05;
        l[i] = burst * rand() + 0.01 * Math.sin(i * 0.05);
        r[i] = (trial === 2 ? 0.3 : burst) * rand();
      }
      l[RATE + trial * 1000] = 0.99;
      r[RATE + 10] = -0.98;
      const fast = measureLoudness({ channels: [l, r], sampleRate: RATE }).truePeakDb;
      expect(fast).toBeCloseTo(bruteTruePeak([l, r]), 9);
    }
  });

  it('reports the sample peak and never a true peak below it', () => {
    const x = new Float32Array(RATE);
    x[1000] = -0.5;
    const r = measureLoudness({ channels: [x], sampleRate: RATE });
    expect(r.samplePeakDb).toBeCloseTo(-6.0206, 3);
    expect(r.truePeakDb).toBeGreaterThanOrEqual(r.samplePeakDb);
  });

  it('does not oversample at 192 kHz and above', () => {
    const r = measureLoudness({ channels: [sine(192000, 48000, 1, 0, Math.PI / 4)], sampleRate: 192000 });
    expect(r.truePeakDb).toBe(r.samplePeakDb);
  });
});
