/** The drift report as Markdown (for people, PR comments, issues) or JSON (for scripts). */
import { diffLines } from "diff";
import { SECRET_SIG, SIG, type DriftFinding, type PropertyChange } from "./classify";
import { revertSteps, sourceDiffs } from "./remedy";

export interface DriftReport {
  stack: string;
  /** The name prefix unmanaged functions were looked for with; undefined when not looked for. */
  prefix?: string;
  /** The profile (`--profile`) whose account was looked in; undefined: the default configuration. */
  profile?: string;
  findings: DriftFinding[];
}

const CAUSE_TEXT: Record<DriftFinding["cause"], string> = {
  code: "code edited outside Pulumi",
  config: "configuration changed",
  deleted: "deleted outside Pulumi",
  unmanaged: "created outside Pulumi",
};

/** A SHA-256 hex digest (possibly marked `drift:`): its first 12 hex digits tell it apart well enough. */
const HASH = /^(drift:)?([0-9a-f]{64})$/;
export const shortHash = (text: string) =>
  text.replace(HASH, (_m, mark: string | undefined, hex: string) => `${mark ?? ""}${hex.slice(0, 12)}…`);

/** A value in one table cell: compact JSON, hashes and long values shortened, pipes escaped. */
export function cellValue(value: unknown, max = 72): string {
  if (value === undefined) return "(unset)";
  const shown = typeof value === "string" ? shortHash(value) : hideSecrets("", value);
  const text = typeof shown === "string" ? shown : JSON.stringify(shown, hideSecrets);
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return "`" + short.replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\n/g, "⏎") + "`";
}

/** Secret values never reach a report, whatever the CLI put in its JSON. */
function hideSecrets(_key: string, v: unknown): unknown {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG] === SECRET_SIG ? "[secret]" : v;
}

/** Source code reads better as a count of changed lines than as two truncated strings. */
function lineSummary(before: string, after: string): string {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) added += part.count ?? 0;
    if (part.removed) removed += part.count ?? 0;
  }
  return `${removed} line(s) removed, ${added} added`;
}

function changeText(c: PropertyChange): string {
  const multiline =
    typeof c.old === "string" && typeof c.new === "string" && (c.old.includes("\n") || c.new.includes("\n"));
  return `${c.property}: ${multiline ? lineSummary(c.old as string, c.new as string) : `${cellValue(c.old)} → ${cellValue(c.new)}`}`;
}

function details(f: DriftFinding): string {
  if (f.cause === "deleted") return "in the stack, gone from the platform";
  if (f.cause === "unmanaged") return "matches the prefix, not in the stack";
  return f.changes.map(changeText).join("<br>");
}

const inProfile = (report: DriftReport) =>
  report.profile === undefined ? "" : ` in the account of profile \`${report.profile}\``;

export function renderMarkdown(report: DriftReport): string {
  const lines = [`# Drift report: stack \`${report.stack}\``, ""];
  if (report.findings.length === 0) {
    lines.push("No drift: every resource matches the platform.");
  } else {
    lines.push(
      `${report.findings.length} finding(s).`,
      "",
      "| Resource | Type | Cause | Details |",
      "| --- | --- | --- | --- |",
    );
    for (const f of report.findings)
      lines.push(`| \`${f.name}\` | ${f.type} | ${CAUSE_TEXT[f.cause]} | ${details(f)} |`);
  }
  lines.push("", ...sourceDiffs(report.findings));
  if (lines[lines.length - 1] === "") lines.pop();
  lines.push(
    "",
    report.prefix === undefined
      ? "Functions created outside Pulumi were not looked for (no `--prefix` or `cloudfn:driftPrefix`)."
      : `Functions created outside Pulumi were looked for with the prefix \`${report.prefix}\`${inProfile(report)}.`,
  );
  const revert = revertSteps(report.findings, report.stack, report.profile);
  if (revert.length > 0) lines.push("", ...revert);
  return lines.join("\n") + "\n";
}

export function renderJson(report: DriftReport): string {
  return (
    JSON.stringify(
      {
        stack: report.stack,
        drifted: report.findings.length > 0,
        prefix: report.prefix ?? null,
        ...(report.profile === undefined ? {} : { profile: report.profile }),
        findings: report.findings,
      },
      hideSecrets,
      2,
    ) + "\n"
  );
}
