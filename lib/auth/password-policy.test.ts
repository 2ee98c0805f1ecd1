import { describe, expect, it } from "vitest";
import common from "@/lib/auth/common-passwords.json";
import { isCommonPassword, passwordProblem } from "@/lib/auth/password-policy";

describe("password policy", () => {
  it("ships the 10,000 most common passwords, most common first", () => {
    expect(common.passwords).toHaveLength(10_000);
    expect(common.passwords.slice(0, 3)).toEqual(["123456", "password", "12345678"]);
    expect(new Set(common.passwords).size).toBe(10_000);
  });

  it("accepts 8 characters or more that are not common", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("Zq8!rT2m")).toBeNull();
  });

  it("refuses fewer than 8 characters, counting characters rather than UTF-16 units", () => {
    expect(passwordProblem("short")).toEqual({ key: "validation.too_short", vars: { minimum: 8 } });
    expect(passwordProblem("😀😀😀😀")?.key).toBe("validation.too_short");
    expect(passwordProblem("😀😀😀😀😀😀😀😀")).toBeNull();
  });

  it("refuses more than 256 characters", () => {
    expect(passwordProblem("x".repeat(257))?.key).toBe("validation.too_long");
  });

  it("refuses common passwords whatever their case", () => {
    for (const p of ["password", "PASSWORD", "12345678", "iloveyou", "Password1", "qwertyuiop"]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(passwordProblem(p)?.key, p).toBe(p.length < 8 ? "validation.too_short" : "identity.password.too_common");
    }
  });

  it("refuses the username as the password", () => {
    expect(passwordProblem("louise.data", { username: "Louise.Data" })?.key).toBe("identity.password.same_as_username");
  });
});
