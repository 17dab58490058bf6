import type { MidiNote } from '../units.js';
import {
  ANALOG_PRESETS,
  type AnalogPatch,
  type AnalogPreset,
  type AnalogPresetName,
} from './analog-presets.js';
import { decayCoef, Noise, noteHz, Svf, smoothCoef, velocityGain } from './dsp-kernels.js';
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
  /** Scratch shared by the voices (they render one after another): pitch, oscillator mix, envelopes. */
  readonly pitch = new Float64Array(CONTROL_BLOCK);
  readonly dt = new Float64Array(CONTROL_BLOCK);
  readonly mix = new Float64Array(CONTROL_BLOCK);
  readonly ampEnv = new Float64Array(CONTROL_BLOCK);
  readonly filterEnv = new Float64Array(CONTROL_BLOCK);
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

/**
 * Adds `gain` × one oscillator to `out` for n samples: triangle → saw → square as `tone` goes 0 → 0.5 → 1
 * (the square scaled to the saw's loudness). Phase lives in `phase[slot]`; frequency is `dt[i] * ratio`.
 * The PolyBLEP and polyBLAMP corrections (see polyBlep and triangleBlamp) are written out inline: a call
 * per sample returning a double would allocate a heap number whenever V8 declines to inline it.
 */
function addMorphOsc(
  out: Float64Array,
  n: number,
  phase: Float64Array,
  slot: number,
  dt: Float64Array,
  ratio: number,
  tone: Float32Array,
  c0: number,
  gain: number,
): void {
  let t = phase[slot];
  for (let i = 0; i < n; i++) {
    const d = dt[i] * ratio;
    const tn = tone[c0 + i];
    // Step residual at the wrap (phase 0) and, for the square, at phase 0.5.
    let blep0 = 0;
    if (t < d) {
      const x = t / d;
      blep0 = x + x - x * x - 1;
    } else if (t > 1 - d) {
      const x = (t - 1) / d;
      blep0 = x * x + x + x + 1;
    }
    const saw = 2 * t - 1 - blep0;
    let y: number;
    if (tn < 0.5) {
      const w = 2 * tn;
      let tri = 1 - 4 * Math.abs(t - 0.5);
      if (w < 1) {
        const c = (4 / 3) * d;
        if (t < d) {
          const u = 1 - t / d;
          tri += c * u * u * u;
        } else if (t > 1 - d) {
          const u = 1 - (1 - t) / d;
          tri += c * u * u * u;
        }
        const h = Math.abs(t - 0.5);
        if (h < d) {
          const u = 1 - h / d;
          tri -= c * u * u * u;
        }
      }
      y = (1 - w) * tri + w * saw;
    } else {
      const w = 2 * tn - 1;
      let t2 = t + 0.5;
      if (t2 >= 1) t2 -= 1;
      let blep5 = 0;
      if (t2 < d) {
        const x = t2 / d;
        blep5 = x + x - x * x - 1;
      } else if (t2 > 1 - d) {
        const x = (t2 - 1) / d;
        blep5 = x * x + x + x + 1;
      }
      const square = (t < 0.5 ? 1 : -1) + blep0 - blep5;
      y = (1 - w) * saw + w * 0.7 * square;
    }
    out[i] += gain * y;
    t += d;
    if (t >= 1) t -= 1;
  }
  phase[slot] = t;
}

/** Adds a PolyBLEP square one octave below `dt` to `out` (corrections inline, as in addMorphOsc). */
function addSub(
  out: Float64Array,
  n: number,
  phase: Float64Array,
  slot: number,
  dt: Float64Array,
  gain: number,
): void {
  let t = phase[slot];
  for (let i = 0; i < n; i++) {
    const d = dt[i] * 0.5;
    let t2 = t + 0.5;
    if (t2 >= 1) t2 -= 1;
    let y = t < 0.5 ? 1 : -1;
    if (t < d) {
      const x = t / d;
      y += x + x - x * x - 1;
    } else if (t > 1 - d) {
      const x = (t - 1) / d;
      y += x * x + x + x + 1;
    }
    if (t2 < d) {
      const x = t2 / d;
      y -= x + x - x * x - 1;
    } else if (t2 > 1 - d) {
      const x = (t2 - 1) / d;
      y -= x * x + x + x + 1;
    }
    out[i] += gain * y;
    t += d;
    if (t >= 1) t -= 1;
  }
  phase[slot] = t;
}

class AnalogVoice extends PolyVoice {
  private readonly amp: Adsr;
  private readonly fenv: Adsr;
  private readonly filter = new Svf();
  private readonly noise: Noise;
  /** Oscillator 1, oscillator 2 and sub phases, 0-1. */
  private readonly phase = new Float64Array(3);
  private pitch = 60;
  private targetPitch = 60;
  private dt1 = 0;
  private velOctaves = 0;
  private targetVelOctaves = 0;
  private panL = 1;
  private panR = 1;
  /** Cutoff (log2 Hz) the filter coefficients were last computed for. */
  private lastOct = Number.NaN;

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
      this.phase[1] = 0.5 + 0.5 * this.noise.next();
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
    this.phase.fill(0);
    this.lastOct = Number.NaN;
  }

  protected renderCore(l: Float32Array, r: Float32Array, start: number, n: number, c0: number): boolean {
    const core = this.core;
    const p = core.patch;
    // Stage 1: pitch (with glide) per sample.
    const pitchBuf = core.pitch;
    const dtBuf = core.dt;
    let pitch = this.pitch;
    const target = this.targetPitch;
    const glideAlpha = 1 - core.glideCoef;
    let dt1 = this.dt1;
    for (let i = 0; i < n; i++) {
      if (pitch !== target) {
        pitch += (target - pitch) * glideAlpha;
        if (Math.abs(target - pitch) < 1e-4) pitch = target;
        dt1 = noteHz(pitch) * core.invFs;
      }
      pitchBuf[i] = pitch;
      dtBuf[i] = dt1;
    }
    this.pitch = pitch;
    this.dt1 = dt1;
    // Stage 2: envelopes; the voice ends on the very sample its amp envelope does, wherever blocks split.
    const ampEnv = core.ampEnv;
    const filterEnv = core.filterEnv;
    const end = this.amp.render(ampEnv, n);
    this.fenv.render(filterEnv, n);
    // Stage 3: oscillators and noise into the mix, only as far as the voice sounds (the noise state
    // must not run ahead, or renders would depend on where blocks split).
    const mix = core.mix;
    mix.fill(0, 0, end);
    addMorphOsc(mix, end, this.phase, 0, dtBuf, 1, core.tone, c0, 1);
    if (p.osc2Level !== 0)
      addMorphOsc(mix, end, this.phase, 1, dtBuf, core.detuneRatio, core.tone, c0, p.osc2Level);
    if (p.subLevel !== 0) addSub(mix, end, this.phase, 2, dtBuf, p.subLevel);
    if (p.noiseLevel !== 0) this.noise.addTo(mix, end, p.noiseLevel);
    // Stage 4: drive, filter, output.
    const warmth = core.warmth;
    const bright = core.brightness;
    const filter = this.filter;
    const mixNorm = core.mixNorm;
    const keyTrack = p.keyTracking / 12;
    const envOct = p.filterEnvOctaves;
    const k = core.damping;
    const level = p.level;
    const panL = this.panL;
    const panR = this.panR;
    const fadeStep = this.fadeStep;
    const maxCutoff = core.maxCutoff;
    const piOverFs = Math.PI * core.invFs;
    const targetVelOct = this.targetVelOctaves;
    let velOct = this.velOctaves;
    let fade = this.fade;
    let lastOct = this.lastOct;
    let ic1 = filter.ic1;
    let ic2 = filter.ic2;
    let a1 = filter.a1;
    let a2 = filter.a2;
    let a3 = filter.a3;
    for (let i = 0; i < end; i++) {
      const c = c0 + i;
      if (velOct !== targetVelOct) {
        velOct += (targetVelOct - velOct) * 0.002;
        if (Math.abs(targetVelOct - velOct) < 1e-7) velOct = targetVelOct;
      }
      // softClip (dsp-kernels), inline like the SVF step below: no per-sample call with a double argument.
      let x = mix[i] * mixNorm * (0.6 + 1.8 * warmth[c]);
      x = x > 3 ? 1 : x < -3 ? -1 : (x * (27 + x * x)) / (27 + 9 * x * x);
      const oct =
        LOG2_CUTOFF_MIN +
        bright[c] * CUTOFF_OCTAVES +
        keyTrack * (pitchBuf[i] - 60) +
        filterEnv[i] * envOct +
        velOct;
      if (oct !== lastOct) {
        // Held notes with settled controls keep their cutoff: skip the exp and tan.
        lastOct = oct;
        // Math.min, not a conditional assignment: maxCutoff can be a small integer, and a variable that is
        // sometimes that and sometimes a double gets boxed on the heap by V8 at every assignment.
        const fc = Math.min(Math.exp(oct * Math.LN2), maxCutoff);
        const g = Math.tan(fc * piOverFs);
        a1 = 1 / (1 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
      }
      // The SVF step (Svf), inline: a call per sample would box its double argument on the heap.
      const v3 = x - ic2;
      const v1 = a1 * ic1 + a2 * v3;
      const v2 = ic2 + a2 * ic1 + a3 * v3;
      ic1 = 2 * v1 - ic1;
      ic2 = 2 * v2 - ic2;
      const sat = v2 > 3 ? 1 : v2 < -3 ? -1 : (v2 * (27 + v2 * v2)) / (27 + 9 * v2 * v2);
      const y = level * sat * ampEnv[i] * fade;
      fade -= fadeStep;
      if (fade < 0) fade = 0;
      l[start + i] += y * panL;
      r[start + i] += y * panR;
    }
    filter.ic1 = ic1;
    filter.ic2 = ic2;
    filter.a1 = a1;
    filter.a2 = a2;
    filter.a3 = a3;
    this.fade = fade;
    this.velOctaves = velOct;
    this.lastOct = lastOct;
    return end === n;
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
