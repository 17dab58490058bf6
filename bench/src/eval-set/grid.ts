/** Beat and bar grid implied by the time signatures, counted from the first bar line. */
import type { Meter, Timeline } from './timeline.js';
import { tickToSeconds } from './timeline.js';

export interface GridBeat {
  tick: number;
  sec: number;
  downbeat: boolean;
  meter: string;
}

export interface BeatUnit {
  beatTicks: number;
  beatsPerBar: number;
  /** Meters whose beat level we do not annotate (e.g. 6/4: dotted halves or quarters?). */
  ambiguous: boolean;
}

/**
 * Beats in the time signature's beat unit: the denominator note for simple meters (x/4 → quarters,
 * 2/2 → halves), the dotted quarter for compound x/8 meters (3/8, 6/8, 9/8, 12/8).
 */
export function beatUnit(m: Pick<Meter, 'numerator' | 'denominator'>, ppq: number): BeatUnit {
  const unit = (ppq * 4) / m.denominator;
  if (m.denominator >= 8 && m.numerator % 3 === 0) {
    return { beatTicks: unit * 3, beatsPerBar: m.numerator / 3, ambiguous: false };
  }
  const compoundQuarters = m.denominator === 4 && m.numerator % 3 === 0 && m.numerator > 3;
  return { beatTicks: unit, beatsPerBar: m.numerator, ambiguous: compoundQuarters || m.denominator > 8 };
}

export function meterAt(meters: Meter[], tick: number): Meter {
  let found: Meter = { tick: 0, numerator: 4, denominator: 4 };
  for (const m of meters) if (m.tick <= tick) found = m;
  return found;
}

export const meterName = (m: Pick<Meter, 'numerator' | 'denominator'>) => `${m.numerator}/${m.denominator}`;

/** Every beat from the bar line at `originTick` up to `endTick`. A meter change re-anchors the bars. */
export function beatGrid(tl: Timeline, originTick: number, endTick: number): GridBeat[] {
  const toSec = tickToSeconds(tl.tempos, tl.ppq);
  const beats: GridBeat[] = [];
  let barStart = originTick;
  while (barStart < endTick) {
    const m = meterAt(tl.meters, barStart);
    const { beatTicks, beatsPerBar } = beatUnit(m, tl.ppq);
    const barEnd = barStart + beatTicks * beatsPerBar;
    const change = tl.meters.find(
      (c) => c.tick > barStart && c.tick < barEnd && meterName(c) !== meterName(m),
    );
    const stop = change ? change.tick : barEnd;
    for (let t = barStart, i = 0; t < stop && t < endTick; t += beatTicks, i++) {
      beats.push({ tick: t, sec: toSec(t), downbeat: i === 0, meter: meterName(m) });
    }
    barStart = stop;
  }
  return beats;
}
