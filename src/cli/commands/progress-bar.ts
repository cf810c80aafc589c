/**
 * A progress bar on a terminal for long work (an export of a large clinic): redrawn in place on
 * a TTY, silent when the output is a file or a pipe, so logs and tests stay clean.
 */

export interface ProgressBar {
  /** Draws `done` of `total`. */
  update(done: number, total: number): void;
  /** Ends the line. */
  done(): void;
}

const WIDTH = 30;

/**
 * @example const bar = progressBar(process.stderr, "patients"); bar.update(3, 10); bar.done();
 * // patients [#########---------------------] 3/10
 */
export function progressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  let drawn = false;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      stream.write(`\r${progressLine(label, done, total)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\n");
    },
  };
}

/** @example progressLine("patients", 3, 10) // "patients [#########---------------------] 3/10" */
export function progressLine(label: string, done: number, total: number): string {
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  return `${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total}`;
}
