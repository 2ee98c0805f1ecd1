import { describe, expect, it } from "vitest";
import { compareByOrder, evaluateWhere, facetFilterCondition, OdsqlError, parseFacetFilter, parseOrderBy, parseWhere } from "./index";

const datasets = [
  { dataset_id: "trees", title: "Arbres remarquables", has_records: true, features: ["geo", "analyze"], records_count: 250, modified: "2020-11-05T10:00:00.000Z", publisher: "Ville", keyword: ["nature", "Forêt"], "default.theme": "Environment" },
  { dataset_id: "budget", title: "Budget 2021", has_records: true, features: ["analyze"], records_count: 12, modified: "2021-02-01T00:00:00.000Z", publisher: null, keyword: [] },
  { dataset_id: "empty", title: "Street furniture", has_records: false, features: [], records_count: 0, modified: "2019-12-31T23:59:59.999Z", publisher: "Région" },
];
const matching = (where: string) => datasets.filter((dataset) => evaluateWhere(parseWhere(where), dataset)).map((dataset) => dataset.dataset_id);

describe("evaluateWhere", () => {
  it("compares properties like fields", () => {
    expect(matching('dataset_id = "trees"')).toEqual(["trees"]);
    expect(matching("records_count > 10 AND has_records")).toEqual(["trees", "budget"]);
    expect(matching("NOT has_records")).toEqual(["empty"]);
    expect(matching("has_records IS FALSE")).toEqual(["empty"]);
    expect(matching("records_count IN [0..12]")).toEqual(["budget", "empty"]);
    expect(matching('publisher != "Ville"')).toEqual(["budget", "empty"]);
    expect(matching("publisher IS NULL")).toEqual(["budget"]);
    expect(matching('dataset_id IN ("trees", "empty")')).toEqual(["trees", "empty"]);
    expect(matching('records_count = "12"')).toEqual(["budget"]);
  });

  it("treats arrays as multivalued", () => {
    expect(matching('features = "geo"')).toEqual(["trees"]);
    expect(matching('features:"analyze"')).toEqual(["trees", "budget"]);
    expect(matching("features IS NULL")).toEqual(["empty"]);
    expect(matching('lower(keyword) = "forêt"')).toEqual(["trees"]);
  });

  it("compares dates as periods", () => {
    expect(matching("modified >= date'2020'")).toEqual(["trees", "budget"]);
    expect(matching("modified = date'2020-11'")).toEqual(["trees"]);
    expect(matching("modified < date'2020'")).toEqual(["empty"]);
    expect(matching("modified > date'2020'")).toEqual(["budget"]);
    expect(matching('modified = "2019"')).toEqual(["empty"]);
    expect(matching("year(modified) = 2021")).toEqual(["budget"]);
  });

  it("searches text case- and accent-insensitively", () => {
    expect(matching('"arbres"')).toEqual(["trees"]);
    expect(matching('"foret"')).toEqual(["trees"]);
    expect(matching('"street furn*"')).toEqual(["empty"]);
    expect(matching('search(title, "budget")')).toEqual(["budget"]);
    expect(matching('startswith(title, "bud")')).toEqual(["budget"]);
    expect(matching('suggest("rem")')).toEqual(["trees"]);
    expect(matching('suggest("emarq")')).toEqual([]);
    expect(matching('title LIKE "REMARQ"')).toEqual(["trees"]);
    expect(matching('default.theme = "Environment"')).toEqual(["trees"]);
    expect(matching('default.publisher = "Région"')).toEqual(["empty"]);
  });

  it("applies refine and exclude without a field catalog", () => {
    const refine = (text: string, clause: "refine" | "exclude" = "refine") =>
      datasets.filter((dataset) => evaluateWhere(facetFilterCondition(parseFacetFilter(text, clause), clause), dataset)).map((dataset) => dataset.dataset_id);
    expect(refine("publisher:Ville")).toEqual(["trees"]);
    expect(refine("publisher:Ville", "exclude")).toEqual(["budget", "empty"]);
    expect(refine("features:geo")).toEqual(["trees"]);
    expect(refine("modified:2020/11")).toEqual(["trees"]);
  });

  it("refuses aggregates", () => {
    expect(() => matching("count(*) > 1")).toThrow(OdsqlError);
  });
});

describe("compareByOrder", () => {
  it("sorts in memory with nulls last", () => {
    const sorted = (orderBy: string) => [...datasets].sort(compareByOrder(parseOrderBy(orderBy))).map((dataset) => dataset.dataset_id);
    expect(sorted("records_count")).toEqual(["empty", "budget", "trees"]);
    expect(sorted("modified desc")).toEqual(["budget", "trees", "empty"]);
    expect(sorted("publisher")).toEqual(["empty", "trees", "budget"]);
    expect(sorted("publisher desc")).toEqual(["trees", "empty", "budget"]);
    expect(sorted("has_records desc, title")).toEqual(["trees", "budget", "empty"]);
  });
});
