import type { MidiNote } from '../units.js';
import { decayCoef, noteHz, SINE, SINE_SIZE, smoothCoef, softClip } from './dsp-kernels.js';
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
  /** Per-sample values derived from the controls, shared by all voices. */
  readonly indexScale = new Float64Array(CONTROL_BLOCK);
  readonly mixA = new Float64Array(CONTROL_BLOCK);
  readonly mixB = new Float64Array(CONTROL_BLOCK);
  readonly drive = new Float64Array(CONTROL_BLOCK);
  readonly outGain = new Float64Array(CONTROL_BLOCK);
  /** Scratch the voices share (they render one after another). */
  readonly env = [0, 1, 2, 3].map(() => new Float64Array(CONTROL_BLOCK));
  readonly mod1 = new Float64Array(CONTROL_BLOCK);
  readonly mod3 = new Float64Array(CONTROL_BLOCK);
  readonly ampEnv = new Float64Array(CONTROL_BLOCK);

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

  derive(n: number): void {
    const level = this.patch.level;
    for (let i = 0; i < n; i++) {
      this.indexScale[i] = Math.exp((this.brightness[i] - 0.5) * 3 * Math.LN2) * TWO_PI_INV;
      const t = this.tone[i];
      this.mixA[i] = t < 0.5 ? 1 : 2 - 2 * t;
      this.mixB[i] = t > 0.5 ? 1 : 2 * t;
      const drive = 1 + 2 * this.warmth[i];
      this.drive[i] = drive;
      this.outGain[i] = level / Math.sqrt(drive);
    }
  }
}

/**
 * Operator envelope k for n samples into `out`: a fast one-pole rise to the peak (continuing from the
 * current level on a retrigger), then exponential decay toward the sustain fraction of the peak.
 */
function operatorEnvelope(
  out: Float64Array,
  n: number,
  k: number,
  env: Float64Array,
  peak: Float64Array,
  rising: Uint8Array,
  core: FmCore,
): void {
  const pk = peak[k];
  const target = core.opSustain[k] * pk;
  const dec = core.opDecay[k];
  const rise = core.riseAlpha;
  let e = env[k];
  let up = rising[k];
  for (let i = 0; i < n; i++) {
    if (up === 1) {
      e += (pk - e) * rise;
      if (Math.abs(pk - e) <= 0.01 * pk + 1e-9) up = 0;
    } else {
      e = target + (e - target) * dec;
      if (target === 0 && e < SILENT_LEVEL * 0.01) e = 0;
    }
    out[i] = e;
  }
  env[k] = e;
  rising[k] = up;
}

/**
 * One sine operator into `out`: sin(2π(phase + mod[i])) × env[i] × scale[i] (mod null: unmodulated).
 * The table read is written out here rather than called, so the loop stays free of boxed return values.
 */
function operator(
  out: Float64Array,
  n: number,
  phase: Float64Array,
  slot: number,
  dt: number,
  env: Float64Array,
  mod: Float64Array | null,
): void {
  let p = phase[slot];
  for (let i = 0; i < n; i++) {
    let x = mod === null ? p : p + mod[i];
    x -= Math.floor(x);
    const f = x * SINE_SIZE;
    const j = f | 0;
    const a = SINE[j];
    out[i] = (a + (f - j) * (SINE[j + 1] - a)) * env[i];
    p += dt;
    if (p >= 1) p -= Math.floor(p);
  }
  phase[slot] = p;
}

class FmVoice extends PolyVoice {
  private readonly amp: Adsr;
  /** Operator envelope levels, peaks, and whether each is still rising to its peak. */
  private readonly env = new Float64Array(4);
  private readonly peak = new Float64Array(4);
  private readonly rising = new Uint8Array(4);
  private readonly dt = new Float64Array(4);
  private readonly phase = new Float64Array(4);
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
    this.phase.fill(0);
    this.rising.fill(1);
    this.fb1 = this.fb2 = 0;
  }

  protected renderCore(l: Float32Array, r: Float32Array, start: number, n: number, c0: number): boolean {
    const core = this.core;
    const env = core.env;
    for (let k = 0; k < 4; k++) operatorEnvelope(env[k], n, k, this.env, this.peak, this.rising, core);
    const end = Math.min(this.amp.render(core.ampEnv, n), this.carrierEnd(n));
    // Operator 1 with self-feedback (the mean of its last two outputs, as in the DX7, to tame the ripple).
    const mod1 = core.mod1;
    const mod3 = core.mod3;
    const idx = core.indexScale;
    const fbAmount = core.patch.feedback * 0.5;
    const env1 = env[1];
    let p1 = this.phase[1];
    const dt1 = this.dt[1];
    let fb1 = this.fb1;
    let fb2 = this.fb2;
    for (let i = 0; i < n; i++) {
      let x = p1 + fbAmount * (fb1 + fb2);
      x -= Math.floor(x);
      const f = x * SINE_SIZE;
      const j = f | 0;
      const a = SINE[j];
      const y = (a + (f - j) * (SINE[j + 1] - a)) * env1[i];
      fb2 = fb1;
      fb1 = y;
      mod1[i] = y * idx[c0 + i];
      p1 += dt1;
      if (p1 >= 1) p1 -= Math.floor(p1);
    }
    this.phase[1] = p1;
    this.fb1 = fb1;
    this.fb2 = fb2;
    operator(mod3, n, this.phase, 3, this.dt[3], env[3], null);
    for (let i = 0; i < n; i++) mod3[i] *= idx[c0 + i];
    // Carriers, written over the envelope buffers 0 and 2 (each sample's envelope is read before it is replaced).
    operator(env[0], n, this.phase, 0, this.dt[0], env[0], mod1);
    operator(env[2], n, this.phase, 2, this.dt[2], env[2], mod3);
    const c0v = env[0];
    const c2v = env[2];
    const mixA = core.mixA;
    const mixB = core.mixB;
    const drive = core.drive;
    const gain = core.outGain;
    const ampEnv = core.ampEnv;
    const panL = this.panL;
    const panR = this.panR;
    const fadeStep = this.fadeStep;
    let fade = this.fade;
    for (let i = 0; i < end; i++) {
      const c = c0 + i;
      const y = softClip((mixA[c] * c0v[i] + mixB[c] * c2v[i]) * drive[c]) * gain[c] * ampEnv[i] * fade;
      fade -= fadeStep;
      if (fade < 0) fade = 0;
      l[start + i] += y * panL;
      r[start + i] += y * panR;
    }
    this.fade = fade;
    return end === n;
  }

  /** First sample at which both carriers have died away for good (n if they have not). */
  private carrierEnd(n: number): number {
    const sus = this.core.opSustain;
    if (sus[0] + sus[2] > 0) return n;
    const e0 = this.core.env[0];
    const e2 = this.core.env[2];
    for (let i = 0; i < n; i++) if (e0[i] < SILENT_LEVEL && e2[i] < SILENT_LEVEL) return i;
    return n;
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
    this.core.derive(n);
  }
}
