/**
 * The worker thread of `ldn assess`: receives batches of input lines as bytes (transferred,
 * not copied), assesses them (assess-batch.ts) and posts back each batch's output lines.
 * Started by assess-pool.ts through start-worker.ts.
 */
import { parentPort } from "node:worker_threads";
import { assessBatch } from "./assess-batch.ts";

/** A batch sent to a worker. */
export interface BatchRequest {
  readonly seq: number;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
  readonly detector: string;
}

/** A worker's answer: the batch's output, or the internal error that stopped it. */
export type BatchResponse =
  | { readonly seq: number; readonly text: string; readonly failed: number }
  | { readonly seq: number; readonly fault: { readonly message: string; readonly stack?: string } };

parentPort?.on("message", (request: BatchRequest) => {
  let response: BatchResponse;
  try {
    const text = Buffer.from(
      request.bytes.buffer,
      request.bytes.byteOffset,
      request.bytes.byteLength,
    ).toString("utf8");
    response = { seq: request.seq, ...assessBatch(text, request.firstLine, request.detector) };
  } catch (error) {
    const fault =
      error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
    response = { seq: request.seq, fault };
  }
  parentPort!.postMessage(response);
});
