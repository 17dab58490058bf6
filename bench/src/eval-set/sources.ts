/**
 * Where the evaluation set's music comes from: Debian packages (fetched with `apt-get download`) and
 * the pieces we take from each. Only real music written by others; feature demos, exercises and lone
 * drum patterns are left out. Every choice below is made by hand from reading the sources.
 */

export interface DebPackage {
  name: string;
  /** The version we built the set from; the script asks apt for exactly this one first. */
  version: string;
  licence: string;
}

export const PACKAGES: Record<string, DebPackage> = {
  mma: { name: 'mma', version: '21.09-1', licence: 'GPL-2+' },
  abcmidi: { name: 'abcmidi', version: '20230208+ds1-1', licence: 'GPL-2+' },
  abcm2ps: { name: 'abcm2ps', version: '8.14.14-1', licence: 'GPL-3+' },
  openmsx: { name: 'openttd-openmsx', version: '0.4.2-1', licence: 'GPL-2' },
  blupi: { name: 'planetblupi-music-midi', version: '1.14.2-3', licence: 'GPL-3+' },
  pianobooster: { name: 'pianobooster', version: '1.0.0-3', licence: 'CC-BY (music/*)' },
};

/**
 * Where the first bar line is:
 * - 'start': tick 0 (plain MIDI files);
 * - 'mma': MMA writes a one-beat set-up lead-in before bar 1, so bars start at one quarter note;
 * - 'abc': abc2midi starts the music at tick 1 and does not pad a pickup, so bars start after it.
 */
export type Origin = 'start' | 'mma' | 'abc';

/**
 * Key ground truth:
 * - 'signature': the MIDI key-signature event, if the notes bear it out (see key-check.ts);
 * - 'abc': the tune's K: field (major/minor only), if the notes bear it out;
 * - 'none': no key (the file has none, or only a placeholder).
 */
export type KeyPolicy = 'signature' | 'abc' | 'none';

export interface Piece {
  /** Stable id stem, also the unit of the tune/test split. */
  id: string;
  pkg: keyof typeof PACKAGES;
  /** Path inside the package (a .mid file, or an .abc file with `tune`). */
  path: string;
  tune?: number;
  /** For pianobooster: path of the .mid inside the zip at `path`. */
  member?: string;
  origin: Origin;
  key: KeyPolicy;
}

const MMA = '/usr/share/doc/mma/examples/';
const mma = (id: string, file: string, key: KeyPolicy): Piece => ({
  id: `mma-${id}`,
  pkg: 'mma',
  path: MMA + file,
  origin: 'mma',
  key,
});

const ABCMIDI = '/usr/share/doc/abcmidi/examples/';
const ABCM2PS = '/usr/share/doc/abcm2ps/examples/';
const abc = (
  pkg: 'abcmidi' | 'abcm2ps',
  id: string,
  file: string,
  tune: number,
  key: KeyPolicy = 'abc',
): Piece => ({
  id: `abc-${id}`,
  pkg,
  path: (pkg === 'abcmidi' ? ABCMIDI : ABCM2PS) + file,
  tune,
  origin: 'abc',
  key,
});

const OPENMSX = '/usr/share/games/openttd/baseset/openmsx/';
const openmsx = (file: string): Piece => ({
  id: `openmsx-${file.replace(/_/g, '-')}`,
  pkg: 'openmsx',
  path: `${OPENMSX}${file}.mid`,
  origin: 'start',
  key: 'signature',
});

const PB_ZIP = '/usr/share/games/pianobooster/music/BoosterMusicBooks.zip';
const pianobooster = (id: string, file: string): Piece => ({
  id: `pianobooster-${id}`,
  pkg: 'pianobooster',
  path: PB_ZIP,
  member: `BoosterMusicBooks4/Booster Music/${file}`,
  origin: 'start',
  key: 'signature',
});

export const PIECES: Piece[] = [
  // MMA: songs and song-length demos (accompaniments by MMA's grooves, some with melodies).
  mma('barbara-ann', 'aria/barb.mid', 'signature'),
  mma('bossa', 'aria/bossa.mid', 'signature'),
  mma('girl-talk', 'aria/girl.mid', 'signature'),
  mma('when-or-where', 'aria/when-or-where.mid', 'signature'),
  mma('solo', 'solo/solo.mid', 'signature'),
  mma('yours', 'triggers/hits.mid', 'signature'),
  mma('as-time-goes-by', 'riffs/riffs.mid', 'signature'),
  mma('lullaby', 'plectrum/lullaby2.mid', 'signature'),
  mma('pldemo', 'plectrum/pldemo.mid', 'signature'),
  mma('wish', 'plectrum/mandala.mid', 'signature'),
  mma('shes-just-my-style', 'midi-inc/mid2seq/shes-just-my-style.mid', 'signature'),
  { ...mma('countme', 'midi-inc/mid2seq/countme.mid', 'signature'), origin: 'start' },
  mma('bill-bailey', 'simple/bill-bailey.mid', 'none'),
  mma('marine-hymn', 'simple/marine-hymn.mid', 'none'),
  mma('deep-river', 'tutorial/deep-river.mid', 'none'),
  mma('fella-bird', 'tutorial/fella2.mid', 'none'),
  mma('frankie', 'midi-inc/frankie.mid', 'none'),
  mma('twinkle', 'lyrics/twinkle.mid', 'none'),
  mma('day-in-the-life-of-a-fool', 'misc/grooves.mid', 'none'),
  // Folk tunes in ABC, converted with abc2midi (with its default chord and drum accompaniment
  // where the tune asks for it).
  abc('abcmidi', 'boys-of-carrigallen', 'boys.abc', 3),
  abc('abcmidi', 'coleraine', 'coleraine.abc', 8),
  abc('abcmidi', 'der-gasn-nigun', 'dergasn.abc', 145),
  abc('abcmidi', 'araber-tants', 'araber.abc', 47, 'none'),
  abc('abcmidi', 'baym-rebins-sude', 'baym_rebin.abc', 63, 'none'),
  abc('abcmidi', 'horses-branle', 'demo.abc', 1),
  abc('abcmidi', 'trumpet-hornpipe', 'demo.abc', 2),
  abc('abcmidi', 'smash-the-windows', 'demo.abc', 3),
  abc('abcmidi', 'candlemas-eve', 'demo.abc', 4),
  abc('abcmidi', 'new-york-girls', 'demo.abc', 5),
  abc('abcmidi', 'friendly-visit', 'demo.abc', 6),
  abc('abcmidi', 'first-slip', 'demo.abc', 7, 'none'),
  abc('abcmidi', 'roddy-mccawley', 'demo.abc', 8),
  abc('abcmidi', 'heights-of-alma', 'demo.abc', 10),
  abc('abcm2ps', 'andro-patrice-corbel', 'accordion.abc', 3),
  abc('abcm2ps', 'jeune-fille-de-quinze-ans', 'accordion.abc', 51),
  abc('abcm2ps', 'green-island-serenade', 'chinese.abc', 1),
  abc('abcm2ps', 'tridal-a-ra-va-chalon', 'voices.abc', 5),
  // OpenMSX, the free music set of OpenTTD (several composers).
  ...[
    '5432gone_redfarn',
    'be_sharp_bw_redfarn',
    'boogi_marabi_redfarn',
    'busy_schedule',
    'careless_perc_redfarn',
    'chemistry_lab',
    'chuggachugga',
    'city_blues_redfarn',
    'coconut_run2',
    'flying_scotsman',
    'harp_harmony',
    'keep_on_rolling',
    'linns_basket',
    'midnight_snow_run',
    'mighty_giant_run',
    'modern_motion',
    'moo_redfarn',
    'mosey_along_redfarn',
    'no_work_song_redfarn',
    'relax_song',
    'run_for_your_life',
    'say_what_redfarn',
    'slow_neasy_redfarn',
    'the_fast_route',
    'the_hobo_redfarn',
    'train_filled_with_cash',
    'ttsong_iii_imuh3',
    'ttsong_iv_imuh3',
    'tttheme2',
    'ultimate_run',
    'wood_whistles',
  ].map(openmsx),
  // Planet Blupi's game music: every file carries the same C major signature at tick 0 whatever the
  // music, a placeholder, so no key is taken from them.
  ...Array.from(
    { length: 10 },
    (_, i): Piece => ({
      id: `blupi-music${String(i).padStart(3, '0')}`,
      pkg: 'blupi',
      path: `/usr/share/planetblupi/music/music${String(i).padStart(3, '0')}.mid`,
      origin: 'start',
      key: 'none',
    }),
  ),
  // Piano Booster's "Booster Music" book (arrangements of traditional tunes).
  pianobooster('clair-de-la-lune', '01-ClairDeLaLune.mid'),
  pianobooster('lavenders-blue', '02-LavendersBlue.mid'),
  pianobooster('skip-to-my-lou', '03-SkipToMyLou.mid'),
  pianobooster('frere-jacques', '04-FrereJacques.mid'),
  pianobooster('scarborough-fair', '05-ScarboroughFair.mid'),
  pianobooster('greensleeves', '06-Greensleeves.mid'),
  pianobooster('amazing-grace', '07-AmazingGrace.mid'),
];
