/** Why the dose is what it is, in a plain sentence, and whether the clinician has confirmed it. */
import type { AssessmentDto } from "../../../src/http/routes/assessment.ts";

export function DoseReason({ assessment }: { readonly assessment: AssessmentDto }) {
  return (
    <div class="card dose-reason" aria-labelledby="dose-reason-title">
      <h2 id="dose-reason-title">Your dose</h2>
      <p>{assessment.forPatient.why}</p>
      <p class={assessment.decision?.decision === "accept" ? "small good" : "small"}>
        {assessment.forPatient.confirmed}
      </p>
    </div>
  );
}
