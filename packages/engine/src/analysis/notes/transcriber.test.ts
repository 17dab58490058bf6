import { describe, expect, it } from 'vitest';
import type { NoteEvent } from '../types.js';
import { firstFrameAtOrAfter, framePosition, MODEL_FRAMES, N_PITCHES, WINDOW_SAMPLES } from './constants.js';
import type { BasicPitchModel } from './model.js';
import { NoteTranscriber, transcribe } from './transcriber.js';

const SR = 22050;

/**
 * A stand-in network that reads "audio" as a code: a sample value v > 0 means key (v·100 − 1) is held,
 * and model frame k sees the sample at its centre, k·256 into the window. Notes then come out exactly where
 * the windowing puts frames, which pins down alignment, trimming and padding without the real model.
 */
function probeModel(): BasicPitchModel & { calls: number } {
  const probe = {
    calls: 0,
    predict(window: Float32Array) {
      probe.calls++;
      expect(window.length).toBe(WINDOW_SAMPLES);
      const frames = new Float32Array(MODEL_FRAMES * N_PITCHES);
      const onsets = new Float32Array(MODEL_FRAMES * N_PITCHES);
      for (let k = 0; k < MODEL_FRAMES; k++) {
        const v = window[k * 256];
        const before = k > 0 ? window[(k - 1) * 256] : 0;
        if (v > 0) {
          const p = Math.round(v * 100) - 1;
          frames[k * N_PITCHES + p] = 0.9;
          if (v !== before) onsets[k * N_PITCHES + p] = 0.9;
        }
      }
      return { frames, onsets };
    },
  };
  return probe;
}

interface Held {
  pitch: number;
  from: number;
  to: number;
}

/** "Audio" for the probe: each held note as a run of its code value (sample positions). */
function codeAudio(length: number, notes: Held[]): Float32Array {
  const audio = new Float32Array(length);
  for (const n of notes) audio.fill((n.pitch - 21 + 1) / 100, n.from, n.to);
  return audio;
}

/** Where the probe's notes must land: on the first frame centred at or after each edge. */
function expectedNotes(notes: Held[], length: number): Pick<NoteEvent, 'pitch' | 'start' | 'duration'>[] {
  const last = firstFrameAtOrAfter(length);
  return notes.map((n) => {
    const start = framePosition(firstFrameAtOrAfter(n.from));
    const end = framePosition(Math.min(firstFrameAtOrAfter(n.to), last - 1));
    return { pitch: n.pitch, start: start / SR, duration: (end - start) / SR };
  });
}

function pushInChunks(t: NoteTranscriber, audio: Float32Array, sizes: () => number): void {
  for (let at = 0; at < audio.length; ) {
    const n = sizes();
    t.push(audio.subarray(at, at + n));
    at += n;
  }
}

/** A note every 0.8 s, cycling through pitches, each 0.5 s long: many cross window joins. */
function melody(seconds: number): Held[] {
  const notes: Held[] = [];
  for (let i = 0; (i + 1) * 0.8 < seconds; i++) {
    const from = Math.round((0.13 + i * 0.8) * SR) + i * 37;
    notes.push({ pitch: 48 + ((i * 5) % 24), from, to: from + Math.round(0.5 * SR) });
  }
  return notes;
}

describe('NoteTranscriber windowing', () => {
  it('puts every frame where Basic Pitch windows put it', () => {
    const length = 25 * SR;
    const held = melody(25);
    const notes = transcribe(probeModel(), codeAudio(length, held));
    expect(notes.map(({ pitch, start, duration }) => ({ pitch, start, duration }))).toEqual(
      expectedNotes(held, length).map((n) => ({ ...n, start: expect.closeTo(n.start, 9) })),
    );
    expect(notes.every((n) => n.velocity === Math.round(0.9 * 127))).toBe(true);
  });

  it('gives the same notes however the audio is chunked', () => {
    const length = Math.round(13.7 * SR);
    const audio = codeAudio(length, melody(13.7));
    const oneShot = transcribe(probeModel(), audio);
    let seed = 7;
    const chunkings: (() => number)[] = [
      () => SR / 2,
      () => 128,
      () => (seed = (seed * 48271) % 2147483647) % 30000,
      () => 43_844,
    ];
    for (const sizes of chunkings) {
      const t = new NoteTranscriber(probeModel());
      pushInChunks(t, audio, sizes);
      expect(t.finish()).toEqual(oneShot);
    }
  });

  it('runs at most two windows at finish, whatever the tail length', () => {
    for (const seconds of [0.3, 1.9, 2.0, 3.5, 3.6, 5.2, 6.9]) {
      const model = probeModel();
      const length = Math.round(seconds * SR);
      const t = new NoteTranscriber(model);
      t.push(codeAudio(length, [{ pitch: 60, from: 100, to: length - 100 }]));
      const before = model.calls;
      const notes = t.finish();
      expect(model.calls - before).toBeLessThanOrEqual(2);
      expect(notes.map((n) => n.pitch)).toEqual(seconds > 0.2 ? [60] : []);
    }
  });

  it('keeps streaming after finish: CAPTURE does not disturb later windows', () => {
    const length = 11 * SR;
    const audio = codeAudio(length, melody(11));
    const t = new NoteTranscriber(probeModel());
    t.push(audio.subarray(0, 4 * SR + 17));
    const early = t.finish();
    t.push(audio.subarray(4 * SR + 17));
    expect(t.finish()).toEqual(transcribe(probeModel(), audio));
    expect(early.length).toBeGreaterThan(2);
  });

  it('returns nothing before any audio and nothing for silence', () => {
    expect(new NoteTranscriber(probeModel()).finish()).toEqual([]);
    expect(transcribe(probeModel(), new Float32Array(5 * SR))).toEqual([]);
  });
});

describe('NoteTranscriber retention', () => {
  it('holds a fixed amount of memory and only the last retentionSeconds over a long stream', () => {
    const t = new NoteTranscriber(probeModel(), { retentionSeconds: 30 });
    const bytes = t.memoryBytes;
    expect(bytes).toBeLessThan(2.2e6);
    const minute = codeAudio(60 * SR, melody(60));
    for (let i = 0; i < 3; i++) pushInChunks(t, minute, () => SR / 2);
    expect(t.memoryBytes).toBe(bytes);
    expect(t.duration).toBe(180);
    expect(t.retainedFrom).toBeGreaterThan(180 - 32);
    expect(t.retainedFrom).toBeLessThan(180 - 29);

    // Notes keep stream times; nothing from before the horizon survives but the tail of one held across it.
    const notes = t.finish();
    const shifted = melody(60).map((n) => ({ ...n, from: n.from + 120 * SR, to: n.to + 120 * SR }));
    const lastMinute = expectedNotes(shifted, 180 * SR);
    const retained = lastMinute.filter((n) => n.start >= t.retainedFrom);
    const whole = notes.filter((n) => n.start > t.retainedFrom + 0.05);
    expect(whole.map((n) => n.pitch)).toEqual(retained.map((n) => n.pitch));
    whole.forEach((n, i) => {
      expect(n.start).toBeCloseTo(retained[i].start, 9);
    });
    expect(notes.length - whole.length).toBeLessThanOrEqual(1);
  });

  it('transcribes a range relative to a given origin, cutting a note held across its start', () => {
    const t = new NoteTranscriber(probeModel());
    t.push(codeAudio(40 * SR, melody(40)));
    const all = t.finish();
    const [held, ...captured] = t.finish({ from: 25, origin: 25 });
    const straddling = all.find((n) => n.start < 25 && n.start + n.duration > 25.2);
    expect(held.pitch).toBe(straddling?.pitch);
    expect(held.start).toBeLessThan(0.03);
    const expected = all.filter((n) => n.start >= 25).map((n) => ({ ...n, start: n.start - 25 }));
    expect(captured.map((n) => n.pitch)).toEqual(expected.map((n) => n.pitch));
    captured.forEach((n, i) => {
      expect(n.start).toBeCloseTo(expected[i].start, 9);
      expect(n.duration).toBeCloseTo(expected[i].duration, 9);
    });
  });
});
