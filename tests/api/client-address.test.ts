// Without TRUST_PROXY the client's address is the socket's: an X-Forwarded-For a client writes is not believed, so
// it cannot escape the throttle by inventing addresses, nor get someone else throttled. Requests come from several
// loopback addresses (127.0.0.1, 127.0.0.2…: all of 127/8 is the machine's own) to a server of this file's own on the
// same store, which believes only the socket. The throttle is the sign-in form's, reached here through the
// Management API v2's HTTP Basic.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser, type TestUser } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";

const backend = inject("backend");

function jobsFrom(localAddress: string, port: number, username: string, password: string, forwardedFor?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` };
    if (forwardedFor) headers["X-Forwarded-For"] = forwardedFor;
    const req = request({ host: "127.0.0.1", port, path: "/api/management/v2/jobs", localAddress, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe.skipIf(!!backend.skipReason || !!backend.proxy)(`the client's address without TRUST_PROXY (${backend.provider})`, () => {
  let server: TestServer;
  let victim: TestUser;

  beforeAll(async () => {
    // empty, not left out: the server inherits this worker's environment, which has the suites' TRUST_PROXY
    server = await startServer({ env: { ...backend.env, TRUST_PROXY: "" } });
    victim = await createTestUser({ prefix: "socketaddr", permissions: ["edit_dataset"] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("counts failures by the socket's address whatever X-Forwarded-For says, and never blocks another address", async () => {
    for (let i = 0; i < 10; i++) {
      // a new invented address each time: all of them are 127.0.0.3 to the throttle
      expect(await jobsFrom("127.0.0.3", server.port, victim.username, `wrong-${i}`, `203.0.113.${i + 1}`)).toBe(401);
    }
    expect(await jobsFrom("127.0.0.3", server.port, victim.username, victim.password, "203.0.113.99")).toBe(429);
    // the user from another address signs in with the right password
    expect(await jobsFrom("127.0.0.4", server.port, victim.username, victim.password)).toBe(200);
    // and naming the blocked address in X-Forwarded-For does not get that one blocked
    expect(await jobsFrom("127.0.0.5", server.port, victim.username, victim.password, "127.0.0.3")).toBe(200);
  });
});
