/** A tiny history router: the path is the state; links call navigate(). */
import { useEffect, useState } from "preact/hooks";

const listeners = new Set<() => void>();

/** @example navigate("/patients/123") */
export function navigate(path: string): void {
  history.pushState(null, "", path);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

/** The current path, re-rendering on navigation and on the browser's back button. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return path;
}

/** Follows same-origin links without a page load. */
export function onLinkClick(event: MouseEvent): void {
  const a = (event.target as HTMLElement).closest("a");
  if (!a || a.target || a.hasAttribute("download") || event.ctrlKey || event.metaKey || event.shiftKey)
    return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
