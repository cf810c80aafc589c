/**
 * `ldn assess` on both cores (issue 14): the main thread reads the input in batches of whole
 * lines (about 256 KiB each), hands each batch to the worker thread with the least work,
 * and writes the answers back in input order; the workers parse and assess. The main thread
 * never parses a line, so it keeps up with the workers.
 *
 * Memory is flat however long the input: at most two batches per worker are in flight
 * (read but not yet written), and reading waits while they are. Input that ends before the
 * first batch fills (a handful of patients) is assessed in the main thread: starting a
 * worker costs more than it saves there.
 */
import type { Worker } from "node:worker_threads";
import { assessBatch, type BatchResult } from "./assess-batch.ts";
import type { BatchRequest, BatchResponse } from "./assess-worker.ts";
import { startWorker } from "../start-worker.ts";

export interface AssessStreamOptions {
  /** Response detector for lines that name none. */
  readonly detector: string;
  /** Worker threads; 0 assesses in the main thread. */
  readonly workers: number;
  /** Bytes of input per batch (whole lines; a longer line makes a longer batch). */
  readonly batchBytes?: number;
}

/** About 20 patients of 65 diary days: small enough to share out evenly, large enough to cost nothing to send. */
export const BATCH_BYTES = 256 * 1024;

/** Batches in flight per worker: one being assessed, one waiting, so no worker waits for the reader. */
const IN_FLIGHT_PER_WORKER = 2;

const NEWLINE = 10;

/**
 * Assesses every line of `input`, writing the answers through `write` in input order;
 * returns how many lines were errors.
 *
 * @example await assessStream(process.stdin, writeToStdout, { detector: "robust", workers: 2 })
 */
export async function assessStream(
  input: AsyncIterable<Uint8Array | string>,
  write: (text: string) => Promise<void>,
  options: AssessStreamOptions,
): Promise<number> {
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const flow = new OrderedFlow(write, Math.max(1, options.workers) * IN_FLIGHT_PER_WORKER);
  let pool: WorkerPool | null = null;
  let pending: Uint8Array[] = [];
  let size = 0;
  let nextLine = 1;
  let seq = 0;
  const send = async (bytes: Uint8Array, last: boolean) => {
    const firstLine = nextLine;
    nextLine += countNewlines(bytes);
    await flow.room();
    // Input that is all one batch stays in this thread.
    const small = last && seq === 0;
    if (!small && options.workers > 0) pool ??= new WorkerPool(options.workers);
    const request = { seq: seq++, firstLine, bytes, detector: options.detector };
    flow.add(pool ? pool.assess(request) : Promise.resolve(assessInline(request)));
  };
  try {
    for await (const chunk of input) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      pending.push(bytes);
      size += bytes.length;
      if (size < batchBytes) continue;
      const joined = join(pending, size);
      const cut = joined.lastIndexOf(NEWLINE) + 1;
      if (cut === 0) {
        pending = [joined];
        continue;
      }
      const rest = joined.slice(cut); // a copy: the batch's memory is handed to a worker
      pending = rest.length > 0 ? [rest] : [];
      size = rest.length;
      await send(joined.subarray(0, cut), false);
    }
    // The last line may have no newline.
    if (size > 0) await send(join(pending, size), true);
    return await flow.finish();
  } finally {
    await (pool as WorkerPool | null)?.close();
  }
}

function assessInline(request: BatchRequest): BatchResult {
  return assessBatch(Buffer.from(request.bytes).toString("utf8"), request.firstLine, request.detector);
}

/** The chunks as one array with a buffer of its own (so it can be transferred). */
function join(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/**
 * Writes batch results in the order the batches were added, however they finish, and
 * bounds how many are in flight. The first fault (an internal error in a worker) stops it.
 */
class OrderedFlow {
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private fault: { error: unknown } | null = null;
  private written: Promise<void> = Promise.resolve();
  private failed = 0;

  constructor(
    private readonly write: (text: string) => Promise<void>,
    private readonly limit: number,
  ) {}

  /** Waits until another batch may be sent; throws the fault, if there was one. */
  async room(): Promise<void> {
    while (this.inFlight >= this.limit && !this.fault) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.fault) throw this.fault.error;
  }

  add(result: Promise<BatchResult>): void {
    this.inFlight++;
    // Chained in the order added, so answers are written in input order.
    this.written = this.written.then(async () => {
      if (this.fault) return;
      try {
        const { text, failed } = await result;
        this.failed += failed;
        if (text !== "") await this.write(text);
      } catch (error) {
        this.fault ??= { error };
      } finally {
        this.inFlight--;
        this.wake?.();
        this.wake = null;
      }
    });
    // A result that fails while earlier ones are still being written is caught above.
    result.catch(() => undefined);
  }

  /** Waits for every answer to be written; returns how many lines were errors. */
  async finish(): Promise<number> {
    await this.written;
    if (this.fault) throw this.fault.error;
    return this.failed;
  }
}

/** Worker threads, each given the next batch when it has the least work. */
class WorkerPool {
  private readonly workers: PoolWorker[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      const entry: PoolWorker = {
        worker: startWorker(new URL(`./assess-worker${extension(import.meta.url)}`, import.meta.url)),
        waiting: new Map<number, Settle>(),
        stopped: null,
      };
      entry.worker.on("message", (response: BatchResponse) => {
        const settle = entry.waiting.get(response.seq)!;
        entry.waiting.delete(response.seq);
        if ("fault" in response) {
          const error = new Error(response.fault.message);
          if (response.fault.stack) error.stack = response.fault.stack;
          settle.reject(error);
        } else settle.resolve({ text: response.text, failed: response.failed });
      });
      // A worker that fails or stops fails what it holds, and is given nothing more.
      const stop = (error: Error) => {
        entry.stopped ??= error;
        for (const settle of entry.waiting.values()) settle.reject(entry.stopped);
        entry.waiting.clear();
      };
      entry.worker.on("error", stop);
      entry.worker.on("exit", (code) => stop(new Error(`an assess worker stopped (exit status ${code})`)));
      return entry;
    });
  }

  assess(request: BatchRequest): Promise<BatchResult> {
    const running = this.workers.filter((w) => w.stopped === null);
    if (running.length === 0) return Promise.reject(this.workers[0]!.stopped);
    const least = running.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    return new Promise<BatchResult>((resolve, reject) => {
      least.waiting.set(request.seq, { resolve, reject });
      least.worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.worker.removeAllListeners("exit");
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

interface PoolWorker {
  readonly worker: Worker;
  readonly waiting: Map<number, Settle>;
  /** Why the worker stopped, once it has. */
  stopped: Error | null;
}

interface Settle {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

/** ".ts" when running from the TypeScript sources, ".js" once built. */
function extension(url: string): string {
  return url.endsWith(".ts") ? ".ts" : ".js";
}
