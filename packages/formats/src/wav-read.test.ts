import { describe, expect, it } from 'vitest';
import { WavFormatError } from './errors.js';
import { decodeWav } from './wav-read.js';

type Encoding = 'u8' | 'i16' | 'i24' | 'i32' | 'f32' | 'f64';

const BYTES: Record<Encoding, number> = { u8: 1, i16: 2, i24: 3, i32: 4, f32: 4, f64: 8 };
const FULL_SCALE: Record<Encoding, number> = {
  u8: 128,
  i16: 32768,
  i24: 8388608,
  i32: 2147483648,
  f32: 1,
  f64: 1,
};

interface Chunk {
  id: string;
  body: Uint8Array;
}

interface WavSpec {
  encoding: Encoding;
  channels: number;
  sampleRate?: number;
  /** Interleaved codes: integers for int encodings, floats for float ones. */
  codes: number[];
  extensible?: boolean;
  validBits?: number;
  before?: Chunk[];
  after?: Chunk[];
  /** Omit the pad byte after odd-sized chunks, as some writers do. */
  noPad?: boolean;
  fmtAfterData?: boolean;
  dataSize?: number;
  riffSize?: number;
  container?: 'RIFF' | 'RF64';
  formatTag?: number;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function chunk(id: string, body: Uint8Array, noPad = false, sizeField = body.length): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length & 1 && !noPad ? 1 : 0));
  out.set(ascii(id), 0);
  new DataView(out.buffer).setUint32(4, sizeField, true);
  out.set(body, 8);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A small WAV writer, independent of the reader, for the cases the tests need. */
function encodeWav(spec: WavSpec): Uint8Array {
  const { encoding, channels, codes } = spec;
  const sampleRate = spec.sampleRate ?? 48000;
  const width = BYTES[encoding];
  const float = encoding === 'f32' || encoding === 'f64';
  const tag = spec.formatTag ?? (float ? 3 : 1);
  const fmt = new DataView(new ArrayBuffer(spec.extensible ? 40 : 16));
  fmt.setUint16(0, spec.extensible ? 0xfffe : tag, true);
  fmt.setUint16(2, channels, true);
  fmt.setUint32(4, sampleRate, true);
  fmt.setUint32(8, sampleRate * channels * width, true);
  fmt.setUint16(12, channels * width, true);
  fmt.setUint16(14, width * 8, true);
  if (spec.extensible) {
    fmt.setUint16(16, 22, true);
    fmt.setUint16(18, spec.validBits ?? width * 8, true);
    fmt.setUint32(20, channels === 2 ? 3 : 0, true);
    const guid = [tag & 0xff, tag >> 8, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71];
    for (let i = 0; i < guid.length; i++) fmt.setUint8(24 + i, guid[i]);
  }
  const data = new DataView(new ArrayBuffer(codes.length * width));
  codes.forEach((v, i) => {
    const at = i * width;
    if (encoding === 'u8') data.setUint8(at, v + 128);
    else if (encoding === 'i16') data.setInt16(at, v, true);
    else if (encoding === 'i24') {
      data.setUint8(at, v & 0xff);
      data.setUint8(at + 1, (v >> 8) & 0xff);
      data.setInt8(at + 2, v >> 16);
    } else if (encoding === 'i32') data.setInt32(at, v, true);
    else if (encoding === 'f32') data.setFloat32(at, v, true);
    else data.setFloat64(at, v, true);
  });
  const dataBytes = new Uint8Array(data.buffer);
  const fmtChunk = chunk('fmt ', new Uint8Array(fmt.buffer));
  const dataChunk = chunk('data', dataBytes, spec.noPad, spec.dataSize ?? dataBytes.length);
  const pad = (c: Chunk) => chunk(c.id, c.body, spec.noPad);
  const body = [
    ...(spec.container === 'RF64' ? [chunk('ds64', ds64(dataBytes.length))] : []),
    ...(spec.fmtAfterData ? [] : [fmtChunk]),
    ...(spec.before ?? []).map(pad),
    dataChunk,
    ...(spec.fmtAfterData ? [fmtChunk] : []),
    ...(spec.after ?? []).map(pad),
  ];
  const header = new Uint8Array(12);
  header.set(ascii(spec.container ?? 'RIFF'), 0);
  const total = body.reduce((n, p) => n + p.length, 4);
  new DataView(header.buffer).setUint32(
    4,
    spec.riffSize ?? (spec.container === 'RF64' ? 0xffffffff : total),
    true,
  );
  header.set(ascii('WAVE'), 8);
  return concat([header, ...body]);
}

function ds64(dataSize: number): Uint8Array {
  const v = new DataView(new ArrayBuffer(28));
  v.setUint32(8, dataSize, true); // data size, low 32 bits (riff size and sample count left 0)
  return new Uint8Array(v.buffer);
}

/** Codes covering the full range of an encoding, extremes included, from a fixed seed. */
function codesFor(encoding: Encoding, count: number): number[] {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const full = FULL_SCALE[encoding];
  return Array.from({ length: count }, (_, i) => {
    if (encoding === 'f32' || encoding === 'f64') return i === 0 ? -1 : (rand() * 2 - 1) * 1.5;
    if (i === 0) return -full;
    if (i === 1) return full - 1;
    return Math.floor(rand() * 2 * full) - full;
  });
}

function expectChannels(decoded: Float32Array[], codes: number[], channels: number, encoding: Encoding) {
  expect(decoded).toHaveLength(channels);
  const frames = Math.floor(codes.length / channels);
  for (let c = 0; c < channels; c++) {
    expect(decoded[c]).toHaveLength(frames);
    const want = Array.from({ length: frames }, (_, i) =>
      Math.fround(codes[i * channels + c] / FULL_SCALE[encoding]),
    );
    expect(Array.from(decoded[c])).toEqual(want);
  }
}

const rf = (bytes: Uint8Array) => {
  try {
    decodeWav(bytes);
  } catch (e) {
    if (e instanceof WavFormatError) return e;
    throw e;
  }
  throw new Error('expected a WavFormatError');
};

describe('decodeWav', () => {
  for (const encoding of ['u8', 'i16', 'i24', 'i32', 'f32', 'f64'] as const) {
    for (const channels of [1, 2, 6]) {
      it(`round-trips ${encoding} with ${channels} channel(s) exactly`, () => {
        const codes = codesFor(encoding, channels * 301);
        const wav = decodeWav(encodeWav({ encoding, channels, codes, sampleRate: 44100 }));
        expect(wav.sampleRate).toBe(44100);
        expect(wav.bitsPerSample).toBe(BYTES[encoding] * 8);
        expect(wav.formatTag).toBe(encoding === 'f32' || encoding === 'f64' ? 3 : 1);
        expect(wav.truncated).toBe(false);
        expectChannels(wav.channels, codes, channels, encoding);
      });
    }
  }

  it('reads WAVE_FORMAT_EXTENSIBLE (24 valid bits in 32, and float) via the sub-format GUID', () => {
    const codes = codesFor('i32', 2 * 100).map((v) => v & ~0xff); // 24 bits, left-justified
    const wav = decodeWav(
      encodeWav({ encoding: 'i32', channels: 2, codes, extensible: true, validBits: 24 }),
    );
    expect(wav.formatTag).toBe(1);
    expect(wav.bitsPerSample).toBe(24);
    expectChannels(wav.channels, codes, 2, 'i32');
    const fcodes = codesFor('f32', 4 * 50);
    const fwav = decodeWav(encodeWav({ encoding: 'f32', channels: 4, codes: fcodes, extensible: true }));
    expect(fwav.formatTag).toBe(3);
    expectChannels(fwav.channels, fcodes, 4, 'f32');
  });

  it('skips LIST, bext, iXML, JUNK and odd-sized chunks, padded or not, and finds fmt after data', () => {
    const codes = codesFor('i16', 2 * 64);
    const extra: Chunk[] = [
      { id: 'JUNK', body: new Uint8Array(28) },
      { id: 'bext', body: new Uint8Array(602) },
      { id: 'LIST', body: concat([ascii('INFOINAM'), Uint8Array.of(5, 0, 0, 0), ascii('Song\0')]) },
      { id: 'iXML', body: ascii('<BWFXML><PROJECT>x</PROJECT></BWFXML>') }, // odd length
      { id: 'fact', body: Uint8Array.of(64, 0, 0, 0) },
    ];
    for (const noPad of [false, true]) {
      for (const fmtAfterData of [false, true]) {
        const bytes = encodeWav({
          encoding: 'i16',
          channels: 2,
          codes,
          before: extra,
          after: extra,
          noPad,
          fmtAfterData,
        });
        expectChannels(decodeWav(bytes).channels, codes, 2, 'i16');
      }
    }
    // An odd-sized data chunk (8-bit mono, odd frame count) followed by a padded chunk.
    const odd = codesFor('u8', 33);
    expectChannels(
      decodeWav(encodeWav({ encoding: 'u8', channels: 1, codes: odd, after: extra })).channels,
      odd,
      1,
      'u8',
    );
  });

  it('decodes what is there of a file cut off mid-recording, and flags it', () => {
    const codes = codesFor('i24', 2 * 1000);
    const full = encodeWav({ encoding: 'i24', channels: 2, codes });
    const cut = full.subarray(0, full.length - 1000 * 3 - 2); // mid-frame
    const wav = decodeWav(cut);
    expect(wav.truncated).toBe(true);
    const frames = Math.floor((cut.length - 44) / 6);
    expect(wav.channels[0]).toHaveLength(frames);
    expectChannels(wav.channels, codes.slice(0, frames * 2), 2, 'i24');
  });

  it('reads a header that was never finalised (sizes left at 0) to the end, flagged', () => {
    const codes = codesFor('i16', 500);
    const wav = decodeWav(encodeWav({ encoding: 'i16', channels: 1, codes, dataSize: 0, riffSize: 0 }));
    expect(wav.truncated).toBe(true);
    expectChannels(wav.channels, codes, 1, 'i16');
    // A streamed file with "unknown" sizes is complete, not truncated.
    const streamed = decodeWav(encodeWav({ encoding: 'i16', channels: 1, codes, dataSize: 0xffffffff }));
    expect(streamed.truncated).toBe(false);
    expectChannels(streamed.channels, codes, 1, 'i16');
    // A genuinely empty data chunk followed by another chunk is just empty.
    const empty = decodeWav(
      encodeWav({ encoding: 'i16', channels: 1, codes: [], after: [{ id: 'LIST', body: ascii('INFO') }] }),
    );
    expect(empty.channels[0]).toHaveLength(0);
    expect(empty.truncated).toBe(false);
  });

  it('never allocates from a huge declared size, only from the bytes present', () => {
    const codes = codesFor('i16', 2 * 10);
    const wav = decodeWav(
      encodeWav({ encoding: 'i16', channels: 2, codes, dataSize: 0xfffffff0, riffSize: 0xfffffff8 }),
    );
    expect(wav.truncated).toBe(true);
    expectChannels(wav.channels, codes, 2, 'i16');
  });

  it('reads RF64 (data size in the ds64 chunk)', () => {
    const codes = codesFor('f32', 2 * 100);
    const wav = decodeWav(
      encodeWav({ encoding: 'f32', channels: 2, codes, container: 'RF64', dataSize: 0xffffffff }),
    );
    expect(wav.truncated).toBe(false);
    expectChannels(wav.channels, codes, 2, 'f32');
  });

  it('reads from a view into a larger buffer', () => {
    const codes = codesFor('i16', 100);
    const bytes = encodeWav({ encoding: 'i16', channels: 1, codes });
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 3);
    expectChannels(decodeWav(padded.subarray(3, 3 + bytes.length)).channels, codes, 1, 'i16');
  });
});

describe('decodeWav errors', () => {
  it('names other formats instead of failing vaguely', () => {
    const cases: [Uint8Array, RegExp][] = [
      [concat([ascii('ID3'), new Uint8Array(40)]), /this is an MP3 file, not WAV/],
      [Uint8Array.of(0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0), /MP3 file/],
      [Uint8Array.of(0xff, 0xf1, 0x50, 0x80, 0, 0, 0, 0, 0, 0, 0, 0), /AAC/],
      [concat([ascii('fLaC'), new Uint8Array(40)]), /FLAC file/],
      [concat([ascii('OggS'), new Uint8Array(40)]), /Ogg/],
      [concat([Uint8Array.of(0, 0, 0, 0x20), ascii('ftypM4A '), new Uint8Array(20)]), /MP4\/M4A/],
      [concat([ascii('FORM'), new Uint8Array(4), ascii('AIFF'), new Uint8Array(20)]), /AIFF/],
      [
        concat([ascii('RIFF'), new Uint8Array(4), ascii('AVI '), new Uint8Array(20)]),
        /RIFF file of type 'AVI'/,
      ],
      [ascii('hello, world, not audio'), /not a WAV file/],
      [new Uint8Array(0), /empty/],
    ];
    for (const [bytes, message] of cases) {
      const e = rf(bytes);
      expect(e.code).toBe('not_riff');
      expect(e.message).toMatch(message);
    }
  });

  it('reports unsupported encodings with their name and what to do', () => {
    const adpcm = rf(encodeWav({ encoding: 'u8', channels: 1, codes: [0, 0], formatTag: 17 }));
    expect(adpcm.code).toBe('unsupported_encoding');
    expect(adpcm.message).toBe(
      'unsupported WAV encoding: IMA ADPCM (format 17); export as PCM (16 or 24-bit) or 32-bit float',
    );
    expect(rf(encodeWav({ encoding: 'i16', channels: 1, codes: [0], formatTag: 0x55 })).message).toMatch(
      /MP3 \(format 85\)/,
    );
    expect(rf(encodeWav({ encoding: 'i16', channels: 1, codes: [0], formatTag: 3 })).message).toMatch(
      /16-bit float/,
    );
    expect(rf(encodeWav({ encoding: 'i16', channels: 1, codes: [0], formatTag: 0x4242 })).message).toMatch(
      /unknown \(format 16962\)/,
    );
    const ext = encodeWav({ encoding: 'i16', channels: 1, codes: [0], extensible: true });
    ext[44 + 6] ^= 0xff; // corrupt the GUID's fixed part (it starts at 12 + 8 + 24 = 44)
    expect(rf(ext).code).toBe('unsupported_encoding');
    const rifx = encodeWav({ encoding: 'i16', channels: 1, codes: [0] });
    rifx.set(ascii('RIFX'), 0);
    expect(rf(rifx).message).toMatch(/big-endian/);
  });

  it('reports a missing fmt or data chunk', () => {
    const noFmt = concat([
      ascii('RIFF'),
      Uint8Array.of(12, 0, 0, 0),
      ascii('WAVE'),
      chunk('data', new Uint8Array(4)),
    ]);
    expect(rf(noFmt).code).toBe('no_fmt');
    const good = encodeWav({ encoding: 'i16', channels: 1, codes: [1, 2] });
    const noData = good.slice(0, 36); // RIFF header + fmt chunk only
    expect(rf(noData).code).toBe('no_data');
  });

  it('reports a header cut short or nonsensical', () => {
    const good = encodeWav({ encoding: 'i16', channels: 2, codes: [1, 2] });
    expect(rf(good.subarray(0, 8)).code).toBe('truncated');
    expect(rf(good.subarray(0, 30)).code).toBe('truncated'); // inside the fmt chunk
    const zeroChannels = good.slice();
    zeroChannels[22] = 0;
    expect(rf(zeroChannels).code).toBe('bad_header');
    const zeroRate = good.slice();
    zeroRate.fill(0, 24, 28);
    expect(rf(zeroRate).code).toBe('bad_header');
    const shortFmt = concat([
      ascii('RIFF'),
      Uint8Array.of(30, 0, 0, 0),
      ascii('WAVE'),
      chunk('fmt ', new Uint8Array(14)),
      chunk('data', new Uint8Array(4)),
    ]);
    expect(rf(shortFmt).code).toBe('bad_header');
  });
});
