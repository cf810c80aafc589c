/**
 * The plain-language instructions printed with a patient's schedule. Each line comes
 * from the sources (clinical reference, sections 2.1 and 3) and says so in a comment;
 * which lines apply depends on the plan (dose times, form, opioids).
 */

/** A titled group of short sentences for the patient. */
export interface InstructionSection {
  readonly title: string;
  readonly lines: readonly string[];
}

/** What decides which instructions apply. */
export interface InstructionContext {
  /** The latest dose time of the day in the schedule, "HH:MM". */
  readonly latestDoseTime: string;
  readonly form: "capsules" | "liquid";
  /** True for a plan taken alongside opioids (ULDN). */
  readonly withOpioids: boolean;
  readonly clinicName: string;
  readonly clinicPhone: string;
}

/** 004: the last dose no later than 4 PM when sleep is disturbed. */
const SLEEP_CUTOFF = "16:00";

/** "20:00" -> "8 PM", "08:30" -> "8:30 AM": how a patient reads a clock time. */
export function clockText(time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const suffix = h < 12 ? "AM" : "PM";
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour} ${suffix}` : `${hour}:${String(m).padStart(2, "0")} ${suffix}`;
}

/**
 * The short reminders printed on every page of the schedule.
 *
 * @example remindersFor({ latestDoseTime: "20:00", form: "capsules", withOpioids: false, clinicName: "X", clinicPhone: "555" })
 * // ["Take each dose at its time, then tick its box.", "Upset stomach? ...", ...]
 */
export function remindersFor(ctx: InstructionContext): string[] {
  return [
    ctx.form === "capsules"
      ? "Take each dose at its time: swallow the capsules shown, then tick the box."
      : "Take each dose at its time: measure it with the oral syringe, then tick the box.",
    // 004: GI upset (abdominal pain, nausea) -> take with food.
    "Upset stomach or feeling sick? Take your doses with food.",
    sleepLine(ctx),
    `Questions or a problem? Call ${ctx.clinicName}: ${ctx.clinicPhone}.`,
  ];
}

/**
 * Everything the patient should know, for the last page of the schedule.
 *
 * @example patientInstructions(ctx).map((s) => s.title)
 * // ["How to take it", "If it upsets your stomach", "If it disturbs your sleep", "What to watch for", "Call the clinic if", ...]
 */
export function patientInstructions(ctx: InstructionContext): InstructionSection[] {
  const sections: InstructionSection[] = [
    {
      title: "How to take it",
      lines: [
        ctx.form === "capsules"
          ? "Each box on the calendar is one dose. Swallow the capsules shown under the dose, then tick the box."
          : "Each box on the calendar is one dose. Draw the liquid up to the mark shown with the oral syringe, swallow it, then tick the box.",
        "If you miss a dose, skip it. Do not take two doses together.",
        "Keep your medicine in its labelled container, away from children.",
      ],
    },
    {
      title: "If it upsets your stomach",
      lines: [
        // 004: take LDN with food; stay on the lowest dose that caused GI upset until it stops.
        "Take your doses with food.",
        "If it does not settle, call the clinic: they may keep you on the same dose for a while before going up.",
      ],
    },
    {
      title: "If it disturbs your sleep",
      lines: [sleepLine(ctx), "If that does not help, call the clinic."],
    },
    {
      title: "What to watch for",
      lines: [
        // 004: the window of effectiveness: less generalized pain, less hyperalgesia, better mood, energy, clarity.
        "Signs it is working: pain that is less widespread, less sensitivity to touch, better mood, more energy, clearer thinking.",
        // 000, 003: 2-4 weeks to show an effect; day-to-day pain varies.
        "Changes can take weeks, and pain varies from day to day. Write down how you feel each day.",
        // 001, 003, 004: mostly mild and passing.
        "Side effects are usually mild and pass: headache, dizziness, vivid dreams, upset stomach, bloating, constipation.",
      ],
    },
    {
      title: "Call the clinic if",
      lines: [
        // 004 hormesis: a higher dose can make pain worse than before LDN.
        "your pain gets worse than it was before you started",
        // 004: drowsiness above the MED; agitation needs clinician review.
        "you feel drowsy, agitated, or your mood changes",
        "a side effect does not go away",
        // 004 excluded pregnancy.
        "you are pregnant or could be",
        `${ctx.clinicName}: ${ctx.clinicPhone}`,
      ],
    },
  ];
  sections.push(
    ctx.withOpioids
      ? {
          title: "Your opioid medicine",
          lines: [
            // 000: ULDN is taken with ongoing opioid therapy; stopping it lets OIH recur.
            "This very small naltrexone dose is meant to be taken with your opioid medicine. Keep taking both as prescribed.",
            "Do not change or stop either one without talking to the clinic.",
            "Tell every doctor, dentist, pharmacist and emergency team that you take naltrexone.",
          ],
        }
      : {
          title: "Opioid pain medicines",
          lines: [
            // 000, 003: naltrexone blocks opioid receptors and opioid pain relief.
            "Naltrexone can block opioid pain medicines (for example morphine, oxycodone, tramadol, codeine).",
            "Do not start one without talking to the clinic. Tell every doctor, dentist, pharmacist and emergency team that you take naltrexone.",
          ],
        },
  );
  return sections;
}

function sleepLine(ctx: InstructionContext): string {
  // 004: sleep problems -> last dose no later than 4 PM, then earlier, then all in the morning.
  return ctx.latestDoseTime > SLEEP_CUTOFF
    ? `Trouble sleeping or vivid dreams? Take your last dose no later than 4 PM, not at ${clockText(ctx.latestDoseTime)}, and tell the clinic.`
    : "Trouble sleeping or vivid dreams? Take your doses earlier in the day, and tell the clinic.";
}
