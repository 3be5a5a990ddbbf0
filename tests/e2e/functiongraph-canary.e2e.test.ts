/**
 * examples/functiongraph-canary with the real Pulumi CLI against an in-process emulator: the
 * canary release told in order — publish v1 behind the alias `live`, deploy new code and send
 * 10% to v2 (weighted invokes observed with seeded routing), promote, roll back, destroy — with
 * `preview --expect-no-changes` after every step, a timer and an async config bound to the alias,
 * and `cloudfn review` printing the split.
 */
import * as path from "path";
import { spawn, spawnSync } from "child_process";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { PulumiProject, ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { fgRequest, functionPath, invoke } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const EXAMPLE = path.resolve(__dirname, "../../examples/functiongraph-canary");
const PID = EMULATOR_DEFAULTS.functiongraph.projectId;
const FN_URN = `urn:fss:cn-north-4:${PID}:function:default:cloudfn-canary`;
const ALIAS_URN = `${FN_URN}:!live`;

/** Which version answered each of `n` invokes of `urn`. */
async function versionsAnswering(url: string, urn: string, n: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const res = await invoke(url, urn, {});
    expect(res.status).toBe(200);
    const version = (JSON.parse(res.body.result) as { version: string }).version;
    counts[version] = (counts[version] ?? 0) + 1;
  }
  return counts;
}

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

describe("examples/functiongraph-canary with the real engine", () => {
  const stack = e2eStack(EXAMPLE);

  const step = async (name: string) => {
    await stack.project.setConfig({ "canary:step": name });
    await stack.project.up();
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  };

  it("type-checks the example against the installed package's typings", () => {
    const tsc = path.join(ensureInstalled(), "typescript/bin/tsc");
    const res = spawnSync("node", [tsc, "--noEmit", "-p", stack.project.dir], { encoding: "utf8" });
    expect(res.stdout + res.stderr).toBe("");
    expect(res.status).toBe(0);
  });

  it("v1: publishes v1 behind `live`, with a timer and an async config on the alias", async () => {
    await step("v1");
    const out = await stack.project.outputs();
    expect(out).toMatchObject({ aliasUrn: ALIAS_URN, v1Urn: `${FN_URN}:v1` });
    expect(await versionsAnswering(stack.emulator.url, ALIAS_URN, 5)).toEqual({ v1: 5 });
    const triggers = await fgRequest(stack.emulator.url, "GET", `/v2/${PID}/fgs/triggers/${ALIAS_URN}`);
    expect(triggers.body).toEqual([expect.objectContaining({ trigger_type_code: "TIMER" })]);
    const async = await fgRequest(stack.emulator.url, "GET", functionPath(ALIAS_URN, "/async-invoke-config"));
    expect(async.status).toBe(200);
  });

  it("canary: new code, v2 published, 10% of `live` runs v2 (seeded routing), review shows the split", async () => {
    await stack.project.setConfig({ "canary:step": "canary" });
    const review = await cloudfn(stack.project, ["review", "--cwd", stack.project.dir]);
    expect(review.stdout).toContain("Routing: `live: v1 100% → v1 90% / v2 10%`");
    await step("canary");
    expect((await stack.project.outputs()).v2Urn).toBe(`${FN_URN}:v2`);
    expect(await versionsAnswering(stack.emulator.url, `${FN_URN}:v1`, 2)).toEqual({ v1: 2 });
    expect(await versionsAnswering(stack.emulator.url, `${FN_URN}:v2`, 2)).toEqual({ v2: 2 });

    await fetch(`${stack.emulator.url}/_emulator/functiongraph/routing/seed`, {
      method: "POST",
      body: JSON.stringify({ seed: 7 }),
    });
    const split = await versionsAnswering(stack.emulator.url, ALIAS_URN, 200);
    expect(split.v1 + split.v2).toBe(200);
    expect(split.v2).toBeGreaterThanOrEqual(8);
    expect(split.v2).toBeLessThanOrEqual(40);
    // Seeded: the same seed gives the same split.
    await fetch(`${stack.emulator.url}/_emulator/functiongraph/routing/seed`, {
      method: "POST",
      body: JSON.stringify({ seed: 7 }),
    });
    expect(await versionsAnswering(stack.emulator.url, ALIAS_URN, 200)).toEqual(split);
  });

  it("promote: `live` runs v2 only, updated in place", async () => {
    await stack.project.setConfig({ "canary:step": "promote" });
    const review = await cloudfn(stack.project, ["review", "--cwd", stack.project.dir]);
    expect(review.stdout).toContain("Routing: `live: v1 90% / v2 10% → v2 100%`");
    await step("promote");
    expect(await versionsAnswering(stack.emulator.url, ALIAS_URN, 20)).toEqual({ v2: 20 });
  });

  it("rollback: `live` runs v1 again; v2 stays published", async () => {
    await step("rollback");
    expect(await versionsAnswering(stack.emulator.url, ALIAS_URN, 20)).toEqual({ v1: 20 });
    const versions = (await fgRequest(stack.emulator.url, "GET", functionPath(FN_URN, "/versions"))).body.versions;
    expect(versions.map((v: { version: string }) => v.version)).toEqual(expect.arrayContaining(["v1", "v2"]));
  });

  it("destroy leaves nothing", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(stack.emulator.url, "GET", functionPath(FN_URN, "/config"))).status).toBe(404);
    const list = await fgRequest(stack.emulator.url, "GET", `/v2/${PID}/fgs/functions`);
    expect(list.body.functions).toEqual([]);
  });
});
