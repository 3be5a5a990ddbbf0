/**
 * Progress while pulumi runs, with a stand-in `pulumi` on the PATH that streams engine events
 * for `preview --json` when PULUMI_ENABLE_STREAMING_JSON_PREVIEW is set (as Pulumi 3.248 does):
 * progress lines go to stderr as the events arrive, the report alone to stdout, built from the
 * digest rebuilt from those events.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../index";
import { runPulumi } from "../run-pulumi";
import type { Io } from "../io";
import { digestOf, splitEvents } from "./engine-events";
import { resourceLine } from "./reporter";

const FN = "pulumi-nodejs:dynamic/cloudfn/functiongraph:Function";
const STACK = "pulumi:pulumi:Stack";
const urn = (type: string, name: string) => `urn:pulumi:dev::p::${type}::${name}`;
const pre = (op: string, type: string, name: string, extra: object = {}) => ({
  resourcePreEvent: { metadata: { op, type, urn: urn(type, name), ...extra } },
});
const line = (e: object) => JSON.stringify(e) + "\n";
const API_OLD = { type: FN, custom: true, inputs: { timeout: 30 } };
const API_NEW = { type: FN, custom: true, inputs: { timeout: 60 } };
const apiUpdate = pre("update", FN, "api", {
  old: API_OLD,
  new: API_NEW,
  diffs: ["timeout"],
});

/**
 * The stand-in CLI. FAKE_PULUMI=fail: the preview fails the way the engine does (an error
 * diagnostic, exit 255); =update: plans an update of `api` and, to prove the line is shown
 * while the preview still runs, finishes only once the test has created FAKE_GO;
 * =digest-only: ignores the streaming switch and prints a whole digest.
 */
const FAKE = `#!${process.execPath}
const fs = require("fs");
const args = process.argv.slice(2);
const mode = process.env.FAKE_PULUMI;
const out = (t) => process.stdout.write(t);
if (args[0] === "config") out("{}");
else if (args[0] === "stack") out("dev\\n");
else if (!process.env.PULUMI_ENABLE_STREAMING_JSON_PREVIEW || mode === "digest-only")
  out(JSON.stringify({ steps: [], changeSummary: { same: 1 } }));
else {
  out(${JSON.stringify(line({ sequence: 0, preludeEvent: { config: {} } }))});
  if (mode === "fail") {
    out(${JSON.stringify(line({ diagnosticEvent: { severity: "error", message: "boom: no such handler\n" } }))});
    process.exit(255);
  }
  if (mode !== "update") out(${JSON.stringify(line({ summaryEvent: { resourceChanges: { same: 1 } } }))});
  else {
    out(${JSON.stringify(line(pre("same", STACK, "p-dev")) + line(apiUpdate))});
    const deadline = Date.now() + 20000;
    const wait = setInterval(() => {
      if (!fs.existsSync(process.env.FAKE_GO) && Date.now() < deadline) return;
      clearInterval(wait);
      if (!fs.existsSync(process.env.FAKE_GO)) process.exit(3);
      out(${JSON.stringify(line({ summaryEvent: { resourceChanges: { same: 1, update: 1 } } }))});
    }, 50);
  }
}
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
    env: { PATH: dir, FAKE_GO: path.join(dir, "go"), ...extraEnv },
    cwd: dir,
    out: (t: string) => (io.stdout += t),
    err: (t: string) => (io.stderr += t),
  };
  return io;
}

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

  it("review: one line per resource while the preview runs; stdout the same report as from a digest", async () => {
    const io = capture({ FAKE_PULUMI: "update" });
    const watching: Io = {
      ...io,
      err: (t: string) => {
        io.err(t);
        // The stand-in finishes only after this: the line came while the preview ran.
        if (t.includes("functiongraph:Function api")) fs.writeFileSync(path.join(dir, "go"), "");
      },
    };
    try {
      expect(await main(["review"], watching)).toBe(1);
    } finally {
      fs.rmSync(path.join(dir, "go"), { force: true });
    }
    expect(io.stderr).toContain("cloudfn review:   ~ functiongraph:Function api (update)\n");
    expect(io.stderr).not.toContain("Stack");
    expect(io.stdout).toContain("### ~ update `api` (cloudfn:functiongraph:Function)");
    const quiet = capture({ FAKE_PULUMI: "update", FAKE_GO: dir });
    expect(await main(["review", "--quiet"], quiet)).toBe(1);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(io.stdout);
  }, 30_000);

  it("keeps a whole digest from a CLI that ignores the streaming switch", async () => {
    const res = await runPulumi(["preview", "--json"], {
      cwd: dir,
      env: capture({ FAKE_PULUMI: "digest-only" }).env,
      streamSteps: true,
    });
    expect(JSON.parse(res.stdout)).toEqual({ steps: [], changeSummary: { same: 1 } });
  }, 30_000);
});

describe("engine events", () => {
  it("splits complete lines into events and keeps an unfinished one for the next chunk", () => {
    expect(splitEvents('{"a":1}\nnot json\n{"b"')).toEqual({ events: [{ a: 1 }], rest: '{"b"' });
  });

  it("rebuild the digest: steps as planned, unchanged resources but the stack left out", () => {
    const events = [
      pre("same", STACK, "p-dev"),
      pre("refresh", FN, "old", { old: { type: FN }, new: { type: FN } }),
      pre("same", FN, "quiet"),
      apiUpdate,
      { diagnosticEvent: { severity: "debug", message: "noise" } },
      { diagnosticEvent: { severity: "error", message: "bad", urn: urn(FN, "api") } },
      { summaryEvent: { resourceChanges: { same: 2, update: 1 } } },
    ];
    expect(digestOf(events)).toEqual({
      steps: [
        { op: "same", urn: urn(STACK, "p-dev") },
        { op: "refresh", urn: urn(FN, "old"), oldState: { type: FN }, newState: { type: FN } },
        {
          op: "update",
          urn: urn(FN, "api"),
          oldState: API_OLD,
          newState: API_NEW,
          diffReasons: ["timeout"],
        },
      ],
      changeSummary: { same: 2, update: 1 },
      diagnostics: [{ severity: "error", message: "bad", urn: urn(FN, "api") }],
    });
  });

  it("words a step, and leaves the engine's own resources out", () => {
    expect(resourceLine(pre("create", FN, "a"))).toBe("  + functiongraph:Function a (create)");
    expect(resourceLine(pre("same", STACK, "p-dev"))).toBeUndefined();
  });
});
