/**
 * Screening that holds, in a real browser against the real server process: the clinician enrols a
 * patient on oxycodone whose pregnancy status is unknown. The plan form says no plan can start and
 * does not offer to start one until the status is recorded (which screens the patient again); the
 * schedule page then tells the patient about opioid withdrawal, what to do and whom to call; the
 * patient's check-in offers "Opioid withdrawal" and the chart's diary shows it. axe-core stays clean.
 */
import { describe, expect, it } from "vitest";
import { CLINICIAN, PATIENT_PASSWORD, isoDaysAgo, shot, startClinic, startedBeforeAll } from "./clinic.ts";
import { axeViolations, signInOnPage } from "./browser.ts";

describe("screening that holds in a real browser", { timeout: 90_000 }, () => {
  const clinic = startedBeforeAll(
    () => startClinic("screening"),
    (c) => c.stop(),
    120_000,
  );

  it("holds the plan until pregnancy is recorded, then gives the schedule's withdrawal instructions and the diary's withdrawal", async () => {
    const staff = await clinic.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await staff.newPage();
    await page.goto(clinic.server.url);
    await signInOnPage(page, CLINICIAN.email, CLINICIAN.password);
    await page.getByRole("heading", { name: "Patients" }).waitFor();

    await page.getByRole("link", { name: "Enrol a patient" }).first().click();
    await page.getByLabel("Name as shown to staff").fill("U. Nknown");
    await page.getByLabel("Age (years)").fill("38");
    await page.getByLabel("Pain for (months)").fill("48");
    await page.getByLabel("Pregnant").selectOption("unknown");
    await page.getByLabel(/Opioids now/).fill("oxycodone 20mg x2");
    await page.getByRole("button", { name: "Screen and enrol" }).click();

    // No plan while pregnancy is unknown: the form says what to record and does not start.
    await page.getByText("No plan can start yet: pregnancy status unknown.").waitFor();
    expect(await page.getByRole("button", { name: "Start plan" }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "plan-pregnancy-unknown");
    await page.getByLabel("Pregnancy status").selectOption("not-applicable");
    await page.getByRole("button", { name: "Record and screen again" }).click();
    await page.getByText("No plan can start yet").waitFor({ state: "detached" });

    // Now the plan starts, once the opioid interaction has its reason.
    await page.getByLabel("Protocol").selectOption("micro-titration");
    await page.getByLabel("Start date").fill(isoDaysAgo(0));
    await page.getByLabel(/Why you go on/).fill("Stable oxycodone; told what withdrawal feels like");
    await page.getByRole("button", { name: "Start plan" }).click();
    await page.getByText(/Opioid interaction acknowledged/).waitFor();

    // The schedule names the opioid and says what withdrawal feels like, what to do, whom to call.
    await page.getByRole("link", { name: "Schedule and instructions" }).click();
    await page.getByRole("heading", { name: "You also take oxycodone" }).waitFor();
    const section = (await page.locator(".opioid-instructions").textContent()) ?? "";
    expect(section).toContain("This can cause opioid withdrawal, or make your opioid work less well");
    expect(section).toContain("Withdrawal can feel as if you had suddenly stopped your opioid");
    expect(section).toContain("do not take your next dose, and do not go up to a higher dose");
    expect(section).toContain("Call Riverside Pain Clinic the same day, before your next dose.");
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("heading", { name: "You also take oxycodone" }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    await shot(page, "schedule-opioid-instructions");
    await page.getByRole("link", { name: "← Back" }).click();

    // The patient joins and reports withdrawal from the check-in's side effects.
    await page.getByRole("button", { name: "Invite to join" }).click();
    const joinLink = await page.getByLabel("Invitation link").inputValue();
    const phone = await clinic.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const mobile = await phone.newPage();
    await mobile.goto(joinLink);
    await mobile.getByLabel("Password", { exact: true }).fill(PATIENT_PASSWORD);
    await mobile.getByLabel("The same password again").fill(PATIENT_PASSWORD);
    await mobile.getByRole("button", { name: "Join" }).click();
    await mobile.getByRole("button", { name: "Continue" }).click();
    await mobile.getByRole("heading", { name: "Daily check-in" }).waitFor();
    await mobile.getByRole("radiogroup", { name: /Pain/ }).getByRole("radio", { name: "7" }).check();
    await mobile.getByText("Opioid withdrawal", { exact: true }).click();
    await mobile.getByRole("button", { name: "Save check-in" }).click();
    await mobile.getByRole("status").getByText("Saved your check-in", { exact: false }).waitFor();
    await phone.close();

    await page.reload();
    await page.getByText(/Diary \(1 days?\)/).click();
    await page.getByRole("cell", { name: "Opioid withdrawal" }).waitFor();
    await staff.close();
  });
});
