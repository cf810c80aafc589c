/**
 * The questionnaires a patient fills in on the phone: BPI (short form), PROMIS Global-10 and
 * PROMIS Physical Function 4a, each question a row of buttons like the daily check-in.
 *
 * The item identifiers and ranges are the server's (src/domain/instruments); the words are
 * short plain labels, never the published item wording, which is copyrighted. What each form
 * needs to be scored is said here only to warn before saving; the server scores it, and
 * test/questionnaire-forms.test.ts checks these rules against its scoring.
 */

export interface FormItem {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** What the lowest and highest answers mean. */
  readonly low: string;
  readonly high: string;
}

/** A score and the answers it needs: all of `items`, or at least `atLeast` of them. */
export interface ScoreNeed {
  readonly name: string;
  readonly items: readonly string[];
  readonly atLeast: number;
}

export interface QuestionnaireForm {
  readonly instrument: "bpi" | "promis-global10" | "promis-pf-4a";
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly { readonly legend: string; readonly items: readonly FormItem[] }[];
  readonly needs: readonly ScoreNeed[];
}

const rating = (id: string, label: string, low: string, high: string): FormItem => ({
  id,
  label,
  min: 0,
  max: 10,
  low,
  high,
});
const fivePoint = (id: string, label: string, low: string, high: string): FormItem => ({
  id,
  label,
  min: 1,
  max: 5,
  low,
  high,
});

const severity = (id: string, label: string) => rating(id, label, "0 no pain", "10 worst you can imagine");
const interference = (id: string, label: string) => rating(id, label, "0 not at all", "10 completely");

const BPI: QuestionnaireForm = {
  instrument: "bpi",
  title: "Pain questionnaire (BPI)",
  intro: "How bad your pain has been, and how much it gets in the way, over the last 24 hours.",
  sections: [
    {
      legend: "Your pain",
      items: [
        severity("worst", "Your worst pain in the last 24 hours"),
        severity("least", "Your least pain in the last 24 hours"),
        severity("average", "Your pain on average"),
        severity("now", "Your pain right now"),
      ],
    },
    {
      legend: "How much pain has got in the way of…",
      items: [
        interference("activity", "General activity"),
        interference("mood", "Mood"),
        interference("walking", "Walking"),
        interference("work", "Normal work, in and outside the home"),
        interference("relations", "Time with other people"),
        interference("sleep", "Sleep"),
        interference("enjoyment", "Enjoying life"),
      ],
    },
  ],
  needs: [
    { name: "pain severity (all 4 pain questions)", items: ["worst", "least", "average", "now"], atLeast: 4 },
    {
      name: "pain interference (at least 4 of the 7 questions)",
      items: ["activity", "mood", "walking", "work", "relations", "sleep", "enjoyment"],
      atLeast: 4,
    },
  ],
};

const poorToExcellent = (id: string, label: string) => fivePoint(id, label, "1 poor", "5 excellent");

const GLOBAL10: QuestionnaireForm = {
  instrument: "promis-global10",
  title: "Your health in general (PROMIS Global-10)",
  intro: "How your health has been in general; the last three questions are about the past 7 days.",
  sections: [
    {
      legend: "In general, how would you rate…",
      items: [
        poorToExcellent("Global01", "Your health"),
        poorToExcellent("Global02", "Your quality of life"),
        poorToExcellent("Global03", "Your physical health"),
        poorToExcellent("Global04", "Your mental health and mood"),
        poorToExcellent("Global05", "Your social life and relationships"),
        poorToExcellent("Global09", "Your usual roles with others"),
        fivePoint("Global06", "Everyday physical activities", "1 not at all", "5 completely"),
      ],
    },
    {
      legend: "In the past 7 days",
      items: [
        rating("Global07r", "Your pain on average", "0 no pain", "10 worst you can imagine"),
        fivePoint("Global08r", "Tiredness", "1 very severe", "5 none"),
        fivePoint("Global10r", "Being bothered by emotional problems", "1 always", "5 never"),
      ],
    },
  ],
  needs: [
    {
      name: "physical health (all of: physical health, everyday activities, pain, tiredness)",
      items: ["Global03", "Global06", "Global07r", "Global08r"],
      atLeast: 4,
    },
    {
      name: "mental health (all of: quality of life, mental health, social satisfaction, emotional problems)",
      items: ["Global02", "Global04", "Global05", "Global10r"],
      atLeast: 4,
    },
  ],
};

const difficulty = (id: string, label: string) => fivePoint(id, label, "1 unable to do", "5 no difficulty");

const PF_4A: QuestionnaireForm = {
  instrument: "promis-pf-4a",
  title: "What you can do (PROMIS Physical Function)",
  intro: "How easily you can do these things now.",
  sections: [
    {
      legend: "How easily can you manage…",
      items: [
        difficulty("PFA11", "Household chores"),
        difficulty("PFA21", "Stairs at a normal pace"),
        difficulty("PFA23", "A 15-minute walk"),
        difficulty("PFA53", "Errands and shopping"),
      ],
    },
  ],
  needs: [
    { name: "physical function (all 4 questions)", items: ["PFA11", "PFA21", "PFA23", "PFA53"], atLeast: 4 },
  ],
};

/** The forms, in the order offered. */
export const QUESTIONNAIRE_FORMS: readonly QuestionnaireForm[] = [BPI, GLOBAL10, PF_4A];

/**
 * The scores that cannot be worked out from these answers, by name (empty: it can be scored).
 *
 * @example unscorable(BPI, { worst: 5, least: 2, average: 4 }) // ["pain severity (all 4 pain questions)", "pain interference (…)"]
 */
export function unscorable(form: QuestionnaireForm, answers: Readonly<Record<string, number>>): string[] {
  return form.needs
    .filter((need) => need.items.filter((id) => answers[id] !== undefined).length < need.atLeast)
    .map((need) => need.name);
}
