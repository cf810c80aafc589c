/**
 * `ldn score bpi|promis-global10|promis-pf`: score a questionnaire from answers given as a
 * JSON object (an argument, or `-` for stdin) and/or `--item ID=VALUE` flags.
 */
import { type Command, Option } from "commander";
import { scoreBpi } from "../../domain/instruments/bpi.ts";
import type { Answers, InstrumentScoring } from "../../domain/instruments/instrument.ts";
import { scoreGlobal10 } from "../../domain/instruments/promis-global10.ts";
import { PF_FORM_LOINC, scorePhysicalFunction } from "../../domain/instruments/promis-physical-function.ts";
import { invalidArgument } from "../../domain/errors.ts";
import { formatOption, printJson } from "../output.ts";
import { scoreJson } from "../render/score-json.ts";
import { scoreTable } from "../render/score-table.ts";

interface ScoreFlags {
  readonly item: readonly string[];
  readonly format: "table" | "json";
  readonly form?: string;
}

interface Questionnaire {
  readonly name: string;
  readonly description: string;
  readonly items: string;
  readonly examples: string;
  readonly score: (answers: Answers, flags: ScoreFlags) => InstrumentScoring;
}

const QUESTIONNAIRES: readonly Questionnaire[] = [
  {
    name: "bpi",
    description: "Brief Pain Inventory short form: pain severity and interference (4-of-7 rule)",
    items: `Items (each 0-10):
  severity      worst, least, average, now          (all 4 needed)
  interference  activity, mood, walking, work,
                relations, sleep, enjoyment          (at least 4 of 7 needed)`,
    examples: `  ldn score bpi --item worst=8 --item least=3 --item average=5 --item now=6
  ldn score bpi '{"worst":8,"least":3,"average":5,"now":6,"activity":7,"mood":6,"walking":5,"work":7}'
  echo '{"worst":8,"least":3,"average":5,"now":6}' | ldn score bpi - --format json`,
    score: (answers) => scoreBpi(answers),
  },
  {
    name: "promis-global10",
    description: "PROMIS Global-10 v1.2: Global Physical and Mental Health raw and T-scores (Hays 2009)",
    items: `Items: Global01 ... Global06, Global08r, Global09, Global10r (each 1-5, 5 = best)
       Global07r: average pain 0-10, recoded to 1-5 before summing
  Physical (GPH) = Global03 + Global06 + Global07r + Global08r
  Mental (GMH)   = Global02 + Global04 + Global05 + Global10r`,
    examples: `  ldn score promis-global10 '{"Global02":3,"Global03":3,"Global04":4,"Global05":3,"Global06":4,"Global07r":5,"Global08r":3,"Global10r":4}'
  ldn score promis-global10 - --item Global01=3 --format json < answers.json`,
    score: (answers) => scoreGlobal10(answers),
  },
  {
    name: "promis-pf",
    description: "PROMIS Physical Function short form (4a v2.0): raw and T-score",
    items: `Items (each 1 = unable to do ... 5 = without any difficulty):
  PFA11 household chores, PFA21 stairs, PFA23 15-minute walk, PFA53 errands and shopping
The T-score table was checked against secondary copies only (see the README).`,
    examples: `  ldn score promis-pf --item PFA11=3 --item PFA21=2 --item PFA23=4 --item PFA53=3
  ldn score promis-pf '{"PFA11":3,"PFA21":2,"PFA23":4,"PFA53":3}' --format json`,
    score: (answers, flags) => scorePhysicalFunction(flags.form ?? "4a", answers),
  },
];

/**
 * Adds `ldn score` and its three questionnaires to the program.
 *
 * @example register(new Command("ldn"))
 */
export function register(program: Command): void {
  const score = program
    .command("score")
    .description("score a questionnaire: BPI short form, PROMIS Global-10, PROMIS Physical Function")
    .addHelpText(
      "after",
      `
Answers are keyed by item identifier, as a JSON object (argument, or - to read stdin)
and/or repeated --item ID=VALUE flags. A missing answer leaves the scores that need it
"not computed" with the reason; an answer out of range is an error naming the item.
Item labels are short on purpose: the BPI is copyrighted (C. S. Cleeland) and a clinic
needs permission from MD Anderson to use it; PROMIS instruments are used under the
HealthMeasures terms of use.

Examples:
  ldn score bpi --item worst=8 --item least=3 --item average=5 --item now=6
  ldn score promis-pf '{"PFA11":3,"PFA21":2,"PFA23":4,"PFA53":3}' --format json`,
    );
  for (const questionnaire of QUESTIONNAIRES) addQuestionnaire(score, questionnaire);
}

function addQuestionnaire(score: Command, questionnaire: Questionnaire): void {
  const command = score
    .command(questionnaire.name)
    .argument("[answers]", "answers as a JSON object of item: number (null = unanswered); - reads stdin")
    .description(questionnaire.description)
    .option("--item <id=value>", "one answer, e.g. --item worst=7 (repeatable)", collect, [])
    .addOption(formatOption(["table", "json"]))
    .addHelpText("after", `\n${questionnaire.items}\n\nExamples:\n${questionnaire.examples}`)
    .exitOverride()
    .action(async (json: string | undefined, flags: ScoreFlags) => {
      const answers = mergeAnswers(await answersFromJson(json), flags.item);
      const result = questionnaire.score(answers, flags);
      if (flags.format === "json") printJson(scoreJson(result));
      else process.stdout.write(scoreTable(result));
    });
  if (questionnaire.name === "promis-pf") {
    command.addOption(
      new Option("--form <form>", "short form; only 4a has a cited table")
        .choices(Object.keys(PF_FORM_LOINC))
        .default("4a"),
    );
  }
}

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

async function answersFromJson(json: string | undefined): Promise<Record<string, number | null>> {
  if (json === undefined) return {};
  const text = json === "-" ? await readStdin() : json;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidArgument(
      "answers",
      abbreviate(text),
      'must be a JSON object of item: number, e.g. {"worst": 7}',
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalidArgument("answers", parsed, 'must be a JSON object of item: number, e.g. {"worst": 7}');
  }
  const answers: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(parsed)) {
    if (value !== null && typeof value !== "number") {
      throw invalidArgument(id, value, "must be a number, or null when unanswered");
    }
    answers[id] = value;
  }
  return answers;
}

// `--item` values are kept as text until here so a non-number is refused with the flag named.
function mergeAnswers(fromJson: Record<string, number | null>, items: readonly string[]): Answers {
  const answers = { ...fromJson };
  for (const flag of items) {
    const match = /^([A-Za-z0-9]+)=(-?\d+(?:\.\d+)?)$/.exec(flag.trim());
    if (!match) throw invalidArgument("--item", flag, "must be ID=NUMBER, e.g. --item worst=7");
    const [, id, value] = match as unknown as [string, string, string];
    if (id in answers) throw invalidArgument(id, flag, "is given more than once");
    answers[id] = Number(value);
  }
  if (Object.keys(answers).length === 0) {
    throw invalidArgument(
      "answers",
      null,
      "none given: pass a JSON object (or - for stdin) or --item ID=VALUE",
    );
  }
  return answers;
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

function abbreviate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
