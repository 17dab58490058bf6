/**
 * Node host for Basic Pitch: TensorFlow.js on its WASM backend, weights read from the npm package, no
 * network. Returns the plain `{ predict }` handle the engine's NoteTranscriber takes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';

/** Structurally the engine's `BasicPitchModel`. */
export interface NodeBasicPitchModel {
  predict(window: Float32Array): { frames: Float32Array; onsets: Float32Array };
  readonly backend: TfBackend;
  dispose(): void;
}

/**
 * `wasm` (default) is ~15× faster than `cpu` (plain JS kernels) for this network on Node 20.
 * `cpu` is kept for comparison and as a fallback where WebAssembly is unavailable.
 */
export type TfBackend = 'wasm' | 'cpu';

const WINDOW_SAMPLES = 43_844;
/** Graph outputs: `Identity_1` = note (frame) activations, `Identity_2` = onsets (`Identity` = contours). */
const FRAMES_TENSOR = 'Identity_1';
const ONSETS_TENSOR = 'Identity_2';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

let backendReady: Promise<void> | undefined;
let backendName: TfBackend | undefined;

/**
 * Select and initialise a tfjs backend (process-wide: tfjs keeps one active backend). The WASM binary is
 * read from node_modules by the Emscripten loader, which in Node uses `fs` and never `fetch`, so unlike
 * some other WASM packages nothing needs hiding. Threads are off in Node (tfjs disables them there).
 */
export function initTfBackend(backend: TfBackend = 'wasm'): Promise<void> {
  if (backendReady && backendName === backend) return backendReady;
  backendName = backend;
  backendReady = (async () => {
    if (backend === 'wasm') {
      if (!tf.findBackend('wasm'))
        setWasmPaths(`${join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist')}/`);
    } else {
      await import('@tensorflow/tfjs-backend-cpu');
    }
    if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend '${backend}' failed to initialise`);
    await tf.ready();
  })();
  return backendReady;
}

/** Model files shipped in @spotify/basic-pitch: `model.json` and one weights shard. */
export async function readBasicPitchArtifacts(): Promise<tf.io.ModelArtifacts> {
  const dir = join(packageDir('@spotify/basic-pitch'), 'model');
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  const manifest: tf.io.WeightsManifestConfig = json.weightsManifest;
  const shards = await Promise.all(
    manifest.flatMap((group) => group.paths.map((p) => readFile(join(dir, p)))),
  );
  const weights = Buffer.concat(shards);
  return {
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    modelTopology: json.modelTopology,
    signature: json.signature,
    userDefinedMetadata: json.userDefinedMetadata,
    weightSpecs: manifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}

/** Initialise the backend and load the raw Basic Pitch graph from memory (no URL, no network). */
export async function loadBasicPitchGraphModel(backend: TfBackend = 'wasm'): Promise<GraphModel> {
  await initTfBackend(backend);
  return loadGraphModel(tf.io.fromMemory(await readBasicPitchArtifacts()));
}

/** Initialise the backend, load Basic Pitch and wrap it as the handle the engine's transcriber takes. */
export async function loadBasicPitchModel(
  options: { backend?: TfBackend } = {},
): Promise<NodeBasicPitchModel> {
  const backend = options.backend ?? 'wasm';
  return wrapGraphModel(await loadBasicPitchGraphModel(backend), backend);
}

function wrapGraphModel(graph: GraphModel, backend: TfBackend): NodeBasicPitchModel {
  return {
    backend,
    predict(window) {
      if (window.length !== WINDOW_SAMPLES) throw new RangeError(`window must be ${WINDOW_SAMPLES} samples`);
      const input = tf.tensor3d(window, [1, WINDOW_SAMPLES, 1]);
      const [frames, onsets] = graph.execute(input, [FRAMES_TENSOR, ONSETS_TENSOR]) as tf.Tensor[];
      try {
        // dataSync copies out of the backend's memory, so the tensors can go at once.
        return { frames: frames.dataSync() as Float32Array, onsets: onsets.dataSync() as Float32Array };
      } finally {
        tf.dispose([input, frames, onsets]);
      }
    },
    dispose: () => graph.dispose(),
  };
}
