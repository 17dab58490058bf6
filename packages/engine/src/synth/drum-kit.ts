import type { DrumVoice } from '../generate/models/types.js';
import type { MidiNote, Samples } from '../units.js';
import { DRUM_RECIPES, type DrumRecipe, FILTER_BAND, FILTER_LOW, FILTER_OFF } from './drum-recipes.js';
import { decayCoef, Noise, Svf, sineAt, softClip, velocityGain } from './dsp-kernels.js';
import { SILENT_LEVEL } from './envelope.js';
import { DRUM_VOICES, GM_NOTE_OF_VOICE, NOTE_TUNING, NOTE_VOICE } from './gm-drums.js';
import { mergeSound } from './keyboard-sound.js';
import { type PolyOptions, PolySynth, PolyVoice } from './poly-synth.js';
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
  constructor(
    readonly sampleRate: number,
    readonly sound: KeyboardSound,
  ) {}
}

function setFilter(f: Svf, spec: readonly [number, number, number], scale: number, fs: number): void {
  if (spec[0] !== FILTER_OFF) f.tuning(spec[1] * scale, fs, spec[2]);
}

function filterOut(f: Svf, mode: number, x: number): number {
  if (mode === FILTER_OFF) return x;
  f.tick(x);
  return mode === FILTER_LOW ? f.low : mode === FILTER_BAND ? f.band : f.high;
}

class DrumVoiceSynth extends PolyVoice {
  /** Index into DRUM_VOICES of what is playing, -1 when idle. */
  kind = -1;
  private recipe: DrumRecipe = RECIPES[0];
  private readonly noise: Noise;
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
    const rc = this.recipe;
    const noise = this.noise;
    const f1 = this.f1;
    const f2 = this.f2;
    const mode1 = rc.filter1[0];
    const mode2 = rc.filter2[0];
    const metalPh = this.metalPh;
    const metalDt = this.metalDt;
    const metalCount = this.metalCount;
    const metalLevel = rc.metalLevel / Math.max(1, metalCount);
    const noiseLevel = rc.noiseLevel;
    const body2 = rc.body2Level;
    const body2Ratio = rc.body2Ratio;
    const preGain = rc.gain * this.drive;
    const gain = this.gain;
    const fadeStep = this.fadeStep;
    let fade = this.fade;
    let ph1 = this.ph1;
    let ph2 = this.ph2;
    let bodyEnv = this.bodyEnv;
    let sweepEnv = this.sweepEnv;
    let noiseEnv = this.noiseEnv;
    let clickEnv = this.clickEnv;
    let onset = this.onset;
    for (let i = 0; i < n; i++) {
      // Stop on the very sample the sound ends, so where a block boundary falls never matters.
      if (bodyEnv === 0 && noiseEnv === 0 && clickEnv === 0) break;
      let s = 0;
      if (bodyEnv > 0) {
        const dt = this.bodyDt + this.sweepDt * sweepEnv;
        sweepEnv *= this.sweepCoef;
        if (sweepEnv < 1e-12) sweepEnv = 0;
        s += sineAt(ph1) * bodyEnv;
        ph1 += dt;
        if (ph1 >= 1) ph1 -= Math.floor(ph1);
        if (body2 > 0) {
          s += sineAt(ph2) * bodyEnv * body2;
          ph2 += dt * body2Ratio;
          if (ph2 >= 1) ph2 -= Math.floor(ph2);
        }
        bodyEnv *= this.bodyCoef;
        if (bodyEnv < SILENT_LEVEL) bodyEnv = 0;
      }
      if (noiseEnv > 0) {
        let x = noiseLevel > 0 ? noiseLevel * noise.next() : 0;
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
        s += filterOut(f2, mode2, filterOut(f1, mode1, x * noiseEnv));
        noiseEnv *= this.noiseCoef;
        if (this.burstsLeft > 0 && --this.burstTimer <= 0) {
          // Clap: the next hand. The last burst hands over to the tail's slower decay.
          noiseEnv = 1;
          this.burstTimer = this.burstSamples;
          if (--this.burstsLeft === 0) this.noiseCoef = this.tailCoef;
        } else if (noiseEnv < SILENT_LEVEL && this.burstsLeft === 0) noiseEnv = 0;
      }
      if (clickEnv > 0) {
        s += clickEnv * noise.next();
        clickEnv *= this.clickCoef;
        if (clickEnv < SILENT_LEVEL) clickEnv = 0;
      }
      if (onset < 1) {
        onset += this.onsetStep;
        if (onset > 1) onset = 1;
      }
      const y = softClip(s * preGain) * gain * onset * fade;
      fade -= fadeStep;
      if (fade < 0) fade = 0;
      l[start + i] += y * this.panL;
      r[start + i] += y * this.panR;
    }
    this.fade = fade;
    this.ph1 = ph1;
    this.ph2 = ph2;
    this.bodyEnv = bodyEnv;
    this.sweepEnv = sweepEnv;
    this.noiseEnv = noiseEnv;
    this.clickEnv = clickEnv;
    this.onset = onset;
    return bodyEnv > 0 || noiseEnv > 0 || clickEnv > 0;
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
    for (const v of this.voices) {
      if (v.active && v.kind === OPEN_HAT && v.fadeRemaining === 0) v.fadeOut(samples, -1, 0, 0);
      else if (v.fadeRemaining > 0 && v.pendingNote >= 0 && NOTE_VOICE[v.pendingNote] === OPEN_HAT)
        v.pendingNote = -1;
    }
  }
}
