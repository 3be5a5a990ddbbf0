/**
 * `cloudfn adopt --platform functiongraph` against a stack holding one of every FunctionGraph
 * resource type (dependency version, a fully configured function, version, alias, TIMER and SMN
 * triggers, a TIMER trigger on the alias, async-invoke config, workflow): the installed CLI prints a program, a second stack runs exactly that program (its
 * code placeholders filled with the same folders) and its `up` makes no create call and no
 * update call, and `preview` is clean afterwards.
 */
import * as fs from "fs";
import * as path from "path";
import { execFile } from "child_process";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { PulumiProject, ensureInstalled } from "../helpers/pulumi-cli";
import { clearRequestLog, countOps, requestLog } from "../helpers/fg-http";

jest.setTimeout(15 * 60 * 1000);
const PROGRAMS = path.resolve(__dirname, "programs/adopt-everything");
const fg = EMULATOR_DEFAULTS.functiongraph;

/** The installed package's `cloudfn` CLI with the emulator's credentials in the providers' env vars. */
function cloudfn(url: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const bin = path.join(ensureInstalled(), "pulumi-cloudfn/dist/cli/index.js");
  const env = {
    ...process.env,
    HW_ACCESS_KEY: fg.accessKey,
    HW_SECRET_KEY: fg.secretKey,
    HW_REGION_NAME: fg.region,
    HW_PROJECT_ID: fg.projectId,
    CLOUDFN_FUNCTIONGRAPH_ENDPOINT: url,
  };
  return new Promise((resolve) => {
    execFile("node", [bin, ...args], { encoding: "utf8", env }, (err, stdout, stderr) =>
      resolve({ status: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

describe("cloudfn adopt of a stack holding every FunctionGraph resource type", () => {
  let emulator: RunningEmulator;
  let source: PulumiProject;
  let adopter: PulumiProject;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    source = new PulumiProject(path.join(PROGRAMS, "source"));
    await source.initStack(emulator.url);
    await source.up();
    adopter = new PulumiProject(path.join(PROGRAMS, "adopter"));
    await adopter.initStack(emulator.url);
  });
  afterAll(async () => {
    // The adopting stack's destroy deletes the objects; the source stack then finds them gone.
    await adopter?.dispose();
    await source?.dispose();
    await emulator?.close();
  });

  it("prints a program that a second stack runs with no create or update call, and a clean preview", async () => {
    const run = await cloudfn(emulator.url, ["adopt", "--platform", "functiongraph", "--prefix", "ae"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "cloudfn adopt: 1 FunctionGraph function(s), 1 version(s), 1 alias(es), 3 trigger(s), 1 async invoke config(s), 1 dependency version(s), 1 workflow(s)\n",
    );
    for (const type of [
      "DependencyVersion",
      "Function",
      "Version",
      "Alias",
      "Trigger",
      "AsyncInvokeConfig",
      "Workflow",
    ])
      expect(run.stdout).toContain(`new cloudfn.functiongraph.${type}(`);
    expect(run.stdout).toContain("dependencyVersionIds: [\n        aeShoutV1.versionId,\n    ],");
    expect(run.stdout).toContain("functionUrn: aeGreeter.funcUrn,");
    // The function's live production configuration is printed, so adopting it declares it as it is.
    for (const printed of ['agency: "fg-agency",', "maxInstances: 50,", 'vpcId: "vpc-1",', 'localPath: "/mnt/data",'])
      expect(run.stdout).toContain(printed);

    fs.writeFileSync(path.join(adopter.dir, "index.ts"), run.stdout);
    fs.cpSync(path.join(PROGRAMS, "source/app"), path.join(adopter.dir, "functions/ae-greeter"), { recursive: true });
    fs.cpSync(path.join(PROGRAMS, "source/lib"), path.join(adopter.dir, "dependencies/ae-shout-v1"), {
      recursive: true,
    });
    await clearRequestLog(emulator.url);
    await adopter.up();
    const writes = Object.keys(countOps(await requestLog(emulator.url))).filter((op) =>
      /^(Create|Update|Delete|BatchDelete)/.test(op),
    );
    expect(writes).toEqual([]);
    expect((await adopter.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });
});
