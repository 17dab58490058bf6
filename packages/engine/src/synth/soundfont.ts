/**
 * SoundFont instruments: spessasynth_core playing FluidR3Mono (MIT) or any SF2/SF3 bank the host supplies
 * as bytes (the engine does no I/O: Node reads the file, the browser fetches it from the app bundle).
 * One SpessaSynthProcessor per instrument, one MIDI channel in use (channel 10 for drum kits), its own
 * reverb and chorus off (the player's effects chain does that). Events are applied at their exact frame:
 * a block is rendered in pieces split at event offsets.
 */
import {
  BasicSoundBank,
  type MIDIController,
  SoundBankLoader,
  SpessaLog,
  SpessaSynthProcessor,
} from 'spessasynth_core';
import type { MidiNote, Samples } from '../units.js';
import type { Instrument, KeyboardSound } from './types.js';

/** A loaded bank, shared by every instrument made from it. */
export class SoundFontBank {
  private constructor(readonly bank: BasicSoundBank) {}

  /** Parses an SF2/SF3 file (waits once for the SF3 Vorbis decoder). Throws a clear error on a bad file. */
  static async load(bytes: ArrayBuffer): Promise<SoundFontBank> {
    SpessaLog.infoEnabled = false;
    SpessaLog.warnEnabled = false;
    SpessaLog.groupEnabled = false;
    await BasicSoundBank.isSF3DecoderReady;
    try {
      return new SoundFontBank(SoundBankLoader.fromArrayBuffer(bytes));
    } catch (e) {
      throw new Error(`not a usable SoundFont (SF2/SF3): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export interface SoundFontOptions {
  sampleRate: number;
  bank: SoundFontBank;
  /** General MIDI program 0-127 (for a drum kit: the GM2/GS kit number, 0 standard, 40 brush, 48 orchestra). */
  program: number;
  drums?: boolean;
  /** Largest block `process` is given. */
  maxBlock?: number;
}

const NOTE_ON = 0;
const NOTE_OFF = 1;
const ALL_OFF = 2;
const SOUND_OFF = 3;
const MAX_EVENTS = 512;
/**
 * Make-up gain: spessasynth renders FluidR3Mono about 13 dB below our native synths at the same velocity
 * (a rock arrangement measured −29.7 LUFS against −16.7 for synthwave), so styles sit level with each other.
 */
const OUTPUT_GAIN = 4.5;

/** Sound-controller numbers (GM2 / GS): what the keyboard-sound knob sends to a SoundFont. */
const CC_RESONANCE = 71;
const CC_RELEASE = 72;
const CC_ATTACK = 73;
const CC_BRIGHTNESS = 74;
const CC_DECAY = 75;
const ALL_SOUND_OFF_CC = 120 as MIDIController;

export class SoundFontInstrument implements Instrument {
  readonly sampleRate: number;
  readonly polyphony: number;
  private readonly synth: SpessaSynthProcessor;
  private readonly channel: number;
  private readonly scratchL: Float32Array;
  private readonly scratchR: Float32Array;
  private readonly kind = new Uint8Array(MAX_EVENTS);
  private readonly note = new Uint8Array(MAX_EVENTS);
  private readonly velocity = new Uint8Array(MAX_EVENTS);
  private readonly at = new Float64Array(MAX_EVENTS);
  private count = 0;
  private readonly held = new Uint8Array(128);

  constructor(options: SoundFontOptions) {
    this.sampleRate = options.sampleRate;
    const maxBlock = options.maxBlock ?? 128;
    this.synth = new SpessaSynthProcessor(options.sampleRate, {
      maxBufferSize: maxBlock,
      effectsEnabled: false,
      eventsEnabled: false,
    });
    this.synth.soundBankManager.addSoundBank(options.bank.bank, 'main');
    this.channel = options.drums ? 9 : 0;
    this.synth.programChange(this.channel, Math.max(0, Math.min(127, Math.round(options.program))));
    this.polyphony = options.drums ? 32 : 24;
    this.scratchL = new Float32Array(maxBlock);
    this.scratchR = new Float32Array(maxBlock);
  }

  private push(kind: number, note: number, velocity: number, offset: number): void {
    if (this.count === MAX_EVENTS) return; // a flood of events in one block: drop the excess, never allocate
    // Keep the queue sorted by time (stable): events mostly arrive in order, so this is a short walk.
    let i = this.count;
    const t = Math.max(0, Number.isFinite(offset) ? offset : 0);
    while (i > 0 && this.at[i - 1] > t) {
      this.kind[i] = this.kind[i - 1];
      this.note[i] = this.note[i - 1];
      this.velocity[i] = this.velocity[i - 1];
      this.at[i] = this.at[i - 1];
      i--;
    }
    this.kind[i] = kind;
    this.note[i] = note;
    this.velocity[i] = velocity;
    this.at[i] = t;
    this.count++;
  }

  noteOn(note: MidiNote, velocity: number, offset: Samples = 0): void {
    const n = Math.max(0, Math.min(127, Math.round(note)));
    const v = Math.max(0, Math.min(127, Math.round(velocity)));
    this.push(v === 0 ? NOTE_OFF : NOTE_ON, n, v, offset);
  }

  noteOff(note: MidiNote, offset: Samples = 0): void {
    this.push(NOTE_OFF, Math.max(0, Math.min(127, Math.round(note))), 0, offset);
  }

  allNotesOff(offset: Samples = 0): void {
    this.push(ALL_OFF, 0, 0, offset);
  }

  allSoundOff(offset: Samples = 0): void {
    this.push(SOUND_OFF, 0, 0, offset);
  }

  setParams(params: Partial<KeyboardSound>): void {
    const cc = (controller: number, v: number | undefined) => {
      if (v === undefined || !Number.isFinite(v)) return;
      this.synth.controllerChange(
        this.channel,
        controller as MIDIController,
        Math.round(Math.max(0, Math.min(1, v)) * 127),
      );
    };
    cc(CC_BRIGHTNESS, params.brightness);
    cc(CC_RESONANCE, params.warmth === undefined ? undefined : 0.5 * params.warmth);
    cc(CC_ATTACK, params.attack);
    cc(CC_DECAY, params.decay);
    cc(CC_RELEASE, params.release);
  }

  private apply(i: number): void {
    const ch = this.channel;
    switch (this.kind[i]) {
      case NOTE_ON:
        this.held[this.note[i]] = 1;
        this.synth.noteOn(ch, this.note[i], this.velocity[i]);
        break;
      case NOTE_OFF:
        this.held[this.note[i]] = 0;
        this.synth.noteOff(ch, this.note[i]);
        break;
      case ALL_OFF:
        for (let n = 0; n < 128; n++) if (this.held[n]) this.synth.noteOff(ch, n);
        this.held.fill(0);
        break;
      default:
        this.synth.controllerChange(ch, ALL_SOUND_OFF_CC, 0);
        this.held.fill(0);
    }
  }

  process(left: Float32Array, right: Float32Array, start: Samples, frames: Samples): void {
    // Nothing queued and nothing sounding: the output is silence, and the synth's per-block work is skipped.
    if (this.count === 0 && this.synth.voiceCount === 0) return;
    let done = 0;
    let e = 0;
    while (done < frames) {
      while (e < this.count && this.at[e] <= done) this.apply(e++);
      const until = e < this.count ? Math.min(frames, Math.ceil(this.at[e])) : frames;
      const n = Math.max(1, until - done);
      this.scratchL.fill(0, 0, n);
      this.scratchR.fill(0, 0, n);
      this.synth.process(this.scratchL, this.scratchR, 0, n);
      for (let i = 0; i < n; i++) {
        left[start + done + i] += this.scratchL[i] * OUTPUT_GAIN;
        right[start + done + i] += this.scratchR[i] * OUTPUT_GAIN;
      }
      done += n;
    }
    // Events for later blocks move forward by this block's length.
    let keep = 0;
    for (let i = e; i < this.count; i++) {
      this.kind[keep] = this.kind[i];
      this.note[keep] = this.note[i];
      this.velocity[keep] = this.velocity[i];
      this.at[keep] = this.at[i] - frames;
      keep++;
    }
    this.count = keep;
  }

  activeVoices(): number {
    return this.synth.voiceCount;
  }

  reset(): void {
    this.count = 0;
    this.synth.controllerChange(this.channel, ALL_SOUND_OFF_CC, 0);
    this.held.fill(0);
  }
}
