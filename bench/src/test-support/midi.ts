/** Builds small Standard MIDI Files for tests. */

export type TestEvent =
  | { tick: number; tempoBpm: number }
  | { tick: number; meter: [number, number] }
  | { tick: number; keySig: [number, 0 | 1] }
  | { tick: number; note: number; ticks: number; channel?: number; velocity?: number }
  | { tick: number; program: number; channel?: number };

const vlq = (n: number): number[] => {
  const out = [n & 0x7f];
  for (let v = n >> 7; v > 0; v >>= 7) out.unshift((v & 0x7f) | 0x80);
  return out;
};

/** A format-0 file with the given events (notes become note-on/note-off pairs). */
export function buildSmf(ppq: number, events: TestEvent[]): Uint8Array {
  const raw: { tick: number; order: number; bytes: number[] }[] = [];
  for (const e of events) {
    if ('tempoBpm' in e) {
      const us = Math.round(6e7 / e.tempoBpm);
      raw.push({
        tick: e.tick,
        order: 0,
        bytes: [0xff, 0x51, 3, (us >> 16) & 255, (us >> 8) & 255, us & 255],
      });
    } else if ('meter' in e) {
      raw.push({ tick: e.tick, order: 0, bytes: [0xff, 0x58, 4, e.meter[0], Math.log2(e.meter[1]), 24, 8] });
    } else if ('keySig' in e) {
      raw.push({ tick: e.tick, order: 0, bytes: [0xff, 0x59, 2, (e.keySig[0] + 256) & 255, e.keySig[1]] });
    } else if ('program' in e) {
      raw.push({ tick: e.tick, order: 1, bytes: [0xc0 | (e.channel ?? 0), e.program] });
    } else {
      const ch = e.channel ?? 0;
      raw.push({ tick: e.tick, order: 2, bytes: [0x90 | ch, e.note, e.velocity ?? 100] });
      raw.push({ tick: e.tick + e.ticks, order: 1, bytes: [0x80 | ch, e.note, 0] });
    }
  }
  raw.sort((a, b) => a.tick - b.tick || a.order - b.order);
  const track: number[] = [];
  let last = 0;
  for (const r of raw) {
    track.push(...vlq(r.tick - last), ...r.bytes);
    last = r.tick;
  }
  track.push(0, 0xff, 0x2f, 0);
  const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return Uint8Array.from([
    ...[0x4d, 0x54, 0x68, 0x64],
    ...u32(6),
    0,
    0,
    0,
    1,
    (ppq >> 8) & 255,
    ppq & 255,
    ...[0x4d, 0x54, 0x72, 0x6b],
    ...u32(track.length),
    ...track,
  ]);
}
