/** A patient's chart for clinicians (pharmacists see the compounding page instead). */
import { useEffect, useState } from "preact/hooks";
import type { AssessmentDto, DecisionDto } from "../../../src/http/routes/assessment.ts";
import type { DiaryDayDto } from "../../../src/http/routes/check-ins.ts";
import type { PatientDetail, PlanDto } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { TitrationChart, type ChartDay } from "../components/chart.tsx";
import { DiaryCorrections } from "../components/diary-corrections.tsx";
import { EhrSend } from "../components/ehr-send.tsx";
import { ErrorNote } from "../components/field-error.tsx";
import { InvitationBox } from "../components/invitation-box.tsx";
import { Reminders } from "../components/reminders.tsx";
import { ScreeningCard } from "../components/screening-card.tsx";
import { Source } from "../components/source.tsx";
import { decisionText, Recommendation } from "../components/recommendation.tsx";
import { SIDE_EFFECT_LABEL, STATE_LABEL, doseText, shortDate } from "../format.ts";
import { Compounding } from "./compounding.tsx";
import { PlanForm } from "./plan-form.tsx";
import { Questionnaires } from "./questionnaires.tsx";

export function PatientChart({ id, role }: { readonly id: string; readonly role: string }) {
  const clinical = role === "clinician";
  const [patient, setPatient] = useState<PatientDetail | null>(null);
  const [plans, setPlans] = useState<PlanDto[]>([]);
  const [checkIns, setCheckIns] = useState<DiaryDayDto[]>([]);
  const [assessment, setAssessment] = useState<AssessmentDto | null>(null);
  const [decisions, setDecisions] = useState<DecisionDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    void (async () => {
      try {
        setPlans(await api.get<PlanDto[]>(`/api/patients/${id}/plans`));
        if (!clinical) return;
        setPatient(await api.get<PatientDetail>(`/api/patients/${id}`));
        setCheckIns(await api.get<DiaryDayDto[]>(`/api/patients/${id}/check-ins`));
        setAssessment(await api.get<AssessmentDto | null>(`/api/patients/${id}/assessment`));
        setDecisions(await api.get<DecisionDto[]>(`/api/patients/${id}/decisions`));
      } catch (e) {
        setError(messageOf(e));
      }
    })();
  }, [id, version, clinical]);

  const plan = plans.at(-1);
  if (!clinical) return <Compounding id={id} role={role} />;
  if (!patient) return error ? <ErrorNote message={error} /> : <p class="loading">Loading…</p>;
  const start = plan?.startDate ?? "9999-12-31";
  const baseline = checkIns.filter((c) => c.date < start).map((c) => c.checkIn.pain);
  const days: ChartDay[] = checkIns
    .filter((c) => c.date >= start)
    .map((c) => ({
      date: c.date,
      totalUg: c.checkIn.doses.reduce((s, d) => s + d.ug, 0),
      pain: c.checkIn.pain,
      mood: c.checkIn.mood ?? null,
      energy: c.checkIn.energy ?? null,
      clarity: c.checkIn.clarity ?? null,
      sideEffects: c.checkIn.sideEffects,
    }));
  const notEligible = patient.screening.result.eligibility === "not-eligible";
  return (
    <section>
      <div class="row spread">
        <h1>{patient.displayName}</h1>
        {!notEligible && <InvitationBox id={id} joined={patient.joined} />}
      </div>
      <ErrorNote message={error} />
      {role === "clinician" && !notEligible && <Reminders patientId={id} />}
      <EhrSend patientId={id} />
      <div class="grid-2">
        <ScreeningCard id={id} screening={patient.screening} onChanged={reload} />
        <div class="card">
          <h2>Plan</h2>
          {plan ? (
            <PlanSummary id={id} plan={plan} state={assessment?.state} />
          ) : notEligible ? (
            <NotEligible screening={patient.screening.result} />
          ) : (
            <PlanForm id={id} screening={patient.screening.result} onCreated={reload} />
          )}
        </div>
      </div>
      {plan && (
        <div class="card">
          <h2>Titration</h2>
          <TitrationChart
            days={days}
            windowUg={assessment?.windowUg ?? null}
            medUg={assessment?.medUg ?? null}
            baselinePain={baseline.length ? baseline.reduce((a, b) => a + b, 0) / baseline.length : null}
          />
        </div>
      )}
      {assessment && plan && !assessment.started && (
        <div class="card" aria-labelledby="rec-title">
          <h2 id="rec-title">Engine recommendation</h2>
          <p>
            The plan starts on {shortDate(plan.startDate)}: first doses{" "}
            <strong>{assessment.next.total}</strong> (
            {assessment.next.doses.map((d) => `${d.dose} at ${d.time}`).join(", ")}). The engine’s first
            recommendation comes with the first check-in on the plan.
          </p>
        </div>
      )}
      {assessment?.started && <Recommendation id={id} assessment={assessment} onDecided={reload} />}
      {decisions.length > 0 && (
        <div class="card">
          <h2>Decisions</h2>
          <ul>
            {decisions.map((d) => (
              <li key={d.recommendationId}>
                {shortDate(d.asOf)} ({STATE_LABEL[d.state] ?? d.state}): {decisionText(d)}
                {d.reason ? ` — “${d.reason}”` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {checkIns.length > 0 && <Diary entries={checkIns} />}
      <Questionnaires id={id} />
    </section>
  );
}

function PlanSummary({
  id,
  plan,
  state,
}: {
  readonly id: string;
  readonly plan: PlanDto;
  readonly state?: string | undefined;
}) {
  // The PDF prints the doses the patient takes (held at the MED, or the protocol continued from
  // the engine's level); a stopped patient takes none, so there is nothing to print.
  const printable = state !== "stopped";
  return (
    <div class="stack">
      <p>
        <strong>{plan.protocolName}</strong> from {shortDate(plan.startDate)}
      </p>
      <Source>
        Protocol {plan.protocolId}@{plan.protocolVersion}; response judged by the {plan.detector} detector.
      </Source>
      {plan.interactionAck && (
        <p class="small warning">Opioid interaction acknowledged: “{plan.interactionAck.reason}”</p>
      )}
      <p class="row">
        <a class="button secondary" href={`/patients/${id}/schedule`}>
          Schedule and instructions
        </a>
        {printable && (
          <a
            class="button secondary"
            href={`/api/patients/${id}/schedule.pdf`}
            target="_blank"
            rel="noopener"
          >
            Print schedule (PDF)
          </a>
        )}
      </p>
    </div>
  );
}

function Diary({ entries }: { readonly entries: readonly DiaryDayDto[] }) {
  return (
    <details class="card">
      <summary>
        <h2 class="inline">
          Diary ({entries.length} {entries.length === 1 ? "day" : "days"})
        </h2>
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Taken</th>
            <th scope="col">Pain</th>
            <th scope="col">Mood / energy / clarity</th>
            <th scope="col">Side effects</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...entries].reverse().map((e) => (
            <tr key={e.id}>
              <td class="nowrap">
                {shortDate(e.date)}
                <DiaryCorrections day={e} />
              </td>
              <td>{e.checkIn.doses.map((d) => `${doseText(d.ug)} ${d.time}`).join(", ") || "none"}</td>
              <td>{e.checkIn.pain}</td>
              <td>
                {e.checkIn.mood ?? "–"} / {e.checkIn.energy ?? "–"} / {e.checkIn.clarity ?? "–"}
              </td>
              <td>{e.checkIn.sideEffects.map((s) => SIDE_EFFECT_LABEL[s] ?? s).join(", ")}</td>
              <td class="note">{e.checkIn.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * No plan form and no invitation for a patient screening rules out (issue 12): the reasons
 * instead; screening again (a pregnancy now ruled out, say) brings the form back.
 */
function NotEligible({ screening }: { readonly screening: PatientDetail["screening"]["result"] }) {
  const reasons = screening.reasons.filter((r) => r.effect === "excludes" && r.scope === "all");
  return (
    <div class="notice not-eligible" role="note">
      <p>
        <strong>No plan can start: screening rules LDN out.</strong>
      </p>
      <ul class="small">
        {reasons.map((r) => (
          <li key={r.message}>{r.message}</li>
        ))}
      </ul>
      <p class="small">
        If an answer has changed, edit the screening: the plan form returns when it allows a plan.
      </p>
    </div>
  );
}
