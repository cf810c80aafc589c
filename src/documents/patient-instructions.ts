/**
 * The plain-language instructions printed with a patient's schedule. Each line comes
 * from the sources (clinical reference, sections 2.1 and 3) and says so in a comment;
 * which lines apply depends on the plan (dose times, form) and on the opioids recorded at
 * the patient's screening.
 */
import { clockText } from "../domain/clock-text.ts";

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
  /** The opioids recorded at the patient's screening, by name (none when empty or absent). */
  readonly opioids?: readonly string[];
  readonly clinicName: string;
  /** The number to call, when the clinic has set one; otherwise the clinic is named alone. */
  readonly clinicPhone?: string | undefined;
}

/** 004: the last dose no later than 4 PM when sleep is disturbed. */
const SLEEP_CUTOFF = "16:00";

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
    ...(onOpioids(ctx)
      ? [
          // 002: naltrexone can induce withdrawal in a patient on opioids (see opioidSection).
          `Feel as if you suddenly stopped your ${names(ctx)}? That may be withdrawal: do not take your next dose, and call ${callWhom(ctx)}.`,
        ]
      : []),
    `Questions or a problem? Call ${callWhom(ctx)}.`,
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
        ctx.clinicPhone ? `${ctx.clinicName}: ${ctx.clinicPhone}` : ctx.clinicName,
      ],
    },
  ];
  // A patient on opioids reads about withdrawal straight after how to take it (002).
  if (onOpioids(ctx)) sections.splice(1, 0, opioidSection(ctx));
  else
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

/** The opioid names as a patient reads them: "oxycodone", "oxycodone and tramadol". */
function names(ctx: InstructionContext): string {
  const list = [...new Set(ctx.opioids ?? [])];
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

function onOpioids(ctx: InstructionContext): boolean {
  return (ctx.opioids ?? []).length > 0;
}

/** "Riverside Pain Clinic on 555 0100", or the clinic's name alone when it has set no number. */
function callWhom(ctx: InstructionContext): string {
  return ctx.clinicPhone ? `${ctx.clinicName} on ${ctx.clinicPhone}` : ctx.clinicName;
}

/**
 * For a patient with opioids recorded at screening: that they take one (by name), that naltrexone
 * can cause withdrawal or make the opioid work less well, what withdrawal can feel like, what to
 * do and whom to call.
 *
 * @example opioidSection({ ...ctx, opioids: ["oxycodone"] }).title // "You also take oxycodone"
 */
export function opioidSection(ctx: InstructionContext): InstructionSection {
  const opioid = names(ctx);
  const many = new Set(ctx.opioids ?? []).size > 1;
  return {
    title: `You also take ${opioid}`,
    lines: [
      ctx.withOpioids
        ? // 000, 002: ULDN is taken alongside ongoing opioid therapy.
          `This very small naltrexone dose is meant to be taken with your ${opioid}. Keep taking both as prescribed.`
        : `${opioid[0]!.toUpperCase()}${opioid.slice(1)} ${many ? "are opioid pain medicines" : "is an opioid pain medicine"}. Keep taking ${many ? "them" : "it"} as prescribed.`,
      ctx.withOpioids
        ? // 002: too much naltrexone knocks opiates off their receptors, inducing withdrawal and worsening pain.
          "The dose is kept very small so that it does not block your opioid. If it is too much for you, it can cause opioid withdrawal, or make your opioid work less well so that your pain gets worse."
        : // 002: naltrexone can knock opiates off their receptors, inducing withdrawal symptoms and worsening pain.
          "LDN (naltrexone) can push your opioid off the places in your body where it works. This can cause opioid withdrawal, or make your opioid work less well so that your pain gets worse.",
      // MedlinePlus (U.S. National Library of Medicine), "Opiate and opioid withdrawal",
      // medlineplus.gov/ency/article/000949.htm: agitation, anxiety, muscle aches, increased tearing,
      // insomnia, runny nose, sweating, yawning; later abdominal cramping, diarrhea, goose bumps,
      // nausea, vomiting. None of the seeds lists the symptoms.
      "Withdrawal can feel as if you had suddenly stopped your opioid: sweating, yawning, a runny nose or watery eyes, aching muscles, feeling restless or anxious, trouble sleeping, goose bumps, stomach cramps, diarrhoea, feeling sick or being sick.",
      // Clinic practice for a suspected reaction: hold the dose, never increase, report (the engine alerts on it).
      "If you feel like this after a dose of LDN: do not take your next dose, and do not go up to a higher dose.",
      'Record it in your daily check-in: tick "Opioid withdrawal" in the app (on paper, write "withdrawal" beside the day).',
      `Call ${callWhom(ctx)} the same day, before your next dose. Do not stop or change your ${opioid} without talking to the clinic.`,
      "Tell every doctor, dentist, pharmacist and emergency team that you take naltrexone.",
    ],
  };
}

function sleepLine(ctx: InstructionContext): string {
  // 004: sleep problems -> last dose no later than 4 PM, then earlier, then all in the morning.
  return ctx.latestDoseTime > SLEEP_CUTOFF
    ? `Trouble sleeping or vivid dreams? Take your last dose no later than 4 PM, not at ${clockText(ctx.latestDoseTime)}, and tell the clinic.`
    : "Trouble sleeping or vivid dreams? Take your doses earlier in the day, and tell the clinic.";
}
