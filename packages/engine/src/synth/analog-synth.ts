import type { MidiNote } from '../units.js';
import {
  ANALOG_PRESETS,
  type AnalogPatch,
  type AnalogPreset,
  type AnalogPresetName,
} from './analog-presets.js';
import {
  decayCoef,
  Noise,
  noteHz,
  polyBlep,
  Svf,
  smoothCoef,
  softClip,
  triangleBlamp,
  velocityGain,
} from './dsp-kernels.js';
import { Adsr, type AdsrRates } from './envelope.js';
import { attackSeconds, decaySeconds, mergeSound, releaseSeconds } from './keyboard-sound.js';
import { ParamSmoother } from './param-smoother.js';
import { CONTROL_BLOCK, type PolyOptions, PolySynth, PolyVoice } from './poly-synth.js';
import type { KeyboardSound } from './types.js';

export interface AnalogSynthOptions extends PolyOptions {
  /** A preset name or a full preset; 'pad' by default. */
  preset?: AnalogPresetName | AnalogPreset;
  /** Overrides of the preset's patch. */
  patch?: Partial<AnalogPatch>;
  /** Starting controls over the preset's. */
  sound?: Partial<KeyboardSound>;
  polyphony?: number;
}

const LOG2_CUTOFF_MIN = Math.log2(50);
/** Brightness 0-1 spans 50 Hz to about 21 kHz. */
const CUTOFF_OCTAVES = 8.7;
/** Controls glide to a new value with a 15 ms time constant: fast enough to feel live, slow enough not to zip. */
const CONTROL_SMOOTHING = 0.015;

/** State shared by an analog synth's voices: patch, envelope rates and the per-sample control buffers. */
class AnalogCore {
  readonly invFs: number;
  readonly maxCutoff: number;
  readonly ampRates: AdsrRates = { attackStep: 1, decayCoef: 0, sustain: 1, releaseCoef: 0 };
  readonly filterRates: AdsrRates = { attackStep: 1, decayCoef: 0, sustain: 1, releaseCoef: 0 };
  readonly tone = new Float32Array(CONTROL_BLOCK);
  readonly warmth = new Float32Array(CONTROL_BLOCK);
  readonly brightness = new Float32Array(CONTROL_BLOCK);
  readonly detuneRatio: number;
  readonly mixNorm: number;
  readonly damping: number;
  readonly glideCoef: number;

  constructor(
    readonly sampleRate: number,
    readonly patch: AnalogPatch,
  ) {
    this.invFs = 1 / sampleRate;
    this.maxCutoff = 0.45 * sampleRate;
    this.detuneRatio = 2 ** ((patch.osc2Semitones + patch.detuneCents / 100) / 12);
    this.mixNorm = 1 / (1 + Math.abs(patch.osc2Level) + Math.abs(patch.subLevel) * 0.5);
    this.damping = 2 - 1.92 * Math.min(1, Math.max(0, patch.resonance));
    this.glideCoef = patch.glide > 0 ? smoothCoef(patch.glide, sampleRate) : 0;
  }

  setTimes(s: KeyboardSound): void {
    const fs = this.sampleRate;
    const attack = 1 / Math.max(1, attackSeconds(s.attack) * fs);
    const decay = decaySeconds(s.decay);
    const release = decayCoef(releaseSeconds(s.release), fs);
    const p = this.patch;
    const a = this.ampRates;
    a.attackStep = attack;
    a.decayCoef = decayCoef(decay, fs);
    a.sustain = p.sustain;
    a.releaseCoef = release;
    const f = this.filterRates;
    f.attackStep = attack;
    f.decayCoef = decayCoef(decay * p.filterDecayRatio, fs);
    f.sustain = p.filterSustain;
    f.releaseCoef = release;
  }
}

/** Triangle → saw → square as `tone` goes 0 → 0.5 → 1; the square is scaled to the saw's loudness. */
function morphWave(t: number, dt: number, tone: number): number {
  let y = 0;
  if (tone < 0.5) {
    const w = 2 * tone;
    if (w < 1) y += (1 - w) * triangleBlamp(t, dt);
    if (w > 0) y += w * (2 * t - 1 - polyBlep(t, dt));
  } else {
    const w = 2 * tone - 1;
    if (w < 1) y += (1 - w) * (2 * t - 1 - polyBlep(t, dt));
    if (w > 0) {
      let t2 = t + 0.5;
      if (t2 >= 1) t2 -= 1;
      y += w * 0.7 * ((t < 0.5 ? 1 : -1) + polyBlep(t, dt) - polyBlep(t2, dt));
    }
  }
  return y;
}

class AnalogVoice extends PolyVoice {
  private readonly amp: Adsr;
  private readonly fenv: Adsr;
  private readonly filter = new Svf();
  private readonly noise: Noise;
  private ph1 = 0;
  private ph2 = 0;
  private phSub = 0;
  private pitch = 60;
  private targetPitch = 60;
  private dt1 = 0;
  private velOctaves = 0;
  private targetVelOctaves = 0;
  private panL = 1;
  private panR = 1;

  constructor(
    private readonly core: AnalogCore,
    seed: number,
  ) {
    super();
    this.amp = new Adsr(core.ampRates);
    this.fenv = new Adsr(core.filterRates);
    this.noise = new Noise(seed);
  }

  protected trigger(note: MidiNote, velocity: number, retrigger: boolean): void {
    const p = this.core.patch;
    this.targetPitch = note;
    if (!retrigger || this.core.glideCoef === 0) this.pitch = note;
    this.dt1 = noteHz(this.pitch) * this.core.invFs;
    this.targetVelOctaves = p.velocityToFilter * (velocity / 127 - 1);
    if (!retrigger) {
      this.velOctaves = this.targetVelOctaves;
      // A free-running second oscillator: its start phase varies from note to note, as on an analog poly.
      this.ph2 = 0.5 + 0.5 * this.noise.next();
      const pan = Math.max(-1, Math.min(1, (p.spread * (note - 60)) / 24));
      this.panL = Math.min(1, 1 - pan);
      this.panR = Math.min(1, 1 + pan);
    }
    this.amp.trigger(velocityGain(velocity));
    this.fenv.trigger(1);
  }

  release(): void {
    this.amp.release();
    this.fenv.release();
  }

  level(): number {
    return this.amp.value;
  }

  protected clear(): void {
    this.amp.clear();
    this.fenv.clear();
    this.filter.clear();
    this.ph1 = this.ph2 = this.phSub = 0;
  }

  protected renderCore(l: Float32Array, r: Float32Array, start: number, n: number, c0: number): boolean {
    const core = this.core;
    const p = core.patch;
    const tone = core.tone;
    const warmth = core.warmth;
    const bright = core.brightness;
    const amp = this.amp;
    const fenv = this.fenv;
    const filter = this.filter;
    const noise = this.noise;
    const invFs = core.invFs;
    const detune = core.detuneRatio;
    const mixNorm = core.mixNorm;
    const osc2Level = p.osc2Level;
    const subLevel = p.subLevel;
    const noiseLevel = p.noiseLevel;
    const keyTrack = p.keyTracking / 12;
    const envOct = p.filterEnvOctaves;
    const k = core.damping;
    const level = p.level;
    const panL = this.panL;
    const panR = this.panR;
    const fadeStep = this.fadeStep;
    let fade = this.fade;
    let ph1 = this.ph1;
    let ph2 = this.ph2;
    let phSub = this.phSub;
    let dt1 = this.dt1;
    let pitch = this.pitch;
    let velOct = this.velOctaves;
    const targetVelOct = this.targetVelOctaves;
    const glideAlpha = 1 - core.glideCoef;
    const piOverFs = Math.PI * invFs;
    for (let i = 0; i < n; i++) {
      const c = c0 + i;
      if (pitch !== this.targetPitch) {
        pitch += (this.targetPitch - pitch) * glideAlpha;
        if (Math.abs(this.targetPitch - pitch) < 1e-4) pitch = this.targetPitch;
        dt1 = noteHz(pitch) * invFs;
      }
      velOct += (targetVelOct - velOct) * 0.002;
      const dt2 = dt1 * detune;
      const dtSub = dt1 * 0.5;
      const t = tone[c];
      let mix = morphWave(ph1, dt1, t);
      if (osc2Level !== 0) mix += osc2Level * morphWave(ph2, dt2, t);
      if (subLevel !== 0) {
        let s2 = phSub + 0.5;
        if (s2 >= 1) s2 -= 1;
        mix += subLevel * ((phSub < 0.5 ? 1 : -1) + polyBlep(phSub, dtSub) - polyBlep(s2, dtSub));
      }
      if (noiseLevel !== 0) mix += noiseLevel * noise.next();
      const drive = 0.6 + 1.8 * warmth[c];
      const x = softClip(mix * mixNorm * drive);
      const ampE = amp.next();
      // Stop on the very sample the envelope ends, so where a block boundary falls never matters.
      if (!amp.active) break;
      const fe = fenv.next();
      const oct =
        LOG2_CUTOFF_MIN + bright[c] * CUTOFF_OCTAVES + keyTrack * (pitch - 60) + fe * envOct + velOct;
      let fc = Math.exp(oct * Math.LN2);
      if (fc > core.maxCutoff) fc = core.maxCutoff;
      filter.set(Math.tan(fc * piOverFs), k);
      filter.tick(x);
      const y = level * softClip(filter.low) * ampE * fade;
      fade -= fadeStep;
      if (fade < 0) fade = 0;
      l[start + i] += y * panL;
      r[start + i] += y * panR;
      ph1 += dt1;
      if (ph1 >= 1) ph1 -= 1;
      ph2 += dt2;
      if (ph2 >= 1) ph2 -= 1;
      phSub += dtSub;
      if (phSub >= 1) phSub -= 1;
    }
    this.fade = fade;
    this.ph1 = ph1;
    this.ph2 = ph2;
    this.phSub = phSub;
    this.dt1 = dt1;
    this.pitch = pitch;
    this.velOctaves = velOct;
    return amp.active;
  }
}

/**
 * Subtractive synthesiser: two morphing PolyBLEP oscillators, sub square and noise into a driven TPT
 * state-variable low-pass with envelope, velocity and key tracking; amp and filter ADSR; optional mono glide.
 */
export class AnalogSynth extends PolySynth<AnalogVoice> {
  private readonly core: AnalogCore;
  private readonly sound: KeyboardSound;
  private readonly tone: ParamSmoother;
  private readonly warmth: ParamSmoother;
  private readonly brightness: ParamSmoother;

  constructor(options: AnalogSynthOptions) {
    const preset =
      typeof options.preset === 'object' ? options.preset : ANALOG_PRESETS[options.preset ?? 'pad'];
    const patch: AnalogPatch = { ...preset.patch, ...options.patch };
    const core = new AnalogCore(options.sampleRate, patch);
    const count = patch.mono ? 1 : Math.max(1, Math.floor(options.polyphony ?? preset.polyphony));
    const voices: AnalogVoice[] = [];
    for (let i = 0; i < count; i++) voices.push(new AnalogVoice(core, 0x2545f491 + i * 0x9e3779b9));
    super(options, voices);
    this.mono = patch.mono;
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

  /** The current (target) controls. */
  get params(): Readonly<KeyboardSound> {
    return this.sound;
  }

  protected updateControls(n: number): void {
    this.tone.fill(this.core.tone, n);
    this.warmth.fill(this.core.warmth, n);
    this.brightness.fill(this.core.brightness, n);
  }
}
