import { describe, expect, it } from "vitest";
import { FieldNamer, slugifyFieldName } from "@/lib/extractors/field-names";

describe("field names", () => {
  it.each([
    ["Code postal", "code_postal"],
    ["Île-de-France", "ile_de_france"],
    ["  Œuvre & Cœur  ", "oeuvre_coeur"],
    ["Straße", "strasse"],
    ["N°", "n"],
    ["Nº", "no"],
    ["__x__", "x"],
    ["东京", ""],
    ["2024 Total (€)", "2024_total"],
  ])("%j → %j", (label, name) => expect(slugifyFieldName(label)).toBe(name));

  it("numbers duplicates and names blanks by position", () => {
    const namer = new FieldNamer();
    expect(["Nom", "nom", "NOM", "", "nom_2", "东京"].map((label, i) => namer.name(label, i))).toEqual(["nom", "nom_2", "nom_3", "column_4", "nom_2_2", "column_6"]);
  });
});
