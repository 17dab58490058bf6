import type { EffectsSettings } from '../knobs.js';
import { Smoothed } from '../smooth.js';
import { TempoDelay } from './delay.js';
import { SvfFilter } from './filter.js';
import { Reverb } from './reverb.js';

const GLIDE_SECONDS = 0.02;

/**
 * The effects knob's chain on the backing bus: tempo delay and reverb fed from the parts' sends, then the
 * master high-pass and low-pass sweep, then stereo width (mid/side). Every parameter glides over ~20 ms.
 */
export class EffectsChain {
  private readonly reverb: Reverb;
  private readonly delay: TempoDelay;
  private readonly lpL: SvfFilter;
  private readonly lpR: SvfFilter;
  private readonly hpL: SvfFilter;
  private readonly hpR: SvfFilter;
  private readonly reverbMix: Smoothed;
  private readonly delayMix: Smoothed;
  private readonly delayFeedback: Smoothed;
  private readonly lowPassLog: Smoothed;
  private readonly highPassLog: Smoothed;
  private readonly width: Smoothed;
  private readonly sampleRate: number;
  private readonly mono: Float32Array;

  constructor(sampleRate: number, maxBlock = 4096) {
    this.sampleRate = sampleRate;
    this.reverb = new Reverb(sampleRate);
    this.delay = new TempoDelay(sampleRate);
    this.lpL = new SvfFilter(sampleRate);
    this.lpR = new SvfFilter(sampleRate);
    this.hpL = new SvfFilter(sampleRate);
    this.hpR = new SvfFilter(sampleRate);
    this.reverbMix = new Smoothed(0, GLIDE_SECONDS, sampleRate);
    this.delayMix = new Smoothed(0, GLIDE_SECONDS, sampleRate);
    this.delayFeedback = new Smoothed(0, GLIDE_SECONDS, sampleRate);
    this.lowPassLog = new Smoothed(Math.log(20000), GLIDE_SECONDS, sampleRate);
    this.highPassLog = new Smoothed(Math.log(20), GLIDE_SECONDS, sampleRate);
    this.width = new Smoothed(1, GLIDE_SECONDS, sampleRate);
    this.mono = new Float32Array(maxBlock);
    this.lpL.setCutoff(20000);
    this.lpR.setCutoff(20000);
    this.hpL.setCutoff(20);
    this.hpR.setCutoff(20);
  }

  set(settings: EffectsSettings, beatSeconds: number, immediate = false): void {
    const apply = (s: Smoothed, v: number) => (immediate ? s.jump(v) : s.set(v));
    apply(this.reverbMix, settings.reverbMix);
    apply(this.delayMix, settings.delayMix);
    apply(this.delayFeedback, settings.delayFeedback);
    apply(this.lowPassLog, Math.log(Math.max(20, settings.lowPassHz)));
    apply(this.highPassLog, Math.log(Math.max(20, settings.highPassHz)));
    apply(this.width, settings.width);
    this.reverb.setDecay(settings.reverbSeconds);
    this.delay.setTime(settings.delayBeats * beatSeconds * this.sampleRate);
  }

  clear(): void {
    this.reverb.clear();
    this.delay.clear();
    for (const f of [this.lpL, this.lpR, this.hpL, this.hpR]) f.reset();
  }

  /** Processes `left`/`right` in place; `sendL`/`sendR` feed the delay and reverb. */
  process(
    left: Float32Array,
    right: Float32Array,
    sendL: Float32Array,
    sendR: Float32Array,
    start: number,
    frames: number,
  ): void {
    // Levels are read once per block at their glide's current value, then glide per sample below.
    const mono = this.mono;
    for (let i = 0; i < frames; i++) mono[i] = 0.5 * (sendL[start + i] + sendR[start + i]);
    this.delay.process(
      sendL,
      sendR,
      left,
      right,
      start,
      frames,
      this.delayMix.value,
      this.delayFeedback.value,
    );
    this.reverb.process(
      mono.subarray(0, frames),
      left.subarray(start),
      right.subarray(start),
      0,
      frames,
      this.reverbMix.value,
    );
    for (let i = start; i < start + frames; i++) {
      this.reverbMix.next();
      this.delayMix.next();
      this.delayFeedback.next();
      const lowSettled = this.lowPassLog.settled;
      const lp = Math.exp(this.lowPassLog.next());
      const hp = Math.exp(this.highPassLog.next());
      if (!lowSettled || i === start) {
        this.lpL.setCutoff(lp);
        this.lpR.setCutoff(lp);
      }
      this.hpL.setCutoff(hp);
      this.hpR.setCutoff(hp);
      let l = left[i];
      let r = right[i];
      if (lp < 19999) {
        l = this.lpL.lowPass(l);
        r = this.lpR.lowPass(r);
      }
      if (hp > 20.001) {
        l = this.hpL.highPass(l);
        r = this.hpR.highPass(r);
      }
      const w = this.width.next();
      const mid = 0.5 * (l + r);
      const side = 0.5 * (l - r) * w;
      left[i] = mid + side;
      right[i] = mid - side;
    }
  }
}
