/**
 * Ids and citations only where a clinician asks for them (issue 12): a closed "Source"
 * disclosure holding a protocol's key, a rule's citation or a detector's name.
 */
import type { ComponentChildren } from "preact";

export function Source({ children }: { readonly children: ComponentChildren }) {
  return (
    <details class="source">
      <summary>Source</summary>
      <span class="small muted">{children}</span>
    </details>
  );
}
