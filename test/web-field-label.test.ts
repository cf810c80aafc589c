/** The web app's wording of the field an error names (web/src/field-label.ts, web/src/api.ts). */
import { describe, expect, it } from "vitest";
import { ApiError, messageOf, reasonOf } from "../web/src/api.ts";
import { fieldLabel, withFieldLabel } from "../web/src/field-label.ts";

describe("fieldLabel", () => {
  it.each([
    ["body.screening.opioids[1]", "Opioids, line 2"],
    ["body.riskFactors[0]", "Risk factors, line 1"],
    ["body.settings.stepUg", "Step"],
    ["body.answers.worst", "Worst"],
    ["body.sideEffects.2", "Side effects, line 3"],
    ["body.doses[3].ug", "Dose, line 4"],
    ["query.today", "Today"],
    ["newPassword", "New password"],
    ["Idempotency-Key", "Idempotency-Key"],
    ["body", ""],
  ])("puts %s as %s", (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});

describe("withFieldLabel", () => {
  it("puts the field a message starts with as a form would", () => {
    expect(
      withFieldLabel('body.screening.opioids[1]: unknown opioid "pethidine"', "body.screening.opioids[1]"),
    ).toBe('Opioids, line 2: unknown opioid "pethidine"');
  });

  it("leaves a message that does not start with its field as the server wrote it", () => {
    expect(withFieldLabel("Pregnancy status is unknown: screen again first", "screening.pregnancy")).toBe(
      "Pregnancy status is unknown: screen again first",
    );
    expect(withFieldLabel("no such patient", undefined)).toBe("no such patient");
  });

  it("says a refusal of the whole request without naming it", () => {
    expect(withFieldLabel("body: must be a JSON object", "body")).toBe("Must be a JSON object");
  });
});

describe("messageOf and reasonOf", () => {
  const refused = new ApiError(
    422,
    "invalid_argument",
    "body.settings.stepUg: must be 50 to 500 (got 5)",
    "body.settings.stepUg",
  );

  it("gives a clinician the field in the form's words, never the request's path", () => {
    expect(messageOf(refused)).toBe("Step: must be 50 to 500 (got 5)");
  });

  it("gives the reason alone for beside the field", () => {
    expect(reasonOf(refused)).toBe("must be 50 to 500 (got 5)");
    expect(reasonOf(new ApiError(401, "unauthenticated", "wrong login or password"))).toBe(
      "wrong login or password",
    );
  });

  it("says a network failure in plain words", () => {
    expect(messageOf(new TypeError("fetch failed"))).toBe(
      "Cannot reach the clinic server: check your connection.",
    );
  });
});
