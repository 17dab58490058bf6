/**
 * Names the kind of audio file `bytes` starts with, from its magic bytes, so an error can say "this is an MP3
 * file" instead of "bad header". Returns null when nothing is recognised.
 */
export function sniffAudioFormat(bytes: Uint8Array): string | null {
  const ascii = (at: number, text: string) =>
    bytes.length >= at + text.length && [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (ascii(0, 'ID3')) return 'an MP3 file'; // ID3v2 tag, almost always in front of MP3 frames
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) {
    // MPEG frame sync (11 set bits). Layer bits 00 with the MPEG-4 ADTS header mean AAC.
    return (bytes[1] & 0x06) === 0 ? 'an AAC (ADTS) file' : 'an MP3 file';
  }
  if (ascii(0, 'fLaC')) return 'a FLAC file';
  if (ascii(0, 'OggS')) return 'an Ogg (Vorbis/Opus) file';
  if (ascii(4, 'ftyp')) return 'an MP4/M4A file';
  if (ascii(0, 'FORM') && (ascii(8, 'AIFF') || ascii(8, 'AIFC'))) return 'an AIFF file';
  if (ascii(0, 'caff')) return 'a Core Audio (CAF) file';
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return 'a WebM/Matroska file';
  }
  return null;
}
