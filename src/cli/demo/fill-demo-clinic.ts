/** The demo clinic: filled once, so a newcomer sees something real at once. */
import type { Store } from "../../app/ports/store.ts";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";

export const DEMO_CLINIC = "Demo Pain Clinic";

/** @example const { message } = await fillDemoClinic(store); */
export async function fillDemoClinic(store: Store): Promise<{ readonly message: string }> {
  const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
  if (clinics.some((c) => c.name === DEMO_CLINIC)) return { message: `The demo clinic is already there.` };
  return { message: "The demo clinic is not written yet." };
}
