/** What the patient is told on their Today page, from what their diary says (004). */
import { clockText } from "../../domain/clock-text.ts";
import type { DiaryDay } from "../../domain/diary/diary-day.ts";
import { GI_EFFECTS, SLEEP_EFFECTS } from "../../domain/diary/side-effects.ts";

/**
 * Plain-language instructions from the patient's last 7 diary days (004's side-effect advice),
 * `latestTime` being the last dose time of tomorrow's schedule.
 *
 * @example instructionsFor(days, "20:00") // ["If you miss a dose, skip it. Do not take two doses together."]
 */
export function instructionsFor(days: readonly DiaryDay[], latestTime: string | undefined): string[] {
  const recent = days.slice(-7);
  const lines: string[] = [];
  if (recent.some((d) => d.sideEffects.some((e) => GI_EFFECTS.includes(e)))) {
    // 004: GI upset -> take LDN with food.
    lines.push("Your stomach has been upset: take your doses with food.");
  }
  if (recent.some((d) => d.sideEffects.some((e) => SLEEP_EFFECTS.includes(e)))) {
    // 004: sleep problems -> last dose no later than 4 PM, then earlier.
    lines.push(
      `Your sleep has been disturbed: take your last dose of the day by ${latestTime ? clockText(latestTime) : "4 PM"}, as shown.`,
    );
  }
  lines.push("If you miss a dose, skip it. Do not take two doses together.");
  return lines;
}
