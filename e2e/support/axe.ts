// axe-core (WCAG 2.x A/AA and best practices) on the current page: the serious and critical violations only.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`) }));
}

export function axeReport(violations: Awaited<ReturnType<typeof seriousViolations>>) {
  return `axe found serious or critical violations:\n${JSON.stringify(violations, null, 2)}`;
}
