import { WavFormatError } from './errors.js';
import type { PcmAudio } from './pcm.js';
import { sniffAudioFormat } from './sniff.js';

export interface DecodedWav extends PcmAudio {
  /** Bits per sample that carry audio (wValidBitsPerSample for WAVE_FORMAT_EXTENSIBLE). */
  bitsPerSample: number;
  /** 1 for integer PCM, 3 for IEEE float; WAVE_FORMAT_EXTENSIBLE files report their sub-format's tag. */
  formatTag: number;
  /** The data ended before its declared size (a recording cut off, or a header never finalised): what is there was decoded. */
  truncated: boolean;
}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;
/** Bytes 2-15 of every KSDATAFORMAT_SUBTYPE_* GUID whose first two bytes are a format tag (mmreg.h, ksmedia.h). */
const SUBTYPE_SUFFIX = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
/** The same for the Ambisonic B-format sub-types, whose samples are ordinary PCM or float. */
const AMBISONIC_SUFFIX = [0x21, 0x07, 0xd3, 0x11, 0x86, 0x44, 0xc8, 0xc1, 0xca, 0x00, 0x00, 0x00];
/** A RIFF or ds64 size field of all ones: "see the ds64 chunk" (RF64, EBU Tech 3306) or "unknown" (streamed). */
const UNKNOWN_SIZE = 0xffffffff;

/** Names for the encodings people meet, for the "export as PCM" message (mmreg.h). */
const ENCODING_NAMES: Record<number, string> = {
  2: 'Microsoft ADPCM',
  6: 'A-law',
  7: 'µ-law',
  17: 'IMA ADPCM',
  49: 'GSM 6.10',
  64: 'G.721 ADPCM',
  80: 'MPEG audio',
  85: 'MP3',
  255: 'AAC',
  353: 'Windows Media Audio',
  354: 'Windows Media Audio Pro',
  356: 'Windows Media Audio Lossless',
  5648: 'AAC (HE-AAC)',
  8192: 'Dolby AC-3',
  61868: 'FLAC',
};

interface Format {
  formatTag: number;
  channels: number;
  sampleRate: number;
  /** Bytes each sample occupies in the data (the container), and bytes per frame of all channels. */
  sampleBytes: number;
  blockAlign: number;
  validBits: number;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/** Printable ASCII: what a real chunk id looks like, used to tell a missing pad byte from a present one. */
function looksLikeChunkId(bytes: Uint8Array, at: number): boolean {
  if (at + 8 > bytes.length) return false;
  for (let i = at; i < at + 4; i++) if (bytes[i] < 0x20 || bytes[i] > 0x7e) return false;
  return true;
}

function encodingName(tag: number, sampleBytes: number): string {
  if (tag === IEEE_FLOAT) return `${sampleBytes * 8}-bit float`;
  if (tag === PCM) return `${sampleBytes * 8}-bit integer PCM`;
  const name = ENCODING_NAMES[tag];
  return `${name ?? 'unknown'} (format ${tag})`;
}

function parseFormat(bytes: Uint8Array, view: DataView, body: number, size: number): Format {
  if (size < 16)
    throw new WavFormatError('bad_header', `the WAV format chunk is ${size} bytes; it needs at least 16`);
  if (body + 16 > bytes.length) {
    throw new WavFormatError(
      'truncated',
      'the file ends inside its WAV header; it was cut off while being written',
    );
  }
  let formatTag = view.getUint16(body, true);
  const channels = view.getUint16(body + 2, true);
  const sampleRate = view.getUint32(body + 4, true);
  let blockAlign = view.getUint16(body + 12, true);
  const bits = view.getUint16(body + 14, true);
  let validBits = bits;
  if (formatTag === EXTENSIBLE) {
    // WAVEFORMATEXTENSIBLE: cbSize, wValidBitsPerSample, dwChannelMask, then the sub-format GUID.
    if (size < 40 || body + 40 > bytes.length) {
      throw new WavFormatError(
        'bad_header',
        'the WAV header says WAVE_FORMAT_EXTENSIBLE but is too short for it',
      );
    }
    validBits = view.getUint16(body + 18, true) || bits;
    const guid = bytes.subarray(body + 24, body + 40);
    const tail = Array.from(guid.subarray(2));
    const known = [SUBTYPE_SUFFIX, AMBISONIC_SUFFIX].some((s) => s.every((b, i) => tail[i] === b));
    if (!known) {
      const hex = Array.from(guid, (b) => b.toString(16).padStart(2, '0')).join('');
      throw new WavFormatError(
        'unsupported_encoding',
        `unsupported WAV encoding: unknown extensible sub-format ${hex}; export as PCM`,
      );
    }
    formatTag = view.getUint16(body + 24, true);
  }
  if (channels === 0) throw new WavFormatError('bad_header', 'the WAV header declares 0 channels');
  if (sampleRate === 0)
    throw new WavFormatError('bad_header', 'the WAV header declares a sample rate of 0 Hz');
  // The container size comes from nBlockAlign; some writers get that wrong, and then wBitsPerSample decides.
  let sampleBytes = blockAlign / channels;
  if (!Number.isInteger(sampleBytes) || sampleBytes === 0) {
    sampleBytes = Math.ceil(bits / 8);
    blockAlign = sampleBytes * channels;
  }
  const supported =
    (formatTag === PCM && sampleBytes >= 1 && sampleBytes <= 4) ||
    (formatTag === IEEE_FLOAT && (sampleBytes === 4 || sampleBytes === 8));
  if (!supported) {
    throw new WavFormatError(
      'unsupported_encoding',
      `unsupported WAV encoding: ${encodingName(formatTag, sampleBytes)}; export as PCM (16 or 24-bit) or 32-bit float`,
    );
  }
  if (blockAlign === 0)
    throw new WavFormatError('bad_header', 'the WAV header declares 0-byte sample frames');
  return {
    formatTag,
    channels,
    sampleRate,
    sampleBytes,
    blockAlign,
    validBits: Math.min(validBits, sampleBytes * 8),
  };
}

/** Deinterleaves `frames` frames starting at `offset` into float channels in [−1, 1). */
function decodeSamples(view: DataView, offset: number, frames: number, format: Format): Float32Array[] {
  const { channels, sampleBytes, blockAlign, formatTag } = format;
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let c = 0; c < channels; c++) {
    const x = out[c];
    let at = offset + c * sampleBytes;
    if (formatTag === IEEE_FLOAT) {
      if (sampleBytes === 4)
        for (let i = 0; i < frames; i++, at += blockAlign) x[i] = view.getFloat32(at, true);
      else for (let i = 0; i < frames; i++, at += blockAlign) x[i] = view.getFloat64(at, true);
      continue;
    }
    switch (sampleBytes) {
      case 1: // 8-bit WAV is unsigned, centred on 128.
        for (let i = 0; i < frames; i++, at += blockAlign) x[i] = (view.getUint8(at) - 128) / 128;
        break;
      case 2:
        for (let i = 0; i < frames; i++, at += blockAlign) x[i] = view.getInt16(at, true) / 32768;
        break;
      case 3:
        for (let i = 0; i < frames; i++, at += blockAlign) {
          const v = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
          x[i] = v / 8388608;
        }
        break;
      default:
        for (let i = 0; i < frames; i++, at += blockAlign) x[i] = view.getInt32(at, true) / 2147483648;
    }
  }
  return out;
}

/**
 * Decodes a RIFF/WAVE file (and RF64/BW64), walking its chunks and skipping any it does not need (LIST, bext,
 * iXML, fact, JUNK…). Reads integer PCM of 8 (unsigned), 16, 24 and 32 bits, 32 and 64-bit float, plain or
 * WAVE_FORMAT_EXTENSIBLE, any channel count; samples narrower than their container (20 bits in 24) are
 * left-justified by the format, so they decode at full scale. A data chunk cut short decodes what is there and
 * sets `truncated`. Nothing is allocated from declared sizes, only from the bytes actually present.
 * Throws `WavFormatError` for anything else.
 */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  if (bytes.length === 0) throw new WavFormatError('not_riff', 'the file is empty');
  const container = bytes.length >= 4 ? fourcc(bytes, 0) : '';
  const rf64 = container === 'RF64' || container === 'BW64';
  if (container !== 'RIFF' && !rf64) {
    if (container === 'RIFX') {
      throw new WavFormatError(
        'unsupported_encoding',
        'unsupported WAV encoding: big-endian WAV (RIFX); export as a standard WAV',
      );
    }
    const kind = sniffAudioFormat(bytes);
    throw new WavFormatError(
      'not_riff',
      kind ? `this is ${kind}, not WAV` : 'this is not a WAV file (no RIFF header)',
    );
  }
  if (bytes.length < 12) throw new WavFormatError('truncated', 'the file ends inside its WAV header');
  if (fourcc(bytes, 8) !== 'WAVE') {
    throw new WavFormatError('not_riff', `this is a RIFF file of type '${fourcc(bytes, 8).trim()}', not WAV`);
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Format | null = null;
  let dataStart = -1;
  let dataBytes = 0;
  let truncated = false;
  let ds64DataSize = -1;
  let pos = 12;
  // Walk to the end of the bytes, not to the RIFF size: streamed and crashed writers leave that field wrong.
  while (pos + 8 <= bytes.length) {
    const id = fourcc(bytes, pos);
    const size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'ds64' && rf64 && body + 16 <= bytes.length) {
      // EBU Tech 3306 §3: 64-bit RIFF size, then 64-bit data size.
      ds64DataSize = view.getUint32(body + 8, true) + view.getUint32(body + 12, true) * 2 ** 32;
    } else if (id === 'fmt ' && format === null) {
      format = parseFormat(bytes, view, body, size);
    } else if (id === 'data' && dataStart < 0) {
      const available = bytes.length - body;
      let declared = size;
      if (size === UNKNOWN_SIZE) declared = rf64 && ds64DataSize >= 0 ? ds64DataSize : available;
      else if (size === 0 && available > 0 && !looksLikeChunkId(bytes, body)) {
        // A header never finalised (the recorder stopped without patching sizes): take what follows.
        declared = available;
        truncated = true;
      }
      dataStart = body;
      dataBytes = Math.min(declared, available);
      if (declared > available) truncated = true;
      if (truncated || format !== null) break;
      pos = body + declared + (declared & 1);
      continue;
    }
    let next = body + size;
    // RIFF pads odd-sized chunks with a zero byte; some writers omit it. A non-zero byte that starts a plausible
    // chunk id means the pad is missing.
    if (size & 1 && !(bytes[next] !== 0 && looksLikeChunkId(bytes, next))) next++;
    pos = next;
  }

  if (format === null) {
    throw new WavFormatError(
      'no_fmt',
      "the WAV file has no format ('fmt ') chunk, so its samples cannot be read",
    );
  }
  if (dataStart < 0) throw new WavFormatError('no_data', 'the WAV file has no audio (no data chunk)');
  const frames = Math.floor(dataBytes / format.blockAlign);
  return {
    channels: decodeSamples(view, dataStart, frames, format),
    sampleRate: format.sampleRate,
    bitsPerSample: format.validBits,
    formatTag: format.formatTag,
    truncated,
  };
}
