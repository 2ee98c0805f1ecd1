import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import { fieldErrorsFromZod, parseInput, zodErrorMap } from "@/lib/errors/zod-messages";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { createTranslator } from "@/lib/i18n/translator";

const schema = z.strictObject({
  name: z.string().min(3).max(5),
  count: z.number().int().max(10),
  kind: z.enum(["a", "b"]),
  tags: z.array(z.string()).min(1),
  when: z.iso.datetime(),
  code: z.string().refine((v) => v.startsWith("x"), { params: { i18n: "dataset_id_format" } }),
});

const messages = (input: unknown, t = createTranslator(en)) => {
  const result = schema.safeParse(input, { error: zodErrorMap(t) });
  return result.success ? {} : fieldErrorsFromZod(result.error);
};

describe("zodErrorMap", () => {
  it("says a missing value is required", () => {
    expect(messages({})).toMatchObject({ name: ["This field is required."], count: ["This field is required."] });
  });

  it("explains lengths, ranges, options, formats and custom rules", () => {
    expect(messages({ name: "ab", count: 1.5, kind: "c", tags: [], when: "now", code: "y", extra: 1 })).toEqual({
      name: ["Enter at least 3 characters."],
      count: ["Enter a whole number."],
      kind: ["Choose one of: a, b."],
      tags: ["Add at least 1 items."],
      when: ["Enter a date and time (ISO 8601, e.g. 2024-05-01T12:00:00Z)."],
      code: ["Use lowercase letters, digits, hyphens and underscores, starting with a letter or a digit."],
      extra: ["Unknown field “extra”."],
    });
    expect(messages({ name: "abcdef", count: 11 })).toMatchObject({ name: ["Enter at most 5 characters."], count: ["Enter a number less than or equal to 10."] });
  });

  it("speaks French", () => {
    expect(messages({ name: "ab" }, createTranslator(fr))).toMatchObject({ name: ["Saisissez au moins 3 caractères."], count: ["Ce champ est obligatoire."] });
  });
});

describe("parseInput", () => {
  it("returns the parsed value or throws a validation_error with field errors", () => {
    expect(parseInput(z.object({ a: z.coerce.number() }), { a: "2" })).toEqual({ a: 2 });
    try {
      parseInput(z.object({ a: z.object({ b: z.string() }) }), { a: {} });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("validation_error");
      expect(isAppError(error) && error.fieldErrors()).toEqual({ "a.b": ["This field is required."] });
      expect((error as Error).message).toBe("Invalid input");
    }
  });

  it("puts errors about the whole value under non_field_errors", () => {
    try {
      parseInput(z.object({}), "text");
    } catch (error) {
      expect(isAppError(error) && error.fieldErrors()).toEqual({ non_field_errors: ["Invalid value: expected object."] });
    }
  });
});
