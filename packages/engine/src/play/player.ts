import type { Generation, InstrumentChoice, PartName, SectionName } from '../generate/types.js';
import { PART_NAMES } from '../generate/types.js';
import type { Instrument } from '../synth/types.js';
import { type CompiledVariation, compileVariation } from './compile.js';
import { EffectsChain } from './effects/chain.js';
import {
  balanceGains,
  DEFAULT_KNOBS,
  dbToGain,
  effects,
  type KnobName,
  type KnobPositions,
  keyboardSound,
  knobValue,
  masterDb,
  sectionAt,
  trackIndex,
} from './knobs.js';
import { TruePeakLimiter } from './limiter.js';
import { PartSequencer } from './part-sequencer.js';
import { Smoothed } from './smooth.js';

export type InstrumentFactory = (choice: InstrumentChoice, part: PartName, sampleRate: number) => Instrument;

export interface PlayerOptions {
  sampleRate: number;
  /** Largest block `process` will be given (AudioWorklet: 128). */
  maxBlock?: number;
  createInstrument: InstrumentFactory;
}

/** Track switches crossfade over this long (equal power), inside the ≤ 50 ms the studio promises. */
export const CROSSFADE_SECONDS = 0.04;
const MASTER_GLIDE_SECONDS = 0.02;
/** The melodic parts the keyboard-sound knob shapes. */
const SHAPED_PARTS: readonly PartName[] = ['keys', 'pad', 'lead'];

interface Band {
  compiled: CompiledVariation;
  sequencers: PartSequencer[];
  gains: Float32Array;
  pans: Float32Array;
  sends: Float32Array;
}

export interface PlayerPosition {
  playing: boolean;
  variation: number;
  /** Index into the arrangement's sections, and its name. */
  section: number;
  sectionName: SectionName | null;
  /** 1-based bar of the arrangement and beat within the bar (0-based, fractional). */
  bar: number;
  beatInBar: number;
  /** Beats from the arrangement's start. */
  beat: number;
  /** Whether the arrangement follows its form or holds (loops) the section the knob chose. */
  mode: 'form' | 'hold';
}

/**
 * The real-time player: sequencer → instruments → mixer → effects → master → limiter, in blocks. Knobs take
 * effect on the next block; a track switch crossfades on the beat; an arrangement change lands on the
 * next bar line. `process` never allocates. The same class renders offline, so an export sounds exactly
 * like the live player.
 */
export class Player {
  readonly sampleRate: number;
  private readonly maxBlock: number;
  private readonly createInstrument: InstrumentFactory;
  private bands: Band[] = [];
  private current = 0;
  private fading = -1;
  private fade = 1;
  private readonly fadeStep: number;
  private playing = false;
  private startDelay = 0;
  private beat = 0;
  private samplesPerBeat = 24000;
  private mode: 'form' | 'hold' = 'form';
  private holdSection = -1;
  private pendingSection = -1;
  private knobs: KnobPositions = { ...DEFAULT_KNOBS };
  private readonly effectsChain: EffectsChain;
  private readonly limiter: TruePeakLimiter;
  private readonly master: Smoothed;
  private readonly backingGain: Smoothed;
  private readonly liveGain: Smoothed;
  private readonly partL: Float32Array;
  private readonly partR: Float32Array;
  private readonly busL: Float32Array;
  private readonly busR: Float32Array;
  private readonly sendL: Float32Array;
  private readonly sendR: Float32Array;
  private peak = 0;

  constructor(options: PlayerOptions) {
    this.sampleRate = options.sampleRate;
    this.maxBlock = options.maxBlock ?? 128;
    this.createInstrument = options.createInstrument;
    this.fadeStep = 1 / (CROSSFADE_SECONDS * this.sampleRate);
    this.effectsChain = new EffectsChain(this.sampleRate, this.maxBlock);
    this.limiter = new TruePeakLimiter(this.sampleRate);
    this.master = new Smoothed(
      dbToGain(masterDb(this.knobs.mixBalance)),
      MASTER_GLIDE_SECONDS,
      this.sampleRate,
    );
    this.backingGain = new Smoothed(1, MASTER_GLIDE_SECONDS, this.sampleRate);
    this.liveGain = new Smoothed(1, MASTER_GLIDE_SECONDS, this.sampleRate);
    const buf = () => new Float32Array(this.maxBlock);
    this.partL = buf();
    this.partR = buf();
    this.busL = buf();
    this.busR = buf();
    this.sendL = buf();
    this.sendR = buf();
  }

  /** Loads a generation's variations (allocates: call outside the audio callback, or before starting). */
  load(generation: Generation): void {
    this.stopNow();
    this.bands = generation.variations.map((v) => {
      const compiled = compileVariation(v);
      const sequencers = PART_NAMES.map(
        (part, i) =>
          new PartSequencer(
            compiled.parts[i],
            this.createInstrument(v.instruments[part], part, this.sampleRate),
          ),
      );
      return {
        compiled,
        sequencers,
        gains: Float32Array.from(PART_NAMES.map((p) => dbToGain(v.mix[p].gainDb))),
        pans: Float32Array.from(PART_NAMES.map((p) => v.mix[p].pan)),
        sends: Float32Array.from(PART_NAMES.map((p) => v.mix[p].reverb)),
      };
    });
    this.current = Math.min(
      trackIndex(this.knobs.trackSelector, this.bands.length),
      Math.max(0, this.bands.length - 1),
    );
    this.fading = -1;
    this.beat = 0;
    const first = this.bands[0]?.compiled.variation;
    if (first) this.samplesPerBeat = first.anchor.beatSeconds * this.sampleRate;
    this.applyKnobs(true);
  }

  get variationCount(): number {
    return this.bands.length;
  }

  /** Starts from the current position after `delayFrames` (to enter exactly on the musician's downbeat). */
  start(delayFrames = 0): void {
    if (this.bands.length === 0) return;
    this.startDelay = Math.max(0, Math.round(delayFrames));
    this.playing = true;
    for (const s of this.bands[this.current].sequencers) s.locate(this.beat, true, 0);
  }

  /** Stops; notes release and ring out. */
  stop(): void {
    this.playing = false;
    for (const band of this.bands) for (const s of band.sequencers) s.releaseAll(0);
  }

  /** Back to the top of the arrangement, following its form. */
  rewind(): void {
    this.beat = 0;
    this.mode = 'form';
    this.pendingSection = -1;
    if (this.playing) for (const s of this.bands[this.current].sequencers) s.locate(0, true, 0);
  }

  /** Let the arrangement run through its form again instead of holding the knob's section. */
  followForm(): void {
    this.mode = 'form';
    this.holdSection = -1;
  }

  private stopNow(): void {
    this.playing = false;
    for (const band of this.bands) for (const s of band.sequencers) s.instrument.reset();
  }

  setKnob(knob: KnobName, value: number): void {
    const v = knobValue(value);
    const previous = this.knobs[knob];
    this.knobs[knob] = v;
    if (knob === 'trackSelector') this.switchTrack(trackIndex(v, this.bands.length));
    else if (knob === 'arrangement') {
      if (sectionAt(v) !== sectionAt(previous) || this.mode === 'form') this.chooseSection(sectionAt(v));
    } else this.applyKnobs(false);
  }

  getKnobs(): KnobPositions {
    return { ...this.knobs };
  }

  /** Backing against live input, −1 (backing only) to +1 (live only). */
  setBalance(balance: number): void {
    const g = balanceGains(balance);
    this.backingGain.set(g.backing);
    this.liveGain.set(g.live);
  }

  private applyKnobs(immediate: boolean): void {
    const beatSeconds = this.samplesPerBeat / this.sampleRate;
    this.effectsChain.set(effects(this.knobs.effects), beatSeconds, immediate);
    const gain = dbToGain(masterDb(this.knobs.mixBalance));
    if (immediate) this.master.jump(gain);
    else this.master.set(gain);
    const sound = keyboardSound(this.knobs.keyboardSound);
    for (const band of this.bands)
      PART_NAMES.forEach((part, i) => {
        if (SHAPED_PARTS.includes(part)) band.sequencers[i].instrument.setParams(sound);
      });
  }

  private switchTrack(index: number): void {
    if (index === this.current || index >= this.bands.length) return;
    if (this.fading >= 0) for (const s of this.bands[this.fading].sequencers) s.instrument.reset();
    this.fading = this.current;
    this.current = index;
    this.fade = 0;
    for (const s of this.bands[this.fading].sequencers) s.releaseAll(0);
    if (this.playing) for (const s of this.bands[this.current].sequencers) s.locate(this.beat, true, 0);
  }

  private sectionIndexAt(beat: number): number {
    const starts = this.bands[this.current]?.compiled.sectionStarts;
    if (!starts) return -1;
    for (let i = starts.length - 2; i >= 0; i--) if (beat >= starts[i] - 1e-9) return i;
    return 0;
  }

  private chooseSection(name: SectionName): void {
    const band = this.bands[this.current];
    if (!band) return;
    const sections = band.compiled.variation.sections;
    const here = this.sectionIndexAt(this.beat);
    // The next occurrence of that section from here on, else its first.
    let target = -1;
    for (let i = 0; i < sections.length; i++) {
      const j = (here + 1 + i) % sections.length;
      if (sections[j].name === name) {
        target = j;
        break;
      }
    }
    if (target < 0) return;
    this.mode = 'hold';
    if (target === here && this.holdSection === here) return;
    this.holdSection = target;
    this.pendingSection = target === here ? -1 : target;
  }

  /** Where the transport is, for the waveform, the metronome and the arrangement knob's ring. */
  position(): PlayerPosition {
    const band = this.bands[this.current];
    const bpb = band?.compiled.beatsPerBar ?? 4;
    const section = band ? this.sectionIndexAt(this.beat) : -1;
    return {
      playing: this.playing,
      variation: this.current,
      section,
      sectionName: band && section >= 0 ? band.compiled.variation.sections[section].name : null,
      bar: Math.floor(this.beat / bpb) + 1,
      beatInBar: this.beat - Math.floor(this.beat / bpb) * bpb,
      beat: this.beat,
      mode: this.mode,
    };
  }

  /** Largest absolute output sample of the last block (after the limiter), for the meter. */
  get outputPeak(): number {
    return this.peak;
  }

  get limiterGain(): number {
    return this.limiter.gainReduction;
  }

  /** Kind of the boundary `nextBoundary` found (a field, not a returned object: it runs every block). */
  private boundaryKind: 'jump' | 'loop' | 'end' = 'end';

  /** The transport's next event boundary after `from`: a pending jump's bar line, a held section's end, the end. */
  private nextBoundary(from: number): number {
    const c = this.bands[this.current].compiled;
    if (this.pendingSection >= 0) {
      // The next bar line at or after `from` (a position a hair before a line counts as on it).
      this.boundaryKind = 'jump';
      return Math.max(from, Math.ceil(from / c.beatsPerBar - 1e-9) * c.beatsPerBar);
    }
    if (this.mode === 'hold' && this.holdSection >= 0) {
      const end = c.sectionStarts[this.holdSection + 1];
      const start = c.sectionStarts[this.holdSection];
      if (from >= start - 1e-9 && from < end) {
        this.boundaryKind = 'loop';
        return end;
      }
    }
    this.boundaryKind = 'end';
    return c.totalBeats;
  }

  private locateAll(beat: number, offset: number): void {
    this.beat = beat;
    for (const s of this.bands[this.current].sequencers) s.locate(beat, true, offset);
    if (this.fading >= 0) for (const s of this.bands[this.fading].sequencers) s.releaseAll(offset);
  }

  private runBand(band: Band, from: number, to: number, pos: number, lastFrame: number): void {
    for (let i = 0; i < band.sequencers.length; i++)
      band.sequencers[i].run(from, to, pos, this.samplesPerBeat, lastFrame);
  }

  private sequence(frames: number): void {
    let pos = this.startDelay > 0 ? Math.min(frames, this.startDelay) : 0;
    this.startDelay -= pos;
    const spb = this.samplesPerBeat;
    while (pos < frames && this.playing) {
      const segmentEnd = this.beat + (frames - pos) / spb;
      const boundary = this.nextBoundary(this.beat);
      const stop = Math.min(segmentEnd, boundary);
      this.runBand(this.bands[this.current], this.beat, stop, pos, frames - 1);
      if (this.fading >= 0) this.runBand(this.bands[this.fading], this.beat, stop, pos, frames - 1);
      if (boundary >= segmentEnd) {
        this.beat = segmentEnd;
        return;
      }
      pos = Math.min(frames, pos + Math.max(0, Math.round((boundary - this.beat) * spb)));
      const kind = this.boundaryKind;
      if (kind === 'end') {
        this.beat = boundary;
        this.stop();
        return;
      }
      if (kind === 'jump') {
        const target = this.bands[this.current].compiled.sectionStarts[this.pendingSection];
        this.pendingSection = -1;
        this.locateAll(target, pos);
      } else {
        this.locateAll(this.bands[this.current].compiled.sectionStarts[this.holdSection], pos);
      }
    }
  }

  /**
   * Renders one block of `frames` (≤ maxBlock) into `outL`/`outR` (overwritten), mixing in the live input
   * when given.
   */
  process(
    outL: Float32Array,
    outR: Float32Array,
    frames: number,
    inL?: Float32Array,
    inR?: Float32Array,
  ): void {
    const n = Math.min(frames, this.maxBlock);
    const { busL, busR, sendL, sendR } = this;
    busL.fill(0, 0, n);
    busR.fill(0, 0, n);
    sendL.fill(0, 0, n);
    sendR.fill(0, 0, n);
    if (this.bands.length > 0) {
      if (this.playing) this.sequence(n);
      this.mixBand(this.current, n, false);
      if (this.fading >= 0) {
        this.mixBand(this.fading, n, true);
        this.fade = Math.min(1, this.fade + n * this.fadeStep);
        if (this.fade >= 1) {
          for (const s of this.bands[this.fading].sequencers) s.instrument.reset();
          this.fading = -1;
        }
      }
    }
    this.effectsChain.process(busL, busR, sendL, sendR, 0, n);
    let peak = 0;
    for (let i = 0; i < n; i++) {
      const m = this.master.next();
      const back = this.backingGain.next() * m;
      const live = this.liveGain.next() * m;
      outL[i] = busL[i] * back + (inL ? inL[i] * live : 0);
      outR[i] = busR[i] * back + (inR ? inR[i] * live : inL ? inL[i] * live : 0);
    }
    this.limiter.process(outL, outR, 0, n);
    for (let i = 0; i < n; i++) peak = Math.max(peak, Math.abs(outL[i]), Math.abs(outR[i]));
    this.peak = peak;
  }

  /** Renders one band's parts into the buses, with its crossfade gain ramp (equal power). */
  private mixBand(index: number, n: number, fadingOut: boolean): void {
    const band = this.bands[index];
    const { partL, partR, busL, busR, sendL, sendR } = this;
    for (let p = 0; p < band.sequencers.length; p++) {
      partL.fill(0, 0, n);
      partR.fill(0, 0, n);
      band.sequencers[p].instrument.process(partL, partR, 0, n);
      const g = band.gains[p];
      const pan = band.pans[p];
      const gl = g * Math.cos(((pan + 1) * Math.PI) / 4) * Math.SQRT2;
      const gr = g * Math.sin(((pan + 1) * Math.PI) / 4) * Math.SQRT2;
      const send = band.sends[p];
      let fade = this.fade;
      for (let i = 0; i < n; i++) {
        let x = 1;
        if (fade < 1) {
          const t = Math.min(1, fade);
          x = fadingOut ? Math.cos((t * Math.PI) / 2) : Math.sin((t * Math.PI) / 2);
          fade += this.fadeStep;
        }
        const l = partL[i] * gl * x;
        const r = partR[i] * gr * x;
        busL[i] += l;
        busR[i] += r;
        sendL[i] += l * send;
        sendR[i] += r * send;
      }
    }
  }
}
