/**
 * What the engine needs from the Basic Pitch network. The host builds it (tfjs GraphModel with the WASM
 * backend in Node or a Worker) so the engine itself stays free of TensorFlow, I/O and backend state.
 */
export interface BasicPitchModel {
  /**
   * Run the network on one window of `WINDOW_SAMPLES` (43,844) mono samples at 22,050 Hz.
   * Must not keep `window`: the engine reuses its memory. Returns activations in [0, 1], frame-major,
   * `MODEL_FRAMES` × `N_PITCHES` (172 × 88).
   */
  predict(window: Float32Array): BasicPitchActivations;
}

export interface BasicPitchActivations {
  /** Probability that a key is sounding (the network's `note` output, tensor `Identity_1`). */
  frames: Float32Array;
  /** Probability that a key starts (the network's `onset` output, tensor `Identity_2`). */
  onsets: Float32Array;
}
