import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { datasourceHeaders, headersForOtherOrigin, validateHeaders } from "@/lib/remote-fetch/request-headers";
import { pinnedLookup } from "@/lib/remote-fetch/resolve-host";

describe("request headers", () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return isAppError(error) ? `${error.code} ${Object.keys(error.fieldErrors() ?? {}).join()}` : "other";
    }
    return "none";
  };

  it("refuses CR/LF, bad names and headers that control the connection", () => {
    expect(codeOf(() => validateHeaders({ "X-Key": "a\r\nX-Injected: 1" }))).toBe("validation_error datasource.headers");
    expect(codeOf(() => validateHeaders({ "X-Key": "a\nb" }))).toBe("validation_error datasource.headers");
    expect(codeOf(() => validateHeaders({ "Bad Name": "x" }))).toBe("validation_error datasource.headers");
    expect(codeOf(() => validateHeaders({ "X-A\r\n": "x" }))).toBe("validation_error datasource.headers");
    for (const name of ["Host", "Content-Length", "Transfer-Encoding", "Accept-Encoding", "Connection"]) {
      expect(codeOf(() => validateHeaders({ [name]: "x" })), name).toBe("validation_error datasource.headers");
    }
    expect(validateHeaders({ "X-Api-Key": " k ", Accept: "text/csv" })).toEqual({ "x-api-key": "k", accept: "text/csv" });
  });

  it("merges connection and datasource headers and adds basic auth", () => {
    const headers = datasourceHeaders({
      connection: {
        url: "https://a.b/",
        headers: [{ name: "X-Token", value: "conn" }, { name: "Accept", value: "text/csv" }],
        auth: { type: "basic_auth", username: "alice", password: "pässword" },
      },
      headers: [{ name: "x-token", value: "resource" }],
    });
    expect(headers).toEqual({
      "x-token": "resource",
      accept: "text/csv",
      authorization: `Basic ${Buffer.from("alice:pässword").toString("base64")}`,
    });
  });

  it("keeps only harmless headers across origins", () => {
    expect(headersForOtherOrigin({ authorization: "Basic x", "x-api-key": "k", cookie: "c", accept: "text/csv", "user-agent": "u" })).toEqual({
      accept: "text/csv",
      "user-agent": "u",
    });
  });
});

describe("pinnedLookup", () => {
  it("answers every name with the verified addresses only", async () => {
    const lookup = pinnedLookup([{ address: "93.184.216.34", family: 4 }, { address: "2606:4700::1", family: 6 }]);
    const ask = (options: object) =>
      new Promise<unknown>((resolve) => lookup("anything.example", options as never, (error, address, family) => resolve(error ?? (Array.isArray(address) ? address : { address, family }))));
    expect(await ask({ all: true })).toEqual([{ address: "93.184.216.34", family: 4 }, { address: "2606:4700::1", family: 6 }]);
    expect(await ask({})).toEqual({ address: "93.184.216.34", family: 4 });
    expect(await ask({ family: 6 })).toEqual({ address: "2606:4700::1", family: 6 });
  });

  it("is what http.request connects to, whatever DNS would say about the name", async () => {
    const server = http.createServer((req, res) => res.end(req.headers.host));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = http.get(
          { hostname: "name-that-does-not-resolve.invalid", port, agent: false, lookup: pinnedLookup([{ address: "127.0.0.1", family: 4 }]) },
          (res) => {
            let text = "";
            res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk)).on("end", () => resolve(text));
          },
        );
        req.on("error", reject);
      });
      expect(body).toBe(`name-that-does-not-resolve.invalid:${port}`);
    } finally {
      server.close();
    }
  });
});
