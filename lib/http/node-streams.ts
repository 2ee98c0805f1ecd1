// Node streams as web streams that read only when their consumer asks for more. Node 20's Readable.toWeb reads
// ahead without limit, so a slow consumer (an upstream taking an upload at its pace) would let a large body fill
// memory instead of holding the sender back.
import type { Readable } from "node:stream";

export function pulledWebStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) return controller.close();
        const chunk = typeof value === "string" ? Buffer.from(value) : value;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      },
      cancel(reason) {
        source.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
