import { config } from "@/lib/env/config";

/** The host of the upstream a proxy-mode console drives (shown at sign-in and in the app shell); null when embedded. */
export function upstreamHost(): string | null {
  const upstream = config().upstream;
  return upstream ? new URL(upstream.url).host : null;
}
