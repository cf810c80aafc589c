/** The clinic web app: one page app over the clinic server's API. */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, SESSION_ENDED, type Me } from "./api.ts";
import { navigate, onLinkClick, usePath } from "./router.ts";
import { Login } from "./pages/login.tsx";
import { Join } from "./pages/join.tsx";
import { Dashboard } from "./pages/dashboard.tsx";
import { Enrol } from "./pages/enrol.tsx";
import { PatientChart } from "./pages/patient.tsx";
import { PatientHome } from "./pages/patient-home.tsx";
import { StaffAdmin } from "./pages/staff.tsx";
import { Cohort } from "./pages/cohort.tsx";
import { SchedulePage } from "./pages/schedule.tsx";
import { PharmacyQueue } from "./pages/pharmacy-queue.tsx";
import { PasswordPage } from "./pages/password.tsx";
import { ClinicSettingsPage } from "./pages/clinic-settings.tsx";
import { flushQueue } from "./offline-queue.ts";
import { OfflineBanner, forgetKeptData, registerServiceWorker } from "./offline.tsx";

function App() {
  const path = usePath();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api
      .get<Me>("/api/me")
      .then(setMe)
      .catch(() => setMe(null));
  }, []);
  // A staff member signed out by the server: sign in again here, then the same page comes back
  // (the path is kept).
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    // Staff only: the patient's phone keeps working offline, and its queue keeps a check-in the
    // server answered 401 to (offline-queue.ts), so a 401 there must not take the page away.
    const end = () =>
      setMe((current) => {
        if (current?.kind !== "staff") return current;
        setEnded(true);
        return null;
      });
    window.addEventListener(SESSION_ENDED, end);
    return () => window.removeEventListener(SESSION_ENDED, end);
  }, []);
  useEffect(() => {
    const flush = () => void flushQueue();
    window.addEventListener("online", flush);
    flush();
    return () => window.removeEventListener("online", flush);
  }, []);

  if (path === "/join") return <Join onJoined={setMe} />;
  if (me === undefined) return <p class="loading">Loading…</p>;
  if (me === null)
    return (
      <Login
        sessionEnded={ended}
        onSignedIn={(signedIn) => {
          // Sent to sign in by an EHR's launch (src/http/smart/smart-launch.ts): back to that launch.
          const launch = new URLSearchParams(location.search).get("after-sign-in");
          if (launch?.startsWith("/smart/launch?")) return location.assign(launch);
          setEnded(false);
          setMe(signedIn);
        }}
      />
    );

  const signOut = async () => {
    await api.delete("/api/session").catch(() => undefined);
    // Nothing of this person's stays on the phone for the next one to sign in.
    await forgetKeptData();
    setMe(null);
    navigate("/");
  };
  return (
    <div class="shell" onClick={(e) => onLinkClick(e as unknown as MouseEvent)}>
      <header class="top">
        <a class="brand" href="/">
          ldn <span class="muted">{me.clinicName}</span>
        </a>
        <nav aria-label="Main">
          {me.kind === "staff" && me.role !== "administrator" && <a href="/">Patients</a>}
          {me.kind === "staff" && me.role !== "administrator" && <a href="/queue">Queue</a>}
          {me.kind === "staff" && me.role === "clinician" && <a href="/patients/new">Enrol</a>}
          {me.kind === "staff" && me.role === "clinician" && <a href="/cohort">Cohort</a>}
          {me.kind === "staff" && me.role === "administrator" && <a href="/">Staff</a>}
          {me.kind === "staff" && me.role === "administrator" && <a href="/clinic">Clinic</a>}
          <a href="/password">Password</a>
          <span class="who">{me.displayName}</span>
          <button type="button" class="link" onClick={signOut}>
            Sign out
          </button>
        </nav>
      </header>
      <OfflineBanner />
      <main id="main">{page(path, me)}</main>
    </div>
  );
}

function page(path: string, me: Me) {
  if (path === "/password") return <PasswordPage />;
  if (me.kind === "patient")
    return path === "/schedule" ? (
      <SchedulePage id={me.id} name={me.displayName} back="/" patientView />
    ) : (
      <PatientHome me={me} />
    );
  if (me.role === "administrator") return path === "/clinic" ? <ClinicSettingsPage /> : <StaffAdmin />;
  if (path === "/patients/new" && me.role === "clinician") return <Enrol />;
  if (path === "/cohort" && me.role === "clinician") return <Cohort />;
  if (path === "/queue") return <PharmacyQueue role={me.role} />;
  const schedule = /^\/patients\/([\w-]+)\/schedule$/.exec(path);
  if (schedule) return <SchedulePage id={schedule[1]!} name={null} back={`/patients/${schedule[1]!}`} />;
  const match = /^\/patients\/([\w-]+)$/.exec(path);
  if (match) return <PatientChart id={match[1]!} role={me.role} />;
  return <Dashboard role={me.role} />;
}

const root = document.getElementById("app")!;
root.textContent = ""; // the "Loading…" shown before the script ran
render(<App />, root);
registerServiceWorker();
