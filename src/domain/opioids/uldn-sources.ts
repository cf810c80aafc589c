/**
 * What each source means by "ultra-low-dose naltrexone" and what it says about withdrawal, kept
 * apart so that no message borrows one source's words for another source's doses. The sources
 * disagree (clinical reference, section 6), and the conflict is shown, never resolved:
 *
 * - 000 (Accurate Clinic): ULDN is 0.001 mg (1 mcg) twice daily with ongoing opioid therapy, with
 *   "no increased risk of withdrawal or opioid antagonism". That was said of 1 mcg twice daily.
 * - 002 (Liptan): ultra-low is "around 1mg or less", the sweet spot "around 0.5-1mg", and
 *   naltrexone can "knock the opiates off their receptors, inducing withdrawal symptoms and
 *   worsening pain"; too much of the blocker blocks the opiates' pain relief.
 *
 * 002's doses are 250 to 500 times 000's daily total (0.5-1 mg against 2 mcg a day).
 */
import { SOURCE_000, SOURCE_002 } from "./sources.ts";
import { ownEntry } from "../own-entry.ts";

/** How a ULDN protocol's interaction reads, and which source says so. */
export interface UldnStatement {
  /** The doses the statement is about, as the source writes them. */
  readonly doses: string;
  /** The sentence for a clinician, after "<protocol> ... alongside opioids (<names>); ". */
  readonly says: string;
  /** The sources the sentence quotes, the one it is about first. */
  readonly source: string;
  /** Why this protocol suits a patient who must stay on opioids, in its own source's words. */
  readonly mustStay: string;
  readonly mustStaySource: string;
}

/** 000, ULDN "Side effects": said of 0.001 mg (1 mcg) BID. */
const SAID_BY_000 =
  '000 reports "no increased risk of withdrawal or opioid antagonism" at 1 mcg twice daily. ' +
  "That was said of 1 mcg twice daily only: 002 calls up to about 1 mg ultra-low too, and warns that " +
  "naltrexone can knock opioids off their receptors, inducing withdrawal and worsening pain";

/** 002: "knock the opiates off their receptors, inducing withdrawal symptoms and worsening pain". */
const SAID_BY_002 =
  "002 warns that naltrexone can knock opioids off their receptors, inducing withdrawal and worsening " +
  "pain, and that too much of it blocks their pain relief, so the dose must stay very low " +
  '("around 1 mg or less"; the sweet spot "around 0.5-1 mg"). 000\'s "no increased risk of withdrawal" ' +
  "was said of 1 mcg twice daily, 250 to 500 times less, not of these doses";

/**
 * The statement for each ULDN protocol of the catalogue, by protocol id.
 *
 * @example ULDN_STATEMENTS["uldn-sub-1mg"].source // "002 (Liptan, ...); 000 (...), ..."
 */
export const ULDN_STATEMENTS: Readonly<Record<string, UldnStatement>> = Object.freeze({
  "uldn-with-opioids": {
    doses: "1 mcg twice daily (000)",
    says: SAID_BY_000,
    source: `${SOURCE_000}, ULDN side effects (1 mcg twice daily); ${SOURCE_002}, for the conflict`,
    // 000, clinical pearls: "ULDN is preferred for OIH and OAT in patients who must remain on opioids".
    mustStay:
      "ULDN is preferred for OIH and OAT in patients who must remain on opioids (000: 1 mcg twice daily)",
    mustStaySource: `${SOURCE_000}, clinical pearls`,
  },
  "uldn-sub-1mg": {
    doses: "0.5 to under 1 mg a day (002)",
    says: SAID_BY_002,
    source: `${SOURCE_002}; ${SOURCE_000}, ULDN side effects (said of 1 mcg twice daily), for the conflict`,
    // 002: "patients currently taking opiates can get the benefit of LDN, as long as they take less
    // than 1mg"; "I am just starting to try this with a few of my brave patients".
    mustStay:
      "002: patients taking opioids may get the benefit of LDN as long as they take less than 1 mg (early " +
      "experience in a few patients); 000's preference for ULDN in OIH and OAT is for 1 mcg twice daily",
    mustStaySource: `${SOURCE_002}; ${SOURCE_000}, clinical pearls, for the conflict`,
  },
});

/** For an ultra-low-dose protocol that the table above does not know: the conflict, no claim. */
export const UNKNOWN_ULDN_STATEMENT: UldnStatement = Object.freeze({
  doses: "ultra-low doses",
  says:
    'the sources disagree on what "ultra-low" means and on withdrawal: 000 reports no increased risk ' +
    "of withdrawal at 1 mcg twice daily; 002 calls up to about 1 mg ultra-low and warns that naltrexone " +
    "can knock opioids off their receptors, inducing withdrawal and worsening pain",
  source: `${SOURCE_000}; ${SOURCE_002}`,
  mustStay:
    "ULDN alongside opioids; the sources disagree on its dose (000: 1 mcg twice daily; 002: about 1 mg or less)",
  mustStaySource: `${SOURCE_000}; ${SOURCE_002}`,
});

/**
 * The statement for a ULDN protocol id.
 *
 * @example uldnStatement("uldn-with-opioids").doses // "1 mcg twice daily (000)"
 */
export function uldnStatement(protocolId: string): UldnStatement {
  return ownEntry(ULDN_STATEMENTS, protocolId) ?? UNKNOWN_ULDN_STATEMENT;
}
