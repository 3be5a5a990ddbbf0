/**
 * One TypeScript stack, two accounts/regions: the dynamic resources with `profile: "north"` and
 * `profile: "south"` (docs/providers.md), each profile pointing at its own emulator with its own
 * region, project and keys, set with `pulumi config set --path cloudfn:profiles.<p>.<setting>`
 * (the south secret key with `--secret`). A function on the default configuration then moves to
 * the south profile: a replace, shown by `preview --diff`. A helper (`getFunctionReport`) and
 * `cloudfn adopt` read with the south profile too.
 */
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { fgCall } from "../../emulator/testing/fg-client";
import { fgRequest, functionPath, invoke } from "../helpers/fg-http";
import { functionPath as miniPath, minappCall } from "../helpers/minapp-http";
import { PulumiProject } from "../helpers/pulumi-cli";
import { main } from "../../cli/index";
import type { Io } from "../../cli/io";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/dynamic-profiles");
const fg = EMULATOR_DEFAULTS.functiongraph;
const SOUTH = {
  region: "cn-south-1",
  projectId: "50u7h000000000000000000000000000",
  accessKey: "SOUTHPROFILEACCESSKEY",
  secretKey: "south-profile-secret-key-value",
};

/** A call to the south emulator, signed with the south account. */
const southCall = (emu: RunningEmulator, method: string, urnPath: string, body?: unknown) =>
  fgCall(emu.url, emu.credentials, {
    method,
    path: `/v2/${SOUTH.projectId}/fgs/${urnPath}`,
    body,
    headers: { "x-project-id": SOUTH.projectId },
  });
const urnOf = (region: string, project: string, name: string) =>
  `urn:fss:${region}:${project}:function:default:${name}:latest`;

describe("named profiles of the dynamic resources", () => {
  let north: RunningEmulator;
  let south: RunningEmulator;
  let project: PulumiProject;

  beforeAll(async () => {
    north = await startEmulator({ port: 0 });
    south = await startEmulator({ port: 0, credentials: SOUTH });
    project = new PulumiProject(PROGRAM);
    await project.run(["stack", "init", "e2e"]);
    await project.setConfig({ "cloudfn:emulator": north.url });
    const set = (setting: string, value: string, secret = false) =>
      project.run(["config", "set", ...(secret ? ["--secret"] : []), "--path", `cloudfn:profiles.${setting}`, value]);
    await set("north.emulator", north.url);
    await set("south.emulator", south.url);
    await set("south.functiongraphRegion", SOUTH.region);
    await set("south.functiongraphProjectId", SOUTH.projectId);
    await set("south.functiongraphAccessKey", SOUTH.accessKey);
    await set("south.functiongraphSecretKey", SOUTH.secretKey, true);
  });
  afterAll(async () => {
    await project?.dispose();
    await north?.close();
    await south?.close();
  });

  it("up puts each profile's function, timer and MinApp function in its own emulator, and they run", async () => {
    await project.up();
    const out = await project.outputs();
    expect(out.north.urn).toBe(urnOf(fg.region, fg.projectId, "cloudfn-twin"));
    expect(out.south.urn).toBe(urnOf(SOUTH.region, SOUTH.projectId, "cloudfn-twin"));
    expect(out.plainUrn).toBe(urnOf(fg.region, fg.projectId, "cloudfn-plain"));

    expect((await fgRequest(north.url, "GET", `/v2/${fg.projectId}/fgs/triggers/${out.north.trigger}`)).status).toBe(
      200,
    );
    expect((await southCall(south, "GET", `triggers/${out.south.trigger}`)).body).toMatchObject({
      trigger_type_code: "TIMER",
      event_data: { user_event: "south" },
    });
    for (const emu of [north, south])
      expect((await minappCall(emu.url, "GET", miniPath("cloudfn_twin"))).status).toBe(200);
    expect(
      (await southCall(south, "GET", `functions/${urnOf(SOUTH.region, SOUTH.projectId, "cloudfn-plain")}/config`))
        .status,
    ).toBe(404);

    expect(JSON.parse((await invoke(north.url, out.north.urn, { hi: "north" })).body.result)).toMatchObject({
      got: { hi: "north" },
    });
    const southRun = await southCall(south, "POST", `functions/${out.south.urn}/invocations`, { hi: "south" });
    expect(JSON.parse(southRun.body.result)).toMatchObject({ got: { hi: "south" } });
  });

  it("a preview right after is clean, and the state holds profile names, never a credential", async () => {
    expect((await project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
    const state = await project.exportStack();
    expect(state).toContain('"profile": "south"');
    for (const secret of [SOUTH.secretKey, SOUTH.accessKey, fg.secretKey, EMULATOR_DEFAULTS.minapp.clientSecret])
      expect(state).not.toContain(secret);
  });

  it("cloudfn adopt --profile south reads the south account from the stack's config and prints it back with the profile", async () => {
    let stdout = "";
    const io: Io = { out: (t) => (stdout += t), err: () => undefined, env: project.env(), cwd: project.dir };
    const args = ["adopt", "--platform", "functiongraph", "--prefix", "cloudfn-twin", "--profile", "south"];
    expect(await main(args, io)).toBe(0);
    expect(stdout).toContain(
      'new cloudfn.functiongraph.Function("cloudfn-twin", {\n    adopt: true,\n    profile: "south",',
    );
    expect(stdout).toMatch(
      /Trigger\("cloudfnTwin-tick", \{\n {4}adopt: true,\n {4}profile: "south",[^]*userEvent: "south"/,
    );
  });

  it("changing a resource's profile is a replace in preview --diff, and up moves it", async () => {
    await project.setConfig({ plainProfile: "south", reportProfile: "south" });
    const preview = JSON.parse((await project.run(["preview", "--json"])).stdout);
    const moved = preview.steps.find(
      (s: { urn: string; op: string }) => s.urn.endsWith("::plain") && s.op === "replace",
    );
    expect(moved.replaceReasons).toEqual(["profile"]);
    const text = (await project.run(["preview", "--diff"])).stdout;
    expect(text).toMatch(/\+-\s*pulumi-nodejs:dynamic\/cloudfn\/functiongraph:Function: \(replace\)/);
    expect(text).toMatch(/\+ profile\s*: "south"/);

    await project.up();
    const southUrn = urnOf(SOUTH.region, SOUTH.projectId, "cloudfn-plain");
    expect((await project.outputs()).plainUrn).toBe(southUrn);
    expect((await southCall(south, "GET", `functions/${southUrn}/config`)).status).toBe(200);
    const northUrn = urnOf(fg.region, fg.projectId, "cloudfn-plain");
    expect((await fgRequest(north.url, "GET", functionPath(northUrn, "/config"))).status).toBe(404);
    expect((await project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("getFunctionReport with profile south read the south emulator's invocations in that run", async () => {
    const { report, south: twin } = await project.outputs();
    expect(report.values).toContainEqual({ functionUrn: twin.urn, value: expect.any(Number) });
    for (const v of report.values) expect(v.functionUrn).toContain(`:${SOUTH.region}:${SOUTH.projectId}:`);
  });

  it("destroy empties both emulators", async () => {
    const out = await project.outputs();
    await project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(north.url, "GET", functionPath(out.north.urn, "/config"))).status).toBe(404);
    for (const urn of [out.south.urn, out.plainUrn])
      expect((await southCall(south, "GET", `functions/${urn}/config`)).status).toBe(404);
    for (const emu of [north, south])
      expect((await minappCall(emu.url, "GET", miniPath("cloudfn_twin"))).status).toBe(404);
  });
});
