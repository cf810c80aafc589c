/** Clock times as a patient reads them. */

/**
 * "20:00" -> "8 PM", "08:30" -> "8:30 AM": how a patient reads a clock time.
 *
 * @example clockText("16:00") // "4 PM"
 */
export function clockText(time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const suffix = h < 12 ? "AM" : "PM";
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour} ${suffix}` : `${hour}:${String(m).padStart(2, "0")} ${suffix}`;
}
