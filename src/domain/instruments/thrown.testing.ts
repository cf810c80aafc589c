/** Test helper: runs `fn` and returns the DomainError it throws, failing if it throws none. */
import { DomainError } from "../errors.ts";

export function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error("expected a DomainError");
}
