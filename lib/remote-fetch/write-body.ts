// Streams a response body to disk under a byte budget, never holding more than one chunk in memory.
import { open } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { addAbortSignal } from "node:stream";
import { pipeline } from "node:stream/promises";

export class BodyTooLargeError extends Error {}

export async function writeBody(
  res: IncomingMessage,
  path: string,
  options: { maxBytes: number; head: boolean; signal: AbortSignal; onChunk: () => void },
): Promise<{ size: number; truncated: boolean }> {
  // The iterator below cannot be interrupted while it waits for the next chunk; destroying the response can.
  addAbortSignal(options.signal, res);
  // Opened before streaming (not lazily by the write stream) so that the caller's cleanup always finds the file.
  const handle = await open(path, "wx");
  let size = 0;
  let truncated = false;

  // Leaving the loop early destroys the response, but since the response is not itself a pipeline stage that
  // counts as the end of the source, not as a premature close: the file is flushed and the pipeline resolves.
  async function* limited(): AsyncGenerator<Buffer> {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      options.onChunk();
      if (size + chunk.length > options.maxBytes) {
        if (!options.head) throw new BodyTooLargeError();
        const room = options.maxBytes - size;
        if (room > 0) yield chunk.subarray(0, room);
        size = options.maxBytes;
        truncated = true;
        return;
      }
      size += chunk.length;
      yield chunk;
    }
  }

  await pipeline(limited(), handle.createWriteStream(), { signal: options.signal });
  return { size, truncated };
}
