/**
 * `cloudfn review` run the way a user runs it (`node <installed package>/dist/cli/index.js
 * review --cwd <project>`) on a stack with a FunctionGraph function, a MinApp function and a
 * LeanCloud engine deployment, deployed with the real Pulumi CLI against an in-process emulator.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PulumiProject, ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { setLeanCloudConfig } from "../helpers/leancloud-e2e";
import { setMinAppConfig } from "../helpers/minapp-project";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/review");

/** Runs the installed CLI in a child process with the project's environment. */
function cloudfn(project: PulumiProject, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = path.join(ensureInstalled(), "pulumi-cloudfn/dist/cli/index.js");
  const child = spawn("node", [cli, ...args], { cwd: project.dir, env: project.env() });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** stderr holds progress only: what runs and how it ended. */
function expectProgressOnly(stderr: string): void {
  const lines = stderr.split("\n").filter(Boolean);
  expect(lines.filter((l) => !l.startsWith("cloudfn review: "))).toEqual([]);
  expect(stderr).toContain("cloudfn review: running pulumi preview --json");
  expect(stderr).toMatch(/pulumi preview done in /);
  expect(stderr).not.toMatch(/failed/);
}

describe("cloudfn review with the real engine", () => {
  const stack = e2eStack(PROGRAM, {
    init: async () => {
      await stack.project.initStack(stack.emulator.url);
      await setMinAppConfig(stack.project, stack.emulator.url);
      await setLeanCloudConfig(stack.project, stack.emulator);
      await stack.project.up();
    },
  });
  const write = (file: string, text: string) => fs.writeFileSync(path.join(stack.project.dir, file), text);

  it("right after up: no changes, exit code 0", async () => {
    const res = await cloudfn(stack.project, ["review", "--cwd", stack.project.dir]);
    expectProgressOnly(res.stderr);
    expect(res.code).toBe(0);
    // One line per resource as the engine plans it, unchanged ones too.
    expect(res.stderr).toContain("cloudfn review:   = functiongraph:Function api (same)\n");
    expect(res.stdout).toContain("No changes (3 unchanged).");
  });

  it("after a code edit: file-level entries and a source diff per function, exit code 1", async () => {
    write(
      "fg/index.js",
      'exports.handler = async (event) => {\n  return { statusCode: 200, body: JSON.stringify({ hello: "review" }) };\n};\n',
    );
    write("fg/util.js", "exports.twice = (x) => x * 2;\n");
    write(
      "minapp/lib/greeting.js",
      'exports.greeting = function (name) {\n  return { message: "Bonjour, " + (name || "world") + "!" };\n};\n',
    );
    write(
      "engine/cloud.js",
      // Only the returned line differs from the program's cloud.js (same quotes as the formatted file).
      '// The LeanEngine project the review e2e edits: one cloud function.\nconst AV = require("leanengine");\n\nAV.Cloud.define("hello", (request) => {\n  return `Hi there, ${request.params.name || "world"}`;\n});\n',
    );
    const md = await cloudfn(stack.project, ["review", "--cwd", stack.project.dir]);
    expectProgressOnly(md.stderr);
    expect(md.code).toBe(1);
    expect(md.stderr).toContain("cloudfn review:   ~ functiongraph:Function api (update)\n");
    expect(md.stderr).toContain("cloudfn review:   ~ minapp:CloudFunction greeter (update)\n");
    expect(md.stdout).toContain("**0 to create, 3 to update, 0 to replace, 0 to delete** (0 unchanged).");
    expect(md.stdout).toContain("### ~ update `api` (cloudfn:functiongraph:Function)");
    expect(md.stdout).toContain("- modified `index.js` (");
    expect(md.stdout).toContain("- added `util.js` (30 B)");
    expect(md.stdout).toMatch(
      /- {2}return \{ statusCode: 200, body: JSON.stringify\(\{ hello: "world" \}\) \};\n\+ {2}return \{ statusCode: 200, body: JSON.stringify\(\{ hello: "review" \}\) \};/,
    );
    expect(md.stdout).toContain("### ~ update `greeter` (cloudfn:minapp:CloudFunction)");
    expect(md.stdout).toContain("- modified `lib/greeting.js` (");
    expect(md.stdout).toMatch(/\n- {2}return \{ message: "Hello, " [^\n]*\n\+ {2}return \{ message: "Bonjour, " /);
    expect(md.stdout).toContain("### ~ update `engine` (cloudfn:leancloud:EngineDeployment)");
    expect(md.stdout).toContain("- modified `cloud.js` (");
    expect(md.stdout).toMatch(/\n- {2}return `Hello, \$\{request[^\n]*\n\+ {2}return `Hi there, \$\{request/);
    // The bundled source and the hashes are explained by the file list, not repeated.
    expect(md.stdout).not.toMatch(/\| (source|codeHash) \|/);

    const json = await cloudfn(stack.project, ["review", "--cwd", stack.project.dir, "--format", "json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    const files = (name: string) =>
      report.resources.find((r: any) => r.name === name).code.files.map((f: any) => [f.status, f.path]);
    expect(files("api")).toEqual([
      ["modified", "index.js"],
      ["added", "util.js"],
    ]);
    expect(files("greeter")).toEqual([["modified", "lib/greeting.js"]]);
    expect(files("engine")).toEqual([["modified", "cloud.js"]]);
    if (process.env.CLOUDFN_REVIEW_SAVE_PREVIEW) {
      const preview = await stack.project.run(["preview", "--json"]);
      fs.writeFileSync(process.env.CLOUDFN_REVIEW_SAVE_PREVIEW, preview.stdout);
    }
  });
});
