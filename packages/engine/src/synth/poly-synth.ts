import type { MidiNote, Samples } from '../units.js';
import { ALL_NOTES_OFF, ALL_SOUND_OFF, EventQueue, NOTE_OFF, NOTE_ON } from './event-queue.js';
import type { Instrument, KeyboardSound } from './types.js';

/** Controls are computed per sample into buffers of at most this many frames. */
export const CONTROL_BLOCK = 128;

/**
 * One voice of a polyphonic instrument. Subclasses make the sound; this class owns the bookkeeping and the
 * short fade used when the voice is stolen or choked, so a reused voice never cuts off mid-waveform.
 */
export abstract class PolyVoice {
  note = -1;
  age = 0;
  /** Key held (false after note-off, and always for one-shot drum voices). */
  gate = false;
  active = false;
  /** Samples left in a steal/choke fade; 0 when not fading. */
  fadeRemaining = 0;
  pendingNote = -1;
  pendingVelocity = 0;
  pendingAge = 0;
  pendingGate = false;
  /** Output multiplier and its per-sample decrement; renderCore applies both. */
  protected fade = 1;
  protected fadeStep = 0;

  /** Start sounding `note`; `retrigger` when the voice is already sounding (keep phases, no reset). */
  protected abstract trigger(note: MidiNote, velocity: number, retrigger: boolean): void;
  abstract release(): void;
  /** Current loudness (envelope level), for choosing whom to steal. */
  abstract level(): number;
  /** Zero every state (phases, filters, envelopes). */
  protected abstract clear(): void;
  /** Adds n samples to l/r from `start`, reading controls from index `c0`; false once silent. */
  protected abstract renderCore(
    l: Float32Array,
    r: Float32Array,
    start: number,
    n: number,
    c0: number,
  ): boolean;

  begin(note: MidiNote, velocity: number, age: number): void {
    this.clear();
    this.fade = 1;
    this.fadeStep = 0;
    this.fadeRemaining = 0;
    this.note = note;
    this.age = age;
    this.gate = true;
    this.active = true;
    this.trigger(note, velocity, false);
  }

  retrigger(note: MidiNote, velocity: number, age: number): void {
    this.note = note;
    this.age = age;
    this.gate = true;
    this.trigger(note, velocity, true);
  }

  /** Fade to silence over `samples`, then start `pendingNote` (if ≥ 0) or go idle. */
  fadeOut(samples: number, pendingNote: number, pendingVelocity: number, pendingAge: number): void {
    const n = Math.max(1, samples | 0);
    if (this.fadeRemaining === 0) {
      this.fadeRemaining = n;
      this.fadeStep = this.fade / n;
    }
    this.pendingNote = pendingNote;
    this.pendingVelocity = pendingVelocity;
    this.pendingAge = pendingAge;
    this.pendingGate = pendingNote >= 0;
  }

  render(l: Float32Array, r: Float32Array, start: number, n: number, c0: number): void {
    if (!this.active) return;
    if (this.fadeRemaining === 0) {
      if (!this.renderCore(l, r, start, n, c0)) this.stop();
      return;
    }
    const m = Math.min(n, this.fadeRemaining);
    this.renderCore(l, r, start, m, c0);
    this.fadeRemaining -= m;
    if (this.fadeRemaining > 0) return;
    const note = this.pendingNote;
    this.pendingNote = -1;
    if (note < 0) {
      this.stop();
      return;
    }
    this.begin(note, this.pendingVelocity, this.pendingAge);
    if (!this.pendingGate) this.gateOff();
    if (m < n && !this.renderCore(l, r, start + m, n - m, c0 + m)) this.stop();
  }

  gateOff(): void {
    this.gate = false;
    this.release();
  }

  stop(): void {
    this.clear();
    this.active = false;
    this.note = -1;
    this.fade = 1;
    this.fadeStep = 0;
    this.fadeRemaining = 0;
    this.pendingNote = -1;
  }
}

export interface PolyOptions {
  sampleRate: number;
  /** Length of the fade before a stolen voice is reused; 3 ms by default (inaudible as a click). */
  stealFadeSeconds?: number;
}

/**
 * Event queue, voice allocation and block splitting shared by the native instruments. Allocation: a voice
 * already sounding the note is retriggered in place; else a free voice; else the quietest released voice,
 * else the oldest, is faded out over `stealFadeSeconds` and then takes the note.
 */
export abstract class PolySynth<V extends PolyVoice> implements Instrument {
  readonly sampleRate: number;
  readonly polyphony: number;
  protected readonly voices: V[];
  /** One voice that glides/retriggers for every note (mono synth). */
  protected mono = false;
  /** Drum-style voices: note-off ignored, a repeated note takes a new voice. */
  protected oneShot = false;
  protected readonly stealSamples: number;
  private readonly queue = new EventQueue(1024);
  // Voice loops below are indexed, not for-of: unoptimised code would allocate an iterator per loop.
  private clock = 0;

  constructor(options: PolyOptions, voices: V[]) {
    if (!(options.sampleRate > 0))
      throw new RangeError(`sampleRate must be positive, got ${options.sampleRate}`);
    if (voices.length < 1) throw new RangeError('an instrument needs at least one voice');
    this.sampleRate = options.sampleRate;
    this.voices = voices;
    this.polyphony = voices.length;
    this.stealSamples = Math.max(1, Math.round((options.stealFadeSeconds ?? 0.003) * options.sampleRate));
  }

  abstract setParams(params: Partial<KeyboardSound>): void;
  /** Fill the smoothed control buffers for the next n (≤ CONTROL_BLOCK) samples. */
  protected abstract updateControls(n: number): void;

  noteOn(note: MidiNote, velocity: number, offset: Samples = 0): void {
    if (velocity <= 0) this.enqueue(NOTE_OFF, note, 0, offset);
    else this.enqueue(NOTE_ON, note, Math.min(127, velocity), offset);
  }

  noteOff(note: MidiNote, offset: Samples = 0): void {
    this.enqueue(NOTE_OFF, note, 0, offset);
  }

  allNotesOff(offset: Samples = 0): void {
    this.enqueue(ALL_NOTES_OFF, 0, 0, offset);
  }

  allSoundOff(offset: Samples = 0): void {
    this.enqueue(ALL_SOUND_OFF, 0, 0, offset);
  }

  activeVoices(): number {
    let n = 0;
    for (let i = 0; i < this.voices.length; i++) {
      const v = this.voices[i];
      if (v.active) n++;
    }
    return n;
  }

  reset(): void {
    this.queue.clear();
    for (let i = 0; i < this.voices.length; i++) {
      const v = this.voices[i];
      v.stop();
    }
  }

  process(left: Float32Array, right: Float32Array, start: Samples, frames: Samples): void {
    const q = this.queue;
    let pos = 0;
    for (;;) {
      while (q.count > 0 && q.offset[0] <= pos) {
        this.apply(q.kind[0], q.note[0], q.value[0]);
        q.shift();
      }
      if (pos >= frames) break;
      const end = q.count > 0 && q.offset[0] < frames ? q.offset[0] : frames;
      this.renderSegment(left, right, start + pos, end - pos);
      pos = end;
    }
    q.advance(frames);
  }

  /** Called before a note is allocated (drum chokes). */
  protected onNoteStart(_note: MidiNote): void {}

  /** Whether the instrument plays this note at all (an unmapped drum note does not take a voice). */
  protected accepts(_note: MidiNote): boolean {
    return true;
  }

  private enqueue(kind: number, note: number, value: number, offset: number): void {
    const n = note | 0;
    if (n < 0 || n > 127) return;
    if (!this.queue.push(kind, n, value, offset)) this.apply(kind, n, value);
  }

  private renderSegment(l: Float32Array, r: Float32Array, start: number, frames: number): void {
    const voices = this.voices;
    for (let done = 0; done < frames; done += CONTROL_BLOCK) {
      const n = Math.min(CONTROL_BLOCK, frames - done);
      this.updateControls(n);
      for (let i = 0; i < voices.length; i++) voices[i].render(l, r, start + done, n, 0);
    }
  }

  private apply(kind: number, note: number, value: number): void {
    if (kind === NOTE_ON) this.startNote(note, value);
    else if (kind === NOTE_OFF) {
      if (this.oneShot) return;
      for (let i = 0; i < this.voices.length; i++) {
        const v = this.voices[i];
        if (v.pendingNote === note) v.pendingGate = false;
        if (v.active && v.gate && v.note === note && v.fadeRemaining === 0) v.gateOff();
      }
    } else if (kind === ALL_NOTES_OFF) {
      for (let i = 0; i < this.voices.length; i++) {
        const v = this.voices[i];
        v.pendingGate = false;
        if (v.active && v.gate) v.gateOff();
      }
    } else if (kind === ALL_SOUND_OFF) {
      for (let i = 0; i < this.voices.length; i++) {
        const v = this.voices[i];
        if (v.active) v.fadeOut(this.stealSamples * 2, -1, 0, 0);
      }
    }
  }

  private startNote(note: number, velocity: number): void {
    if (!this.accepts(note)) return;
    this.onNoteStart(note);
    const age = ++this.clock;
    const voices = this.voices;
    if (this.mono) {
      const v = voices[0];
      if (!v.active) v.begin(note, velocity, age);
      else if (v.fadeRemaining === 0) v.retrigger(note, velocity, age);
      else v.fadeOut(0, note, velocity, age);
      if (this.oneShot) v.gate = false;
      return;
    }
    if (!this.oneShot) {
      for (let i = 0; i < voices.length; i++) {
        const v = voices[i];
        if (v.active && v.note === note && v.fadeRemaining === 0) {
          v.retrigger(note, velocity, age);
          return;
        }
      }
    }
    for (let i = 0; i < voices.length; i++) {
      const v = voices[i];
      if (!v.active) {
        v.begin(note, velocity, age);
        if (this.oneShot) v.gate = false;
        return;
      }
    }
    // Steal: prefer a released voice (the quietest), else the oldest held one.
    let victim: V | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < voices.length; i++) {
      const v = voices[i];
      if (v.fadeRemaining > 0 || v.gate) continue;
      const lvl = v.level();
      if (lvl < best) {
        best = lvl;
        victim = v;
      }
    }
    if (victim === undefined) {
      for (let i = 0; i < voices.length; i++) {
        const v = voices[i];
        if (v.fadeRemaining > 0) continue;
        if (v.age < best) {
          best = v.age;
          victim = v;
        }
      }
    }
    // Every voice is already fading: the one that started fading first takes the newer note instead.
    if (victim === undefined) {
      victim = voices[0];
      for (let i = 0; i < voices.length; i++) {
        const v = voices[i];
        if (v.fadeRemaining < victim.fadeRemaining) victim = v;
      }
    }
    victim.fadeOut(this.stealSamples, note, velocity, age);
    if (this.oneShot) victim.pendingGate = false;
  }
}
