// End to end with the real network: Basic Pitch's weights on tfjs WASM, loaded by the Node host.
import { BasicPitch, noteFramesToTime, outputToNotesPoly } from '@spotify/basic-pitch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBasicPitchGraphModel, loadBasicPitchModel } from '../../../../cli/src/node-model-loader.js';
import type { NoteEvent } from '../types.js';
import type { BasicPitchModel } from './model.js';
import { NoteTranscriber, transcribe } from './transcriber.js';

const SR = 22050;

interface Planned {
  pitch: number;
  start: number;
  duration: number;
}

/** Piano-ish tone: six harmonics, higher ones decaying faster, 5 ms attack, 40 ms release after `duration`. */
function addTone(out: Float32Array, { pitch, start, duration }: Planned, gain = 0.2): void {
  const f0 = 440 * 2 ** ((pitch - 69) / 12);
  const from = Math.round(start * SR);
  const to = Math.min(out.length, Math.round((start + duration + 0.2) * SR));
  for (let n = from; n < to; n++) {
    const t = (n - from) / SR;
    const release = t > duration ? Math.exp(-(t - duration) / 0.04) : 1;
    const env = Math.min(1, t / 0.005) * release * gain;
    let v = 0;
    for (let h = 1; h <= 6; h++) v += (Math.exp(-t * h * 0.7) / h) * Math.sin(2 * Math.PI * f0 * h * t);
    out[n] += env * v;
  }
}

function render(seconds: number, notes: Planned[]): Float32Array {
  const out = new Float32Array(Math.round(seconds * SR));
  for (const n of notes) addTone(out, n);
  return out;
}

/** For each planned note, the transcribed note of the same pitch whose start is nearest. */
function match(planned: Planned[], got: NoteEvent[]) {
  return planned.map((p) => {
    const candidates = got.filter((n) => n.pitch === p.pitch);
    candidates.sort((a, b) => Math.abs(a.start - p.start) - Math.abs(b.start - p.start));
    return { planned: p, found: candidates[0] };
  });
}

const ARPEGGIO_AND_CHORD: Planned[] = [
  { pitch: 60, start: 0.5, duration: 0.4 },
  { pitch: 64, start: 1.0, duration: 0.4 },
  { pitch: 67, start: 1.5, duration: 0.4 },
  { pitch: 57, start: 2.2, duration: 1.0 },
  { pitch: 64, start: 2.2, duration: 1.0 },
];

/** A model that counts its calls, to show what is left for finish() to do. */
function counting(inner: BasicPitchModel): BasicPitchModel & { calls: number } {
  const counted = {
    calls: 0,
    predict(window: Float32Array) {
      counted.calls++;
      return inner.predict(window);
    },
  };
  return counted;
}

let model: BasicPitchModel;
beforeAll(async () => {
  model = await loadBasicPitchModel();
});

describe('Basic Pitch transcription', () => {
  const clip = render(3.6, ARPEGGIO_AND_CHORD);
  // Gate off: these tests are about Basic Pitch itself; the gate has its own test below.
  const raw = { silenceGateDb: -Infinity };
  let oneShot: NoteEvent[];

  it('finds an arpeggio and a two-note chord at the right pitches and times', () => {
    const notes = (oneShot = transcribe(model, clip, raw));
    for (const { planned, found } of match(ARPEGGIO_AND_CHORD, notes)) {
      expect(found, `MIDI ${planned.pitch} at ${planned.start} s`).toBeDefined();
      expect(Math.abs(found.start - planned.start)).toBeLessThan(0.05);
      expect(found.duration).toBeGreaterThan(planned.duration * 0.6);
      expect(found.duration).toBeLessThan(planned.duration + 0.25);
      expect(found.velocity).toBeGreaterThan(80);
    }
    // The network also reports a few faint upper harmonics (5th, 3rd) as short ghost notes; nothing
    // else, and nothing strong.
    const extras = notes.filter((n) => !ARPEGGIO_AND_CHORD.some((p) => p.pitch === n.pitch));
    for (const ghost of extras) {
      expect(ghost.velocity).toBeLessThan(50);
      const sounding = ARPEGGIO_AND_CHORD.filter((p) => Math.abs(p.start - ghost.start) < 0.05);
      expect(sounding.some((p) => [12, 19, 24, 28].includes(ghost.pitch - p.pitch))).toBe(true);
    }
  });

  it("matches Basic Pitch's own pipeline, pushed in 0.5 s chunks, with one window left at finish", async () => {
    const counted = counting(model);
    const t = new NoteTranscriber(counted, raw);
    for (let at = 0; at < clip.length; at += SR / 2) t.push(clip.subarray(at, at + SR / 2));
    const pushedCalls = counted.calls;
    const incremental = t.finish();
    expect(counted.calls - pushedCalls).toBe(1);
    expect(incremental).toEqual(oneShot ?? transcribe(model, clip, raw));

    // Basic Pitch's BasicPitch.evaluateModel + outputToNotesPoly + noteFramesToTime on the same graph.
    const frames: number[][] = [];
    const onsets: number[][] = [];
    const graph = loadBasicPitchGraphModel();
    await new BasicPitch(graph).evaluateModel(
      clip,
      (f, o) => {
        frames.push(...f);
        onsets.push(...o);
      },
      () => {},
    );
    (await graph).dispose();
    const reference = noteFramesToTime(
      outputToNotesPoly(frames, onsets, 0.5, 0.3, 11, true, null, null, true, 11),
    );
    reference.sort((a, b) => a.startTimeSeconds - b.startTimeSeconds || a.pitchMidi - b.pitchMidi);

    expect(incremental.map((n) => n.pitch)).toEqual(reference.map((n) => n.pitchMidi));
    incremental.forEach((n, i) => {
      // Times differ only by frame timing: Basic Pitch treats frames as evenly spaced and corrects the drift
      // with a constant every 172 frames, but windows join every 142 frames 68 samples (not 256) apart.
      expect(Math.abs(n.start - reference[i].startTimeSeconds)).toBeLessThan(0.012);
      expect(Math.abs(n.duration - reference[i].durationSeconds)).toBeLessThan(0.012);
      expect(n.velocity).toBe(Math.round(127 * reference[i].amplitude));
    });
  });

  it('finds no notes in silence, nor in quiet hiss that the network alone would call notes', () => {
    const silent = counting(model);
    expect(transcribe(silent, new Float32Array(3 * SR))).toEqual([]);
    expect(silent.calls).toBe(0);

    const hiss = new Float32Array(1.5 * SR);
    let seed = 1;
    for (let i = 0; i < hiss.length; i++)
      hiss[i] = 1e-3 * (((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1);
    expect(transcribe(model, hiss)).toEqual([]);
    expect(transcribe(model, hiss, { silenceGateDb: -Infinity }).length).toBeGreaterThan(0);
  });
});
