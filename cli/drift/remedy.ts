/**
 * What follows the drift table: the source diffs the report has (a MinApp function keeps its
 * `source` in state, so both the recorded and the live text are known), and the commands that
 * undo each kind of drift.
 */
import { createTwoFilesPatch } from "diff";
import type { DriftFinding } from "./classify";

/** Unified diffs of text properties (MinApp `source`) that changed outside Pulumi, collapsed. */
export function sourceDiffs(findings: DriftFinding[]): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    for (const c of f.changes) {
      if (typeof c.old !== "string" || typeof c.new !== "string" || !(c.old + c.new).includes("\n")) continue;
      const patch = createTwoFilesPatch(
        `recorded/${c.property}`,
        `live/${c.property}`,
        c.old,
        c.new,
        undefined,
        undefined,
        {
          context: 3,
        },
      )
        .replace(/^=+\n/, "")
        .replace(/\n$/, "");
      const fence = patch.includes("```") ? "~~~~" : "```";
      lines.push(
        `<details><summary>${f.name}: ${c.property} (recorded → live)</summary>`,
        "",
        `${fence}diff`,
        patch,
        fence,
        "",
        "</details>",
        "",
      );
    }
  }
  return lines;
}

const has = (findings: DriftFinding[], ...causes: DriftFinding["cause"][]) =>
  findings.some((f) => causes.includes(f.cause));

/** The commands that bring the platform back to the program, one bullet per kind of drift found. */
export function revertSteps(findings: DriftFinding[], stack: string, profile?: string): string[] {
  if (findings.length === 0) return [];
  const up = `\`pulumi up --stack ${stack}\``;
  const steps: string[] = [];
  if (has(findings, "code", "config"))
    steps.push(
      `- Code or configuration changed: ${up} puts back what the program declares (\`cloudfn review\` shows it first).`,
    );
  if (has(findings, "deleted")) steps.push(`- Deleted outside Pulumi: ${up} creates it again.`);
  const withProfile = profile === undefined ? "" : ` --profile ${profile}`;
  for (const f of findings.filter((x) => x.cause === "unmanaged"))
    steps.push(
      `- \`${f.name}\` was created outside Pulumi: \`npx cloudfn adopt --platform ${f.type.split(":")[0]} --prefix ${f.name}${withProfile}\` prints a program that adopts it (add it to yours, then \`pulumi up\`); or delete it in the platform's console.`,
    );
  steps.push(
    `- To keep a change made outside Pulumi instead, change the program to match it, or record the live state with \`pulumi refresh --stack ${stack}\`.`,
  );
  return ["To revert the drift:", "", ...steps];
}
