import type { MidiNote } from '../units.js';
import { decayCoef, noteHz, sineAt, sineWrapped, smoothCoef, softClip } from './dsp-kernels.js';
import { Adsr, type AdsrRates, SILENT_LEVEL } from './envelope.js';
import { FM_PRESETS, type FmPatch, type FmPreset, type FmPresetName } from './fm-presets.js';
import { attackSeconds, decaySeconds, mergeSound, releaseSeconds } from './keyboard-sound.js';
import { ParamSmoother } from './param-smoother.js';
import { CONTROL_BLOCK, type PolyOptions, PolySynth, PolyVoice } from './poly-synth.js';
import type { KeyboardSound } from './types.js';

export interface FmKeysOptions extends PolyOptions {
  /** 'electricPiano' by default. */
  preset?: FmPresetName | FmPreset;
  sound?: Partial<KeyboardSound>;
  polyphony?: number;
}

const TWO_PI_INV = 1 / (2 * Math.PI);
const CONTROL_SMOOTHING = 0.015;
/** Operator envelopes rise to a new peak with this time constant: a tine's attack is about this sharp. */
const OPERATOR_RISE = 0.0005;

class FmCore {
  readonly invFs: number;
  readonly ampRates: AdsrRates = { attackStep: 1, decayCoef: 0, sustain: 1, releaseCoef: 0 };
  readonly opDecay = new Float64Array(4);
  readonly opSustain = new Float64Array(4);
  readonly riseAlpha: number;
  readonly tone = new Float32Array(CONTROL_BLOCK);
  readonly warmth = new Float32Array(CONTROL_BLOCK);
  readonly brightness = new Float32Array(CONTROL_BLOCK);

  constructor(
    readonly sampleRate: number,
    readonly patch: FmPatch,
    private readonly presetDecay: number,
  ) {
    this.invFs = 1 / sampleRate;
    this.riseAlpha = 1 - smoothCoef(OPERATOR_RISE, sampleRate);
    for (let k = 0; k < 4; k++) this.opSustain[k] = patch.operators[k].sustain;
  }

  setTimes(s: KeyboardSound): void {
    const fs = this.sampleRate;
    this.ampRates.attackStep = 1 / Math.max(1, attackSeconds(s.attack) * fs);
    this.ampRates.releaseCoef = decayCoef(releaseSeconds(s.release), fs);
    const scale = decaySeconds(s.decay) / decaySeconds(this.presetDecay);
    for (let k = 0; k < 4; k++) this.opDecay[k] = decayCoef(this.patch.operators[k].decay * scale, fs);
  }
}

class FmVoice extends PolyVoice {
  private readonly amp: Adsr;
  /** Operator envelope levels, peaks, and whether each is still rising to its peak. */
  private readonly env = new Float64Array(4);
  private readonly peak = new Float64Array(4);
  private readonly rising = new Uint8Array(4);
  private readonly dt = new Float64Array(4);
  private p0 = 0;
  private p1 = 0;
  private p2 = 0;
  private p3 = 0;
  private fb1 = 0;
  private fb2 = 0;
  private panL = 1;
  private panR = 1;

  constructor(private readonly core: FmCore) {
    super();
    this.amp = new Adsr(core.ampRates);
  }

  protected trigger(note: MidiNote, velocity: number, retrigger: boolean): void {
    const p = this.core.patch;
    const hz = noteHz(note);
    const v = velocity / 127;
    const octaves = (note - 60) / 12;
    for (let k = 0; k < 4; k++) {
      const o = p.operators[k];
      this.dt[k] = (hz * o.ratio + o.detuneHz) * this.core.invFs;
      const vel = 1 - o.velocitySensitivity + o.velocitySensitivity * (k === 0 || k === 2 ? v * v : v);
      const keys = Math.min(2, 2 ** (-o.keyScaling * octaves));
      this.peak[k] = o.level * vel * keys;
      this.rising[k] = 1;
    }
    if (!retrigger) {
      const pan = Math.max(-1, Math.min(1, (p.spread * (note - 60)) / 24));
      this.panL = Math.min(1, 1 - pan);
      this.panR = Math.min(1, 1 + pan);
    }
    this.amp.trigger(1);
  }

  release(): void {
    this.amp.release();
  }

  level(): number {
    return this.amp.value * (Math.abs(this.env[0]) + Math.abs(this.env[2]));
  }

  protected clear(): void {
    this.amp.clear();
    this.env.fill(0);
    this.p0 = this.p1 = this.p2 = this.p3 = 0;
    this.fb1 = this.fb2 = 0;
  }

  protected renderCore(l: Float32Array, r: Float32Array, start: number, n: number, c0: number): boolean {
    const core = this.core;
    const patch = core.patch;
    const env = this.env;
    const peak = this.peak;
    const rising = this.rising;
    const dec = core.opDecay;
    const sus = core.opSustain;
    const rise = core.riseAlpha;
    const tone = core.tone;
    const warmth = core.warmth;
    const bright = core.brightness;
    const amp = this.amp;
    const dt0 = this.dt[0];
    const dt1 = this.dt[1];
    const dt2 = this.dt[2];
    const dt3 = this.dt[3];
    const fbAmount = patch.feedback * 0.5;
    const level = patch.level;
    const panL = this.panL;
    const panR = this.panR;
    const fadeStep = this.fadeStep;
    let fade = this.fade;
    let p0 = this.p0;
    let p1 = this.p1;
    let p2 = this.p2;
    let p3 = this.p3;
    let fb1 = this.fb1;
    let fb2 = this.fb2;
    const sustains = sus[0] + sus[2] > 0;
    let alive = true;
    for (let i = 0; i < n; i++) {
      const c = c0 + i;
      for (let k = 0; k < 4; k++) {
        const pk = peak[k];
        let e = env[k];
        if (rising[k] === 1) {
          e += (pk - e) * rise;
          if (Math.abs(pk - e) <= 0.01 * pk + 1e-9) rising[k] = 0;
        } else {
          const target = sus[k] * pk;
          e = target + (e - target) * dec[k];
          if (Math.abs(e) < SILENT_LEVEL * 0.01 && target === 0) e = 0;
        }
        env[k] = e;
      }
      const indexScale = Math.exp((bright[c] - 0.5) * 3 * Math.LN2) * TWO_PI_INV;
      const m1 = sineWrapped(p1 + fbAmount * (fb1 + fb2)) * env[1];
      fb2 = fb1;
      fb1 = m1;
      const m3 = sineAt(p3) * env[3];
      const c0v = sineWrapped(p0 + m1 * indexScale) * env[0];
      const c2v = sineWrapped(p2 + m3 * indexScale) * env[2];
      const t = tone[c];
      const mixA = t < 0.5 ? 1 : 2 - 2 * t;
      const mixB = t > 0.5 ? 1 : 2 * t;
      const drive = 1 + 2 * warmth[c];
      const ampE = amp.next();
      // Stop on the very sample the sound ends, so where a block boundary falls never matters.
      if (
        !amp.active ||
        (!sustains && env[0] < SILENT_LEVEL && env[2] < SILENT_LEVEL && rising[0] + rising[2] === 0)
      ) {
        alive = false;
        break;
      }
      const y = ((level * softClip((mixA * c0v + mixB * c2v) * drive)) / Math.sqrt(drive)) * ampE * fade;
      fade -= fadeStep;
      if (fade < 0) fade = 0;
      l[start + i] += y * panL;
      r[start + i] += y * panR;
      p0 += dt0;
      if (p0 >= 1) p0 -= 1;
      p1 += dt1;
      if (p1 >= 1) p1 -= Math.floor(p1);
      p2 += dt2;
      if (p2 >= 1) p2 -= Math.floor(p2);
      p3 += dt3;
      if (p3 >= 1) p3 -= Math.floor(p3);
    }
    this.fade = fade;
    this.p0 = p0;
    this.p1 = p1;
    this.p2 = p2;
    this.p3 = p3;
    this.fb1 = fb1;
    this.fb2 = fb2;
    return alive;
  }
}

/**
 * Four-operator FM keys (two 2-op stacks, DX7 algorithm 5 in miniature). Velocity raises the modulation
 * index (brighter when harder), the tine/bell pair's index dies fast for the struck attack.
 * Controls: tone = balance of the two stacks (0.5 = as voiced), brightness = index scale (±1.5 octaves of
 * index around the preset), warmth = drive into a soft saturator, attack/release = the amp envelope,
 * decay = the operators' decays relative to the preset.
 */
export class FmKeys extends PolySynth<FmVoice> {
  private readonly core: FmCore;
  private readonly sound: KeyboardSound;
  private readonly tone: ParamSmoother;
  private readonly warmth: ParamSmoother;
  private readonly brightness: ParamSmoother;

  constructor(options: FmKeysOptions) {
    const preset =
      typeof options.preset === 'object' ? options.preset : FM_PRESETS[options.preset ?? 'electricPiano'];
    const core = new FmCore(options.sampleRate, preset.patch, preset.sound.decay);
    const count = Math.max(1, Math.floor(options.polyphony ?? preset.polyphony));
    const voices: FmVoice[] = [];
    for (let i = 0; i < count; i++) voices.push(new FmVoice(core));
    super(options, voices);
    this.core = core;
    this.sound = { ...preset.sound };
    mergeSound(this.sound, options.sound ?? {});
    const a = smoothCoef(CONTROL_SMOOTHING, options.sampleRate);
    this.tone = new ParamSmoother(this.sound.tone, a);
    this.warmth = new ParamSmoother(this.sound.warmth, a);
    this.brightness = new ParamSmoother(this.sound.brightness, a);
    core.setTimes(this.sound);
  }

  setParams(params: Partial<KeyboardSound>): void {
    mergeSound(this.sound, params);
    this.tone.target = this.sound.tone;
    this.warmth.target = this.sound.warmth;
    this.brightness.target = this.sound.brightness;
    this.core.setTimes(this.sound);
  }

  get params(): Readonly<KeyboardSound> {
    return this.sound;
  }

  protected updateControls(n: number): void {
    this.tone.fill(this.core.tone, n);
    this.warmth.fill(this.core.warmth, n);
    this.brightness.fill(this.core.brightness, n);
  }
}
