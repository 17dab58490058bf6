import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBasicPitchModel, readBasicPitchArtifacts } from './node-model-loader.js';

const SR = 22050;
const WINDOW = 43_844;

describe('node model loader', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the weights that ship in @spotify/basic-pitch', async () => {
    const artifacts = await readBasicPitchArtifacts();
    expect(artifacts.format).toBe('graph-model');
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(742_392);
  });

  it('loads Basic Pitch on WASM without touching the network, and predicts a C4', async () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('no network at run time');
    });
    const model = await loadBasicPitchModel();
    expect(model.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');

    const window = new Float32Array(WINDOW);
    for (let i = 0; i < WINDOW; i++) window[i] = 0.3 * Math.sin((2 * Math.PI * 261.63 * i) / SR);
    const tensorsBefore = tf.memory().numTensors;
    const { frames, onsets } = model.predict(window);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(frames.length).toBe(172 * 88);
    expect(onsets.length).toBe(172 * 88);
    expect(frames.every((v) => v >= 0 && v <= 1)).toBe(true);

    const middle = frames.subarray(86 * 88, 87 * 88);
    expect(middle.indexOf(Math.max(...middle)) + 21).toBe(60);
    expect(() => model.predict(new Float32Array(100))).toThrow(RangeError);
    model.dispose();
  });
});
