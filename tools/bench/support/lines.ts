/** One line of `npm run bench`'s table: a figure beside the floor measured in the same run. */
export interface BenchLine {
  /** The number for the figure: P1, P2, … */
  id: string;
  what: string;
  /** The figure, in `unit`. */
  figure: number;
  unit: string;
  /**
   * The floor in the same unit, measured in the same run on the same database; text when the
   * floor is not a figure (P5's: the query plan); null when the goal is absolute.
   */
  floor: number | string | null;
  /** figure ÷ floor (or whatever the goal compares), null when there is no floor. */
  ratio: number | null;
  /** The goal in words, e.g. "≤ 1.5× the floor". */
  goal: string;
  pass: boolean;
  /** What else the reader needs: sizes, shortened durations, extra figures. */
  note: string;
}

/** Rounds for the table and the JSON (3 significant digits are plenty for timings on a shared machine). */
export function round(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** Math.max(0, digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/** Milliseconds between two performance.now() readings, as seconds. */
export const seconds = (from: number, to = performance.now()): number => (to - from) / 1000;
