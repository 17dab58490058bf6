import type { Db, Seconds } from '../../units.js';
import type { NoteEvent } from '../types.js';
import {
  BASIC_PITCH_SAMPLE_RATE,
  EDGE_FRAMES,
  firstFrameAtOrAfter,
  framePosition,
  HOP_SAMPLES,
  KEPT_FRAMES,
  LOWEST_MIDI,
  MODEL_FRAMES,
  N_PITCHES,
  START_PADDING,
  WINDOW_SAMPLES,
} from './constants.js';
import { FrameStore } from './frame-store.js';
import { quietFrames, silenceFrames } from './level-gate.js';
import type { BasicPitchActivations, BasicPitchModel } from './model.js';
import { DEFAULT_NOTE_EXTRACTION, extractNotes, type NoteExtractionOptions } from './note-extraction.js';

export interface NoteTranscriberOptions {
  /** Activations older than this (before the newest full window) are dropped. Default 30 s. */
  retentionSeconds?: Seconds;
  /** Note extraction thresholds; defaults are Basic Pitch's Python defaults (0.5 / 0.3 / 11 frames). */
  extraction?: Partial<NoteExtractionOptions>;
  /**
   * Frames whose audio is quieter than this (RMS dBFS over ~46 ms) get no notes. Default -60; `-Infinity`
   * turns the gate off and gives exactly Basic Pitch's activations. See `quietFrames` for why.
   */
  silenceGateDb?: Db;
}

/** Which part of the retained stream to turn into notes, and where time zero is. */
export interface TranscribeRange {
  /** Stream time (seconds since the first pushed sample) of the earliest frame to use. Default: oldest retained. */
  from?: Seconds;
  /** Stream time that becomes 0 in the returned notes. Default 0 (the first pushed sample). */
  origin?: Seconds;
}

const SR = BASIC_PITCH_SAMPLE_RATE;
const DEFAULT_RETENTION: Seconds = 30;
const DEFAULT_SILENCE_GATE: Db = -60;

/**
 * Basic Pitch run window by window as audio arrives, so that at CAPTURE only the last, partial window and
 * note extraction are left to do. Windows are exactly Basic Pitch's: 3,840 zeros in front of the stream,
 * 43,844-sample windows every 36,164 samples, 15 frames trimmed from each edge, and the final partial
 * window zero-padded. So pushing in any chunk sizes gives the same activations as a one-shot run.
 */
export class NoteTranscriber {
  private readonly extraction: NoteExtractionOptions;
  private readonly silenceGateDb: Db;
  private readonly store: FrameStore;
  /** Samples from the start of the next window onwards (the stream is pre-padded with START_PADDING zeros). */
  private readonly pending = new Float32Array(WINDOW_SAMPLES);
  private pendingLength = START_PADDING;
  private samplesPushed = 0;

  constructor(
    private readonly model: BasicPitchModel,
    options: NoteTranscriberOptions = {},
  ) {
    const retention = options.retentionSeconds ?? DEFAULT_RETENTION;
    if (!(retention > 0)) throw new RangeError(`retentionSeconds must be positive, got ${retention}`);
    this.store = new FrameStore(Math.ceil((retention * SR * KEPT_FRAMES) / HOP_SAMPLES));
    this.extraction = { ...DEFAULT_NOTE_EXTRACTION, ...options.extraction };
    this.silenceGateDb = options.silenceGateDb ?? DEFAULT_SILENCE_GATE;
  }

  /** Seconds of audio pushed so far. */
  get duration(): Seconds {
    return this.samplesPushed / SR;
  }

  /** Stream time of the oldest activation frame still held. */
  get retainedFrom(): Seconds {
    return framePosition(this.store.firstFrame) / SR;
  }

  /** Bytes held for audio and activations: fixed at construction, however long the stream runs. */
  get memoryBytes(): number {
    return this.store.bytes + this.pending.byteLength;
  }

  /** Append mono 22,050 Hz audio of any length; runs the model on each window that becomes complete. */
  push(mono22050: Float32Array): void {
    let offset = 0;
    while (offset < mono22050.length) {
      const n = Math.min(mono22050.length - offset, WINDOW_SAMPLES - this.pendingLength);
      this.pending.set(mono22050.subarray(offset, offset + n), this.pendingLength);
      this.pendingLength += n;
      offset += n;
      if (this.pendingLength === WINDOW_SAMPLES) {
        const out = this.predict(this.pending);
        this.store.append(out.frames, out.onsets, EDGE_FRAMES, EDGE_FRAMES + KEPT_FRAMES);
        // The next window starts HOP_SAMPLES later; the overlap stays in place for it.
        this.pending.copyWithin(0, HOP_SAMPLES, WINDOW_SAMPLES);
        this.pendingLength = WINDOW_SAMPLES - HOP_SAMPLES;
      }
    }
    this.samplesPushed += mono22050.length;
  }

  /**
   * Notes in the retained audio. Runs the model on the unfinished tail (zero-padded, at most two windows)
   * without committing it, so the stream can keep going: call this at CAPTURE and carry on pushing.
   * Frames centred up to the last pushed sample are used (Basic Pitch itself trims at 86 frames/s, which
   * loses ~0.7 % of the end). Times are exact frame centres, in seconds from `range.origin`.
   */
  finish(range: TranscribeRange = {}): NoteEvent[] {
    const endFrame = firstFrameAtOrAfter(this.samplesPushed);
    const storedEnd = this.store.endFrame;
    const fromFrame = Math.max(
      this.store.firstFrame,
      range.from === undefined ? 0 : firstFrameAtOrAfter(Math.ceil(range.from * SR)),
    );
    if (fromFrame >= endFrame) return [];

    const n = endFrame - fromFrame;
    const frames = new Float32Array(n * N_PITCHES);
    const onsets = new Float32Array(n * N_PITCHES);
    if (fromFrame < storedEnd) this.store.copyTo(fromFrame, storedEnd, frames, onsets, 0);
    this.predictTail(storedEnd, endFrame, fromFrame, frames, onsets);

    const origin = range.origin ?? 0;
    const notes = extractNotes(frames, onsets, n, this.extraction).map((note): NoteEvent => {
      const start = framePosition(fromFrame + note.startFrame);
      const end = framePosition(fromFrame + note.startFrame + note.durationFrames);
      return {
        pitch: note.pitchIndex + LOWEST_MIDI,
        start: start / SR - origin,
        duration: (end - start) / SR,
        velocity: Math.min(127, Math.max(1, Math.round(127 * note.amplitude))),
      };
    });
    return notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  }

  /** Run the zero-padded windows that cover global frames storedEnd..endFrame and copy those ≥ fromFrame. */
  private predictTail(
    storedEnd: number,
    endFrame: number,
    fromFrame: number,
    frames: Float32Array,
    onsets: Float32Array,
  ): void {
    const window = new Float32Array(WINDOW_SAMPLES);
    for (let w = 0; storedEnd + w * KEPT_FRAMES < endFrame; w++) {
      const first = storedEnd + w * KEPT_FRAMES;
      const last = Math.min(first + KEPT_FRAMES, endFrame);
      if (last <= fromFrame) continue;
      const offset = w * HOP_SAMPLES;
      window.fill(0);
      window.set(this.pending.subarray(offset, Math.max(offset, this.pendingLength)));
      const out = this.predict(window);
      for (let g = Math.max(first, fromFrame); g < last; g++) {
        const src = (EDGE_FRAMES + g - first) * N_PITCHES;
        const dst = (g - fromFrame) * N_PITCHES;
        frames.set(out.frames.subarray(src, src + N_PITCHES), dst);
        onsets.set(out.onsets.subarray(src, src + N_PITCHES), dst);
      }
    }
  }

  private predict(window: Float32Array): BasicPitchActivations {
    const expected = MODEL_FRAMES * N_PITCHES;
    const quiet = quietFrames(window, this.silenceGateDb);
    // Nothing audible to transcribe: skip the network (most of a long session is silence between takes).
    if (quiet.every((q) => q === 1))
      return { frames: new Float32Array(expected), onsets: new Float32Array(expected) };
    const out = this.model.predict(window);
    if (out.frames.length !== expected || out.onsets.length !== expected) {
      throw new Error(
        `Basic Pitch model returned ${out.frames.length}/${out.onsets.length} values, expected ${expected}`,
      );
    }
    silenceFrames(out, quiet);
    return out;
  }
}

/** One-shot transcription of a whole clip (mono, 22,050 Hz); times in seconds from its first sample. */
export function transcribe(
  model: BasicPitchModel,
  mono22050: Float32Array,
  options: NoteTranscriberOptions = {},
): NoteEvent[] {
  // Keep everything: a one-shot caller wants the whole clip, however long.
  const retentionSeconds = Math.max(options.retentionSeconds ?? 0, mono22050.length / SR + 1);
  const transcriber = new NoteTranscriber(model, { ...options, retentionSeconds });
  transcriber.push(mono22050);
  return transcriber.finish();
}
