/**
 * `cloudfn review`: what a stack's next update would change, as a report fit for a
 * pull-request comment (Markdown) or for tools (JSON). It runs `pulumi preview --json` on the
 * stack, or reads a saved preview with --preview-json. Exit code 0 no changes, 1 changes,
 * 2 error. Progress goes to stderr, the report alone to stdout: a failed preview still prints
 * a report that says why (exit code 2), so a pull-request comment is never empty.
 */
import { runPulumi, type PulumiResult } from "../run-pulumi";
import { promises as fs } from "fs";
import * as path from "path";
import { UsageError, type Command, type Io } from "../io";
import { renderFailureMarkdown, renderMarkdown } from "../review/markdown";
import { buildReview, type PreviewDigest } from "../review/report";
import { progressOn } from "../progress/reporter";

interface ReviewOptions {
  stack?: string;
  cwd: string;
  format: "markdown" | "json";
  previewJson?: string;
  quiet?: boolean;
}

const USAGE = `usage: cloudfn review [--stack S] [--cwd DIR] [--format markdown|json] [--preview-json FILE] [--quiet]
  --stack S            the stack to preview (default: the selected stack)
  --cwd DIR            the Pulumi project folder (default: the current folder)
  --format F           markdown (default) or json
  --preview-json FILE  read a saved \`pulumi preview --json\` instead of running it
  --quiet              no progress lines on stderr
exit code: 0 no changes, 1 changes, 2 error (a failed preview still prints a report saying why)`;

const VALUE_FLAGS: Record<string, keyof ReviewOptions> = {
  "--stack": "stack",
  "--cwd": "cwd",
  "--format": "format",
  "--preview-json": "previewJson",
};

export function parseReviewArgs(args: string[], io: Io): ReviewOptions {
  const values: Partial<Record<keyof ReviewOptions, string>> = {};
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--quiet") {
      quiet = true;
      continue;
    }
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const key = VALUE_FLAGS[flag];
    if (!key) throw new UsageError(`unknown option "${args[i]}"`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    values[key] = value;
  }
  const format = values.format ?? "markdown";
  if (format !== "markdown" && format !== "json")
    throw new UsageError(`--format must be markdown or json; got "${format}"`);
  const cwd = path.resolve(io.cwd, values.cwd ?? ".");
  const previewJson = values.previewJson === undefined ? undefined : path.resolve(io.cwd, values.previewJson);
  return { stack: values.stack, cwd, format, previewJson, quiet };
}

/** Runs `pulumi preview --json` in the project; the CLI is `pulumi` on the PATH of `io.env`. */
function runPreview(opts: ReviewOptions, io: Io): Promise<PulumiResult> {
  const args = ["preview", "--json", "--non-interactive", ...(opts.stack ? ["--stack", opts.stack] : [])];
  const progress = progressOn((t) => io.err(t), "review", opts.quiet);
  return runPulumi(args, { cwd: opts.cwd, env: io.env, progress, streamSteps: true });
}

/** The engine's error diagnostics of a failed preview, one per line. */
function errorsOf(stdout: string): string {
  try {
    const digest = JSON.parse(stdout) as { diagnostics?: { severity?: string; message?: string }[] };
    return (digest.diagnostics ?? [])
      .filter((d) => d.severity === "error")
      .map((d) => (d.message ?? "").trim())
      .join("\n");
  } catch {
    return "";
  }
}

/** A preview that ran and failed: the engine's exit code and its errors, in words. */
interface PreviewFailure {
  failed: { exitCode: number; message: string };
}

async function loadPreview(opts: ReviewOptions, io: Io): Promise<PreviewDigest | PreviewFailure> {
  if (opts.previewJson) return JSON.parse(await fs.readFile(opts.previewJson, "utf8")) as PreviewDigest;
  const res = await runPreview(opts, io);
  if (res.code !== 0)
    return { failed: { exitCode: res.code, message: errorsOf(res.stdout) || res.stderr.trim() || "(no message)" } };
  return JSON.parse(res.stdout) as PreviewDigest;
}

/** The report of a failed preview on stdout, the error on stderr too; exit code 2. */
function reportFailure(failure: PreviewFailure["failed"], opts: ReviewOptions, io: Io): number {
  io.out(
    opts.format === "json"
      ? JSON.stringify(
          { stack: opts.stack, error: { pulumiExitCode: failure.exitCode, message: failure.message } },
          null,
          2,
        ) + "\n"
      : renderFailureMarkdown(failure.exitCode, failure.message, opts.stack),
  );
  io.err(`cloudfn review: pulumi preview failed (exit code ${failure.exitCode})\n${failure.message}\n`);
  return 2;
}

/** The stack's name: as given, else the one in the resources' URNs. */
function stackOf(digest: PreviewDigest, given?: string): string | undefined {
  return given ?? digest.steps?.map((s) => /^urn:pulumi:([^:]+)::/.exec(s.urn)?.[1]).find(Boolean);
}

export const reviewCommand: Command = {
  summary: "what the next update would change, as a pull-request comment (Markdown or JSON)",
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    if (args.includes("--help") || args.includes("-h")) {
      io.out(USAGE + "\n");
      return 0;
    }
    const opts = parseReviewArgs(args, io);
    const loaded = await loadPreview(opts, io);
    if ("failed" in loaded) return reportFailure(loaded.failed, opts, io);
    const digest = loaded;
    const review = buildReview(digest);
    io.out(
      opts.format === "json"
        ? JSON.stringify({ stack: stackOf(digest, opts.stack), ...review }, null, 2) + "\n"
        : renderMarkdown(review, stackOf(digest, opts.stack)),
    );
    return review.resources.length > 0 ? 1 : 0;
  },
};
