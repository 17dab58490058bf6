import type { DrumVoice } from '../generate/models/types.js';
import type { MidiNote, Samples } from '../units.js';
import { DRUM_RECIPES, type DrumRecipe, FILTER_OFF } from './drum-recipes.js';
import { decayCoef, Noise, SINE, SINE_SIZE, Svf, softClip, velocityGain } from './dsp-kernels.js';
import { SILENT_LEVEL } from './envelope.js';
import { DRUM_VOICES, GM_NOTE_OF_VOICE, NOTE_TUNING, NOTE_VOICE } from './gm-drums.js';
import { mergeSound } from './keyboard-sound.js';
import { CONTROL_BLOCK, type PolyOptions, PolySynth, PolyVoice } from './poly-synth.js';
import type { KeyboardSound } from './types.js';

export interface DrumKitOptions extends PolyOptions {
  /** Voices sounding at once across the kit; 16 by default. */
  polyphony?: number;
  sound?: Partial<KeyboardSound>;
}

export const DEFAULT_DRUM_SOUND: Readonly<KeyboardSound> = {
  tone: 0.5,
  warmth: 0.3,
  brightness: 0.5,
  attack: 0,
  decay: 0.5,
  release: 0.3,
};

const RECIPES: readonly DrumRecipe[] = DRUM_VOICES.map((v) => DRUM_RECIPES[v]);
const OPEN_HAT = DRUM_VOICES.indexOf('openHat');
const CLOSED_HAT = DRUM_VOICES.indexOf('closedHat');
const PEDAL_HAT = DRUM_VOICES.indexOf('pedalHat');
/** A closed hat chokes a ringing open hat over this long: as fast as a real pair of cymbals closing. */
const CHOKE_SECONDS = 0.008;
const MAX_METAL = 6;

class DrumCore {
  /** Scratch the voices share (they render one after another). */
  readonly sum = new Float64Array(CONTROL_BLOCK);
  readonly noisy = new Float64Array(CONTROL_BLOCK);

  constructor(
    readonly sampleRate: number,
    readonly sound: KeyboardSound,
  ) {}
}

function setFilter(f: Svf, spec: readonly [number, number, number], scale: number, fs: number): void {
  if (spec[0] !== FILTER_OFF) f.tuning(spec[1] * scale, fs, spec[2]);
}

class DrumVoiceSynth extends PolyVoice {
  /** Index into DRUM_VOICES of what is playing, -1 when idle. */
  kind = -1;
  private recipe: DrumRecipe = RECIPES[0];
  private readonly noise: Noise;
  /** The click draws its own noise, so the stages' draws never interleave differently with block size. */
  private readonly clickNoise: Noise;
  private readonly f1 = new Svf();
  private readonly f2 = new Svf();
  private readonly metalPh = new Float64Array(MAX_METAL);
  private readonly metalDt = new Float64Array(MAX_METAL);
  private metalCount = 0;
  private ph1 = 0;
  private ph2 = 0;
  private bodyEnv = 0;
  private bodyCoef = 0;
  private sweepEnv = 0;
  private sweepCoef = 0;
  private bodyDt = 0;
  private sweepDt = 0;
  private noiseEnv = 0;
  private noiseCoef = 0;
  private tailCoef = 0;
  private burstsLeft = 0;
  private burstTimer = 0;
  private burstSamples = 0;
  private clickEnv = 0;
  private clickCoef = 0;
  private onset = 0;
  private onsetStep = 1;
  private gain = 0;
  private drive = 1;
  private panL = 1;
  private panR = 1;

  constructor(
    private readonly core: DrumCore,
    seed: number,
  ) {
    super();
    this.noise = new Noise(seed);
    this.clickNoise = new Noise(seed ^ 0x5bd1e995);
  }

  protected trigger(note: MidiNote, velocity: number, _retrigger: boolean): void {
    const kind = NOTE_VOICE[note];
    const rc = RECIPES[kind];
    const fs = this.core.sampleRate;
    const s = this.core.sound;
    this.kind = kind;
    this.recipe = rc;
    const tune = NOTE_TUNING[note] * 2 ** (s.tone - 0.5);
    const decayScale = 2 ** ((s.decay - 0.5) * 3);
    const filterScale = 2 ** ((s.brightness - 0.5) * 2);
    this.bodyEnv = rc.bodyLevel;
    this.bodyCoef = decayCoef(rc.bodyDecay * decayScale, fs);
    this.bodyDt = (rc.bodyHz * tune) / fs;
    this.sweepDt = ((rc.bodyStartHz - rc.bodyHz) * tune) / fs;
    this.sweepEnv = 1;
    this.sweepCoef = Math.exp(-1 / (rc.sweep * fs));
    this.metalCount = Math.min(MAX_METAL, rc.metalHz.length);
    for (let i = 0; i < this.metalCount; i++) {
      this.metalDt[i] = (rc.metalHz[i] * tune) / fs;
      this.metalPh[i] = 0;
    }
    const hasNoise = rc.noiseLevel > 0 || rc.metalLevel > 0;
    this.noiseEnv = hasNoise ? 1 : 0;
    this.tailCoef = decayCoef(rc.noiseDecay * decayScale, fs);
    this.burstsLeft = hasNoise ? rc.bursts : 0;
    this.burstSamples = Math.max(1, Math.round(rc.burstSpacing * fs));
    this.burstTimer = this.burstSamples;
    this.noiseCoef = this.burstsLeft > 0 ? decayCoef(rc.burstDecay, fs) : this.tailCoef;
    if (this.burstsLeft > 0) this.burstsLeft--; // the hit itself is the first burst
    this.clickEnv = rc.clickLevel;
    this.clickCoef = decayCoef(rc.clickDecay, fs);
    setFilter(this.f1, rc.filter1, filterScale, fs);
    setFilter(this.f2, rc.filter2, filterScale, fs);
    const attack = Math.max(rc.attack, 0.0002 * 100 ** s.attack);
    this.onset = 0;
    this.onsetStep = 1 / Math.max(1, attack * fs);
    this.drive = 1 + 2 * s.warmth;
    this.gain = velocityGain(velocity) / Math.sqrt(this.drive);
    this.panL = Math.min(1, 1 - rc.pan);
    this.panR = Math.min(1, 1 + rc.pan);
  }

  release(): void {}

  level(): number {
    return this.gain * (this.bodyEnv + this.noiseEnv + this.clickEnv);
  }

  protected clear(): void {
    this.f1.clear();
    this.f2.clear();
    this.ph1 = this.ph2 = 0;
    this.bodyEnv = this.noiseEnv = this.clickEnv = 0;
    this.burstsLeft = 0;
    this.kind = -1;
  }

  protected renderCore(l: Float32Array, r: Float32Array, start: number, n: number, _c0: number): boolean {
    const sum = this.core.sum;
    sum.fill(0, 0, n);
    // Each stage stops on the sample its envelope ends; the voice ends when the last one has.
    const end = Math.max(this.renderBody(sum, n), this.renderNoise(sum, n), this.renderClick(sum, n));
    const rc = this.recipe;
    const preGain = rc.gain * this.drive;
    const gain = this.gain;
    const panL = this.panL;
    const panR = this.panR;
    const fadeStep = this.fadeStep;
    const onsetStep = this.onsetStep;
    let fade = this.fade;
    let onset = this.onset;
    for (let i = 0; i < end; i++) {
      if (onset < 1) {
        onset += onsetStep;
        if (onset > 1) onset = 1;
      }
      const y = softClip(sum[i] * preGain) * gain * onset * fade;
      fade -= fadeStep;
      if (fade < 0) fade = 0;
      l[start + i] += y * panL;
      r[start + i] += y * panR;
    }
    this.fade = fade;
    this.onset = onset;
    return end === n;
  }

  /** Pitched body: sine(s) with a falling pitch; returns the sample it ended at (n if still sounding). */
  private renderBody(out: Float64Array, n: number): number {
    let env = this.bodyEnv;
    if (env === 0) return 0;
    const rc = this.recipe;
    const body2 = rc.body2Level;
    const ratio = rc.body2Ratio;
    const coef = this.bodyCoef;
    const sweepCoef = this.sweepCoef;
    const baseDt = this.bodyDt;
    const sweepDt = this.sweepDt;
    let sweep = this.sweepEnv;
    let ph1 = this.ph1;
    let ph2 = this.ph2;
    let i = 0;
    for (; i < n && env > 0; i++) {
      const dt = baseDt + sweepDt * sweep;
      sweep *= sweepCoef;
      if (sweep < 1e-12) sweep = 0;
      let f = ph1 * SINE_SIZE;
      let j = f | 0;
      let s = SINE[j] + (f - j) * (SINE[j + 1] - SINE[j]);
      ph1 += dt;
      if (ph1 >= 1) ph1 -= Math.floor(ph1);
      if (body2 > 0) {
        f = ph2 * SINE_SIZE;
        j = f | 0;
        s += body2 * (SINE[j] + (f - j) * (SINE[j + 1] - SINE[j]));
        ph2 += dt * ratio;
        if (ph2 >= 1) ph2 -= Math.floor(ph2);
      }
      out[i] += s * env;
      env *= coef;
      if (env < SILENT_LEVEL) env = 0;
    }
    this.bodyEnv = env;
    this.sweepEnv = sweep;
    this.ph1 = ph1;
    this.ph2 = ph2;
    return env > 0 ? n : i;
  }

  /** Noise and metal squares through the two filters, with clap bursts. */
  private renderNoise(out: Float64Array, n: number): number {
    let env = this.noiseEnv;
    if (env === 0) return 0;
    const rc = this.recipe;
    const buf = this.core.noisy;
    let seed = this.noise.s;
    const noiseLevel = rc.noiseLevel;
    const metalPh = this.metalPh;
    const metalDt = this.metalDt;
    const metalCount = this.metalCount;
    const metalLevel = rc.metalLevel / Math.max(1, metalCount);
    let i = 0;
    for (; i < n && env > 0; i++) {
      let x = 0;
      if (noiseLevel > 0) {
        // Noise.next inline (no boxed return value per sample).
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        x = noiseLevel * ((seed | 0) / 2147483648);
      }
      if (metalCount > 0) {
        let m = 0;
        for (let k = 0; k < metalCount; k++) {
          let p = metalPh[k] + metalDt[k];
          if (p >= 1) p -= 1;
          metalPh[k] = p;
          m += p < 0.5 ? 1 : -1;
        }
        x += m * metalLevel;
      }
      buf[i] = x * env;
      env *= this.noiseCoef;
      if (this.burstsLeft > 0 && --this.burstTimer <= 0) {
        // Clap: the next hand. The last burst hands over to the tail's slower decay.
        env = 1;
        this.burstTimer = this.burstSamples;
        if (--this.burstsLeft === 0) this.noiseCoef = this.tailCoef;
      } else if (env < SILENT_LEVEL && this.burstsLeft === 0) env = 0;
    }
    this.noiseEnv = env;
    this.noise.s = seed >>> 0;
    this.f1.process(buf, i, rc.filter1[0]);
    this.f2.process(buf, i, rc.filter2[0]);
    for (let j = 0; j < i; j++) out[j] += buf[j];
    return env > 0 ? n : i;
  }

  private renderClick(out: Float64Array, n: number): number {
    let env = this.clickEnv;
    if (env === 0) return 0;
    let seed = this.clickNoise.s;
    const coef = this.clickCoef;
    let i = 0;
    for (; i < n && env > 0; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      out[i] += env * ((seed | 0) / 2147483648);
      env *= coef;
      if (env < SILENT_LEVEL) env = 0;
    }
    this.clickEnv = env;
    this.clickNoise.s = seed >>> 0;
    return env > 0 ? n : i;
  }
}

/**
 * Synthesised drum kit: every DrumVoice from one pool of voices, addressed by General MIDI note (36 kick,
 * 38 snare, 42 closed hat …, see gm-drums.ts) or by name with `hit`. A closed or pedal hat chokes an open
 * one. Controls, read at each hit: tone = tuning (±half an octave), brightness = noise/metal filter
 * tuning (±1 octave), decay = decay times (×1/2.8 … ×2.8), warmth = drive, attack = onset softening.
 */
export class DrumKit extends PolySynth<DrumVoiceSynth> {
  private readonly sound: KeyboardSound;

  constructor(options: DrumKitOptions) {
    const sound = { ...DEFAULT_DRUM_SOUND };
    mergeSound(sound, options.sound ?? {});
    const core = new DrumCore(options.sampleRate, sound);
    const count = Math.max(1, Math.floor(options.polyphony ?? 16));
    const voices: DrumVoiceSynth[] = [];
    for (let i = 0; i < count; i++) voices.push(new DrumVoiceSynth(core, 0x6d2b79f5 + i * 0x9e3779b9));
    super(options, voices);
    this.oneShot = true;
    this.sound = sound;
  }

  /** Plays a drum by name. */
  hit(voice: DrumVoice, velocity: number, offset: Samples = 0): void {
    this.noteOn(GM_NOTE_OF_VOICE[voice], velocity, offset);
  }

  setParams(params: Partial<KeyboardSound>): void {
    mergeSound(this.sound, params);
  }

  get params(): Readonly<KeyboardSound> {
    return this.sound;
  }

  protected updateControls(_n: number): void {}

  protected override accepts(note: MidiNote): boolean {
    return NOTE_VOICE[note] >= 0;
  }

  protected override onNoteStart(note: MidiNote): void {
    const kind = NOTE_VOICE[note];
    if (kind !== CLOSED_HAT && kind !== PEDAL_HAT) return;
    const samples = Math.round(CHOKE_SECONDS * this.sampleRate);
    for (let i = 0; i < this.voices.length; i++) {
      const v = this.voices[i];
      if (v.active && v.kind === OPEN_HAT && v.fadeRemaining === 0) v.fadeOut(samples, -1, 0, 0);
      else if (v.fadeRemaining > 0 && v.pendingNote >= 0 && NOTE_VOICE[v.pendingNote] === OPEN_HAT)
        v.pendingNote = -1;
    }
  }
}
