/**
 * The time, passed in so that stored timestamps can be fixed in tests and replays.
 *
 * @example
 * const fixed: Clock = { now: () => new Date("2027-01-04T09:00:00Z") };
 */
export interface Clock {
  now(): Date;
}
