/**
 * Ids and citations only where a clinician asks for them (issue 12): a closed "Source"
 * disclosure holding a protocol's key, a rule's citation or a detector's name.
 */
import type { ComponentChildren } from "preact";
import { citationsApart } from "../format.ts";

export function Source({ children }: { readonly children: ComponentChildren }) {
  return (
    <details class="source">
      <summary>Source</summary>
      <span class="small muted">{children}</span>
    </details>
  );
}

/** A sentence with its bracketed citations of source documents moved behind a Source disclosure. */
export function Cited({ text }: { readonly text: string }) {
  const { text: plain, sources } = citationsApart(text);
  return (
    <>
      {plain}
      {sources.length > 0 && <Source>{sources.join("; ")}</Source>}
    </>
  );
}
