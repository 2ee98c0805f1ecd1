// The publish job runner in a worker thread of the production server (started by server/main.ts). A publish is
// CPU-bound for tens of seconds: on the web server's own thread it took turns with requests, so Explore pages
// waited behind record batches and the publish waited behind pages. Here each has a core when the machine has
// two, and on a busy machine the kernel serves requests first (this thread's nice value is raised).
import { setPriority } from "node:os";
import { log } from "@/lib/log/logger";
import { startJobRunner } from "@/lib/publishing/runner";

/** A background job yields to requests: Linux applies nice values per thread, and this only lowers this one. */
const NICE = 10;

try {
  setPriority(0, NICE);
} catch (error) {
  log.warn("the publish thread keeps the server's priority", { error });
}
await startJobRunner();
log.info("publish jobs run in their own thread");
// The runner's timers are unref'd (they must not keep a web server alive on shutdown); here they are the point.
setInterval(() => undefined, 1 << 30);
