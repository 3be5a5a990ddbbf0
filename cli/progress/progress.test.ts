/**
 * Progress while pulumi runs, with a stand-in `pulumi` on the PATH that writes an engine event
 * log (as the real CLI does with --event-log) and a preview JSON: progress lines go to stderr,
 * the report alone to stdout, and the event log's temporary folder is removed afterwards.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../index";
import { runPulumi } from "../run-pulumi";
import type { Io } from "../io";
import { followEventLog, splitEvents, type EngineEvent } from "./event-log";
import { resourceLine } from "./reporter";

const FN = "pulumi-nodejs:dynamic/cloudfn/functiongraph:Function";
const pre = (op: string, type: string, name: string) =>
  JSON.stringify({ resourcePreEvent: { metadata: { op, type, urn: `urn:pulumi:dev::p::${type}::${name}` } } });

/** The stand-in CLI: FAKE_PULUMI=fail makes preview fail the way the engine does (diagnostics, exit 255). */
const FAKE = `#!${process.execPath}
const fs = require("fs");
const args = process.argv.slice(2);
const at = args.indexOf("--event-log");
if (at >= 0) {
  fs.writeFileSync(process.env.FAKE_LOG_NOTE, args[at + 1]);
  fs.writeFileSync(args[at + 1], ${JSON.stringify(pre("same", "pulumi:pulumi:Stack", "p-dev") + "\n" + pre("refresh", FN, "api") + "\n")});
}
if (args[0] === "config") process.stdout.write("{}");
else if (args[0] === "stack") process.stdout.write("dev\\n");
else if (process.env.FAKE_PULUMI === "fail") {
  process.stdout.write(JSON.stringify({ diagnostics: [{ severity: "error", message: "boom: no such handler\\n" }] }));
  process.exit(255);
} else process.stdout.write(JSON.stringify({ steps: [], changeSummary: { same: 1 } }));
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudfn-progress-test-"));
  fs.writeFileSync(path.join(dir, "pulumi"), FAKE, { mode: 0o755 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture(extraEnv: NodeJS.ProcessEnv = {}): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    env: { PATH: dir, FAKE_LOG_NOTE: path.join(dir, "log-path"), ...extraEnv },
    cwd: dir,
    out: (t: string) => (io.stdout += t),
    err: (t: string) => (io.stderr += t),
  };
  return io;
}

/** The event log's folder is gone once the command returns. */
const eventLogRemoved = () => !fs.existsSync(path.dirname(fs.readFileSync(path.join(dir, "log-path"), "utf8")));

describe("progress on stderr", () => {
  it("review: says what runs and streams each resource; stdout holds the report only", async () => {
    const io = capture();
    expect(await main(["review"], io)).toBe(0);
    expect(io.stdout).toBe("## cloudfn review\n\nNo changes (0 unchanged).\n");
    expect(io.stderr).toContain("cloudfn review: running pulumi preview --json --non-interactive\n");
    expect(io.stderr).toMatch(/cloudfn review: pulumi preview done in \d+\.\d s\n$/);
    const quiet = capture();
    expect(await main(["review", "--quiet"], quiet)).toBe(0);
    expect(quiet.stderr).toBe("");
  }, 30_000);

  it("review: a failed preview still prints a report that says why, exit code 2", async () => {
    const io = capture({ FAKE_PULUMI: "fail" });
    expect(await main(["review", "--stack", "prod"], io)).toBe(2);
    expect(io.stdout).toContain("## cloudfn review: stack `prod`");
    expect(io.stdout).toContain("**The preview failed** (`pulumi preview` exit code 255)");
    expect(io.stdout).toContain("```\nboom: no such handler\n```");
    expect(io.stderr).toContain("cloudfn review: pulumi preview failed (exit code 255)\nboom: no such handler\n");
    const json = capture({ FAKE_PULUMI: "fail" });
    expect(await main(["review", "--format", "json"], json)).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { pulumiExitCode: 255, message: "boom: no such handler" } });
  }, 30_000);

  it("drift: says what runs and how it ended; stdout holds the report only", async () => {
    const io = capture();
    expect(await main(["drift"], io)).toBe(0);
    expect(io.stdout).toMatch(/^# Drift report: stack `dev`\n\nNo drift/);
    expect(io.stderr).toContain("cloudfn drift: running pulumi preview --refresh --json --non-interactive\n");
    expect(io.stderr).toContain("cloudfn drift: pulumi preview done in ");
  }, 30_000);

  it("streams one line per resource from the engine's event log, then removes the log", async () => {
    const lines: string[] = [];
    const env = capture().env;
    const res = await runPulumi(["preview", "--json"], {
      cwd: dir,
      env,
      progress: (l) => lines.push(l),
      streamSteps: true,
    });
    expect(res.code).toBe(0);
    expect(lines).toContain("refresh api (functiongraph:Function)");
    expect(lines.join("\n")).not.toContain("Stack");
    expect(eventLogRemoved()).toBe(true);
  }, 30_000);
});

describe("the event log", () => {
  it("splits complete lines into events and keeps an unfinished one for the next read", () => {
    expect(splitEvents('{"a":1}\nnot json\n{"b"')).toEqual({ events: [{ a: 1 }], rest: '{"b"' });
  });

  it("hands over events appended while it follows the file, and the rest on stop", async () => {
    const file = path.join(dir, "follow.jsonl");
    const seen: EngineEvent[] = [];
    let first: () => void;
    const firstSeen = new Promise<void>((r) => (first = r));
    const follower = followEventLog(file, (e) => {
      seen.push(e);
      first();
    });
    fs.writeFileSync(file, pre("create", FN, "a") + "\n");
    await firstSeen;
    fs.appendFileSync(file, pre("update", FN, "b") + "\n");
    await follower.stop();
    expect(seen.map(resourceLine)).toEqual(["create a (functiongraph:Function)", "update b (functiongraph:Function)"]);
  }, 30_000);
});
