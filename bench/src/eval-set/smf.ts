/**
 * Minimal Standard MIDI File reader: every event of every track with its absolute tick.
 * Enough for ground truth (tempo, time and key signatures, notes) and for driving the renderer.
 */

export interface SmfEvent {
  tick: number;
  track: number;
  /** Order within the file, to keep simultaneous events stable when merged. */
  seq: number;
  /** Channel messages and sysex: the raw bytes as a synth takes them (sysex starts with 0xf0). */
  bytes?: number[];
  /** Meta events: type byte and payload. */
  meta?: { type: number; data: Uint8Array };
}

export interface Smf {
  format: number;
  ppq: number;
  /** All events of all tracks, sorted by tick (stable by track, then file order). */
  events: SmfEvent[];
}

const DATA_BYTES: Record<number, number> = { 128: 2, 144: 2, 160: 2, 176: 2, 192: 1, 208: 1, 224: 2 };

export function parseSmf(buf: Uint8Array): Smf {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (at: number) => String.fromCharCode(buf[at], buf[at + 1], buf[at + 2], buf[at + 3]);
  let pos = 0;
  // Some files carry a RIFF (RMID) wrapper; find the MThd chunk.
  while (pos + 4 <= buf.length && tag(pos) !== 'MThd') pos++;
  if (pos + 14 > buf.length) throw new Error('not a MIDI file');
  const format = view.getUint16(pos + 8);
  const trackCount = view.getUint16(pos + 10);
  const division = view.getUint16(pos + 12);
  if (division & 0x8000) throw new Error('SMPTE time division is not supported');
  pos += 8 + view.getUint32(pos + 4);
  const events: SmfEvent[] = [];
  let seq = 0;
  for (let track = 0; track < trackCount && pos + 8 <= buf.length; ) {
    const len = view.getUint32(pos + 4);
    const isTrack = tag(pos) === 'MTrk';
    const start = pos + 8;
    const end = Math.min(buf.length, start + len);
    pos = start + len;
    if (!isTrack) continue;
    let p = start;
    let tick = 0;
    let running = 0;
    const varLen = (): number => {
      let v = 0;
      for (let i = 0; i < 4; i++) {
        const b = buf[p++];
        v = (v << 7) | (b & 0x7f);
        if (!(b & 0x80)) break;
      }
      return v;
    };
    while (p < end) {
      tick += varLen();
      let status = buf[p];
      if (status & 0x80) p++;
      else if (running) status = running;
      else throw new Error(`data byte without status in track ${track}`);
      if (status === 0xff) {
        const type = buf[p++];
        const n = varLen();
        events.push({ tick, track, seq: seq++, meta: { type, data: buf.subarray(p, p + n) } });
        p += n;
        if (type === 0x2f) break;
      } else if (status === 0xf0 || status === 0xf7) {
        const n = varLen();
        const body = Array.from(buf.subarray(p, p + n));
        if (status === 0xf0) events.push({ tick, track, seq: seq++, bytes: [0xf0, ...body] });
        p += n;
      } else {
        running = status;
        const n = DATA_BYTES[status & 0xf0] ?? 0;
        events.push({ tick, track, seq: seq++, bytes: [status, ...Array.from(buf.subarray(p, p + n))] });
        p += n;
      }
    }
    track++;
  }
  events.sort((a, b) => a.tick - b.tick || a.seq - b.seq);
  return { format, ppq: division, events };
}
