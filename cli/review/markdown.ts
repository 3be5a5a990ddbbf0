/**
 * A review as Markdown for a pull-request comment: a summary line of counts, then one section
 * per resource (operation, why it is replaced, a table of old → new, the code's files and a
 * collapsed unified diff per small text file).
 */
import type { CodeChanges, FileChange } from "./code-changes";
import type { DependencyChange } from "./dependencies";
import { renderShown } from "./values";
import type { Operation, ResourceReview, Review } from "./report";

const SYMBOL: Record<Operation, string> = { create: "+", update: "~", replace: "+-", delete: "-" };
const STATUS: Record<FileChange["status"], string> = { added: "added", removed: "removed", modified: "modified" };

/** Inline code that survives backticks and table pipes inside the value. */
function code(text: string): string {
  const escaped = text.replace(/\|/g, "\\|");
  return escaped.includes("`") ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
}

const bytes = (n: number | undefined) => (n === undefined ? "" : `${n} B`);

export function summaryLine(review: Review): string {
  const s = review.summary;
  const total = s.create + s.update + s.replace + s.delete;
  if (total === 0) return `No changes (${s.unchanged} unchanged).`;
  const parts = [`${s.create} to create`, `${s.update} to update`, `${s.replace} to replace`, `${s.delete} to delete`];
  return `**${parts.join(", ")}** (${s.unchanged} unchanged).`;
}

function propertyTable(r: ResourceReview): string[] {
  if (r.properties.length === 0) return [];
  const rows = r.properties.map(
    (p) =>
      `| ${p.name} | ${p.old === undefined ? "" : code(renderShown(p.old))} | ${p.new === undefined ? "" : code(renderShown(p.new))} |`,
  );
  return ["| property | old | new |", "| --- | --- | --- |", ...rows, ""];
}

function fileLine(f: FileChange): string {
  const size = f.status === "modified" ? `${bytes(f.oldSize)} → ${bytes(f.newSize)}` : bytes(f.newSize ?? f.oldSize);
  return `- ${STATUS[f.status]} ${code(f.path)} (${size})`;
}

function patchBlock(f: FileChange): string[] {
  if (!f.patch) return [];
  return [`<details><summary>${f.path}</summary>`, "", "```diff", f.patch, "```", "", "</details>", ""];
}

function dependencyLine(d: DependencyChange): string {
  const version = (v: string | undefined) => v ?? "?";
  if (d.status === "added") return `- added ${code(d.name)} ${version(d.new)}`;
  if (d.status === "removed") return `- removed ${code(d.name)} ${version(d.old)}`;
  if (d.old === undefined && d.new === undefined)
    return `- changed ${code(d.name)} (files changed; versions not recorded)`;
  return `- ${code(d.name)} ${version(d.old)} → ${version(d.new)}`;
}

function codeSection(c: CodeChanges | undefined): string[] {
  const deps = c?.dependencies ?? [];
  if (!c || (c.files.length === 0 && deps.length === 0 && !c.note)) return [];
  const lines = ["Code:", ""];
  if (c.note) lines.push(`_${c.note}_`, "");
  if (c.files.length > 0) lines.push(...c.files.map(fileLine), "");
  if (deps.length > 0) lines.push("Dependencies:", "", ...deps.map(dependencyLine), "");
  lines.push(...c.files.flatMap(patchBlock));
  return lines;
}

function why(r: ResourceReview): string[] {
  if (r.operation !== "replace") return [];
  if (runsAgain(r)) return [];
  const reasons = r.replaceBecause ?? [];
  if (reasons.length === 0) return ["Replaced: the provider asked for a replacement.", ""];
  return [`Replaced because ${reasons.map(code).join(", ")} cannot change in place.`, ""];
}

/** An Invocation records a call: the engine "replaces" it when its inputs change, i.e. calls again. */
const runsAgain = (r: ResourceReview) => r.operation === "replace" && r.type.endsWith(":Invocation");

function section(r: ResourceReview): string[] {
  return [
    `### ${SYMBOL[r.operation]} ${runsAgain(r) ? "runs again" : r.operation} ${code(r.name)} (${r.type})`,
    "",
    ...why(r),
    ...(r.routing ? [`Routing: ${code(r.routing)}`, ""] : []),
    ...propertyTable(r),
    ...codeSection(r.code),
  ];
}

export function renderMarkdown(review: Review, stack?: string): string {
  const title = stack ? `## cloudfn review: stack ${code(stack)}` : "## cloudfn review";
  const lines = [title, "", summaryLine(review), "", ...review.resources.flatMap(section)];
  return lines.join("\n").replace(/\n+$/, "") + "\n";
}

/** The report of a preview that failed: the engine's errors, readable in a pull request. */
export function renderFailureMarkdown(exitCode: number, message: string, stack?: string): string {
  const title = stack ? `## cloudfn review: stack ${code(stack)}` : "## cloudfn review";
  const fence = message.includes("```") ? "~~~~" : "```";
  return [
    title,
    "",
    `**The preview failed** (\`pulumi preview\` exit code ${exitCode}): nothing can be said about the changes until it succeeds.`,
    "",
    fence,
    message,
    fence,
    "",
  ].join("\n");
}
