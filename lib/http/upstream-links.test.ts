import { describe, expect, it } from "vitest";
import { rewriteUpstreamLinks } from "@/lib/http/upstream-relay";

const UP = "https://portal.example.org";
const US = "http://localhost:3000";

describe("rewriteUpstreamLinks", () => {
  it("points every string linking into the relayed APIs at this console, at any depth", () => {
    const body = {
      next: `${UP}/api/automation/v1.0/datasets/?offset=20`,
      previous: null,
      results: [{ schema: [{ suggest_url: `${UP}/api/automation/v1.0/metadata/templates/default/fields/keyword/suggest/` }] }],
      links: [{ href: `${UP}/api/explore/v2.1/catalog/exports/csv/`, rel: "csv" }],
    };
    expect(JSON.parse(rewriteUpstreamLinks(JSON.stringify(body), UP, US))).toEqual({
      next: `${US}/api/automation/v1.0/datasets/?offset=20`,
      previous: null,
      results: [{ schema: [{ suggest_url: `${US}/api/automation/v1.0/metadata/templates/default/fields/keyword/suggest/` }] }],
      links: [{ href: `${US}/api/explore/v2.1/catalog/exports/csv/`, rel: "csv" }],
    });
  });

  it("leaves the upstream's other pages, look-alike hosts, values that merely contain a link, and non-JSON alone", () => {
    const body = {
      portal: `${UP}/explore/dataset/x/`,
      lookalike: `${UP}.evil.test/api/automation/v1.0/`,
      quoted: `see ${UP}/api/automation/v1.0/`,
    };
    expect(rewriteUpstreamLinks(JSON.stringify(body), UP, US)).toBe(JSON.stringify(body));
    const broken = `{"next": "${UP}/api/automation/v1.0/", `;
    expect(rewriteUpstreamLinks(broken, UP, US)).toBe(broken);
  });
});
