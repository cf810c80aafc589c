import { describe, expect, it } from "vitest";
import { doseReminderMail, questionnaireNoticeMail } from "./reminder-mail.ts";

describe("reminder mail", () => {
  it("says the dose and its time in the subject and the text, signed with the clinic's name and number", () => {
    const mail = doseReminderMail({ name: "Riverside Pain Clinic", phone: "555 0100" }, "0.3 mg", "20:00");
    expect(mail.subject).toBe("Time for your naltrexone: 0.3 mg at 20:00");
    expect(mail.text).toContain("It is time for your dose of naltrexone: 0.3 mg at 20:00.");
    expect(mail.text).toContain("do not take two doses together");
    expect(mail.text).toContain("Riverside Pain Clinic\n555 0100");
    expect(mail.text).toContain("turn them off");
  });

  it("names the clinic alone when it has set no number", () => {
    const mail = questionnaireNoticeMail({ name: "Riverside Pain Clinic", phone: "" });
    expect(mail.subject).toBe("A questionnaire is due");
    expect(mail.text).toContain("\n\nRiverside Pain Clinic\n\n");
  });
});
