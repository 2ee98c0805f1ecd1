import { describe, expect, it } from "vitest";
import { OdsqlError, parseFacetParam } from "./index";

describe("parseFacetParam", () => {
  it("reads a bare field name", () => {
    expect(parseFacetParam("city")).toEqual({ name: "city", disjunctive: false, hierarchical: false });
    expect(parseFacetParam("`year`")).toEqual({ name: "year", disjunctive: false, hierarchical: false });
  });

  it("reads facet(...) options", () => {
    expect(parseFacetParam('facet(name="city", disjunctive=true, sort="-count", limit=10)')).toEqual({
      name: "city",
      disjunctive: true,
      hierarchical: false,
      sort: "-count",
      limit: 10,
    });
    expect(parseFacetParam("FACET(name='path', hierarchical=TRUE, separator='/', sort=-alphanum)")).toEqual({
      name: "path",
      disjunctive: false,
      hierarchical: true,
      separator: "/",
      sort: "-alphanum",
    });
  });

  it("names the facet clause in errors", () => {
    const message = (text: string) => {
      try {
        parseFacetParam(text);
      } catch (error) {
        expect(error).toBeInstanceOf(OdsqlError);
        expect((error as OdsqlError).clause).toBe("facet");
        return (error as Error).message;
      }
      throw new Error("expected an error");
    };
    expect(message('facet(name="a", sort="size")')).toBe("Invalid ODSQL in facet: sort must be one of count, -count, alphanum, -alphanum, num, -num at position 22");
    expect(message('facet(name="a", colour="red")')).toBe('Invalid facet: unknown option "colour"');
    expect(message("facet(disjunctive=true)")).toBe("Invalid facet: name is required");
    expect(message('facet(name="a", disjunctive=maybe)')).toContain("disjunctive must be true or false");
    expect(message('facet(name="a"')).toContain("unexpected end of input");
    expect(message("a b")).toBe('Invalid ODSQL in facet: unexpected "b" at position 3');
  });
});
