import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding, firstInvalidUtf8 } from "@/lib/extractors/encoding";

describe("firstInvalidUtf8", () => {
  it("finds the first byte that breaks UTF-8", () => {
    expect(firstInvalidUtf8(Buffer.from("héllo € 😀"), false)).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe9, 0x62]), false)).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]), false)).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]), false)).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]), false)).toBe(0); // past U+10FFFF
  });

  it("forgives a character cut by the end of a truncated head, only then", () => {
    const cut = Buffer.from("ab€").subarray(0, 4);
    expect(firstInvalidUtf8(cut, true)).toBe(-1);
    expect(firstInvalidUtf8(cut, false)).toBe(2);
  });
});

describe("detectEncoding", () => {
  it("trusts byte order marks, then UTF-8, then tells Latin-1 from windows-1252", () => {
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]), false)).toBe("utf-16le");
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]), false)).toBe("utf-16be");
    expect(detectEncoding(Buffer.from("plain ascii"), false)).toBe("utf-8");
    expect(detectEncoding(iconv.encode("Île-de-France;Élodie;Côte d'Azur;Jérôme\n".repeat(3), "latin1"), false)).toBe("iso-8859-1");
    expect(detectEncoding(iconv.encode("Prix : 3 € – “bon” œuvre\n".repeat(3), "win1252"), false)).toBe("windows-1252");
  });
});
