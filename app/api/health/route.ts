import { checkHealth } from "@/lib/setup/readiness";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok"} once the store is migrated and answers; 503 otherwise. */
export async function GET() {
  const healthy = await checkHealth();
  return Response.json({ status: healthy ? "ok" : "unavailable" }, { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
