/** The one source of time. Injected everywhere so schedules, "today" and time zones are testable. */
export type Clock = () => Date;

/** The real wall clock; only the composition root should use it. */
export const systemClock: Clock = () => new Date();

/** A clock tests can move by hand. */
export interface ManualClock extends Clock {
  set(to: Date | string | number): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string | number): ManualClock {
  let t = new Date(start).getTime();
  const clock = (() => new Date(t)) as ManualClock;
  clock.set = (to) => {
    t = new Date(to).getTime();
  };
  clock.advance = (ms) => {
    t += ms;
  };
  return clock;
}
