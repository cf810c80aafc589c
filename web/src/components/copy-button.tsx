/** A button that copies a text (a login code, a calendar link) and says so. */
import { useState } from "preact/hooks";

/** Copies through the Clipboard API, or, where it is missing (plain http), a selected text area. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label = "Copy" }: { readonly text: string; readonly label?: string }) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="secondary"
        onClick={async () => setSaid((await copyText(text)) ? "Copied" : "Select it and copy it by hand")}
      >
        {label}
      </button>{" "}
      <span class="small muted" role="status">
        {said}
      </span>
    </>
  );
}
