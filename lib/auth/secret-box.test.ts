import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.AUTH_SECRET = "a".repeat(40);
});

const { openSecret, sealSecret } = await import("@/lib/auth/secret-box");

describe("secret box", () => {
  it("opens what it sealed, and the box does not contain the secret", () => {
    const secret = "0123456789abcdef0123456789abcdef0123456789abcdef01234567";
    const box = sealSecret("upstream-session-key", secret);
    expect(box).not.toContain(secret);
    expect(box).not.toContain(Buffer.from(secret).toString("base64url"));
    expect(openSecret("upstream-session-key", box)).toBe(secret);
  });

  it("seals the same secret differently each time", () => {
    expect(sealSecret("p", "same")).not.toBe(sealSecret("p", "same"));
  });

  it("refuses a box altered, sealed for another purpose, or malformed", () => {
    const box = sealSecret("upstream-session-key", "the key");
    const [version, iv, tag, sealed] = box.split(".");
    const flipped = sealed!.slice(0, -2) + (sealed!.endsWith("A") ? "B" : "A") + sealed!.slice(-1);
    expect(openSecret("upstream-session-key", [version, iv, tag, flipped].join("."))).toBeNull();
    expect(openSecret("another-purpose", box)).toBeNull();
    for (const bad of ["", "v1", "v2.a.b.c", "v1.!.!.!", "not a box"]) expect(openSecret("upstream-session-key", bad)).toBeNull();
  });
});
