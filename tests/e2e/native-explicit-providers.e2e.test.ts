/**
 * Two explicit `pulumi:providers:cloudfn` in one YAML program, each pointing at its own
 * emulator (region and project id of its own), deploy the same function to both. The engine runs
 * one plugin process per provider instance, so each keeps its own credentials; the stack state
 * holds the provider inputs (credentials as secrets) and no credential in any resource.
 */
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { PulumiProject } from "../helpers/pulumi-cli";
import { useNativePlugin } from "../helpers/native-plugin";
import { fgRequest, functionPath } from "../helpers/fg-http";
import { fgCall } from "../../emulator/testing/fg-client";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-two-regions");
const SOUTH_PROJECT = "50u7h000000000000000000000000000";

/** GET of a function's config in the south emulator, signed for its own project. */
const southConfig = (emu: RunningEmulator, urn: string) =>
  fgCall(emu.url, emu.credentials, {
    method: "GET",
    path: `/v2/${SOUTH_PROJECT}/fgs/functions/${urn}/config`,
    headers: { "x-project-id": SOUTH_PROJECT },
  });

describe("two explicit native providers in one program", () => {
  let north: RunningEmulator;
  let south: RunningEmulator;
  let project: PulumiProject;

  beforeAll(async () => {
    north = await startEmulator({ port: 0 });
    south = await startEmulator({ port: 0, credentials: { region: "cn-south-1", projectId: SOUTH_PROJECT } });
    project = useNativePlugin(new PulumiProject(PROGRAM));
    await project.run(["stack", "init", "e2e"]);
    const fg = EMULATOR_DEFAULTS.functiongraph;
    await project.setConfig({
      northEndpoint: north.url,
      northProject: fg.projectId,
      southEndpoint: south.url,
      southProject: SOUTH_PROJECT,
    });
    await project.run(["config", "set", "--secret", "accessKey", fg.accessKey]);
    await project.run(["config", "set", "--secret", "secretKey", fg.secretKey]);
  });
  afterAll(async () => {
    await project?.dispose();
    await north?.close();
    await south?.close();
  });

  it("up creates the function in both regions, each through its own provider", async () => {
    await project.up();
    const out = await project.outputs();
    expect(out.northUrn).toBe(
      `urn:fss:cn-north-4:${EMULATOR_DEFAULTS.functiongraph.projectId}:function:default:twin:latest`,
    );
    expect(out.southUrn).toBe(`urn:fss:cn-south-1:${SOUTH_PROJECT}:function:default:twin:latest`);
    expect((await fgRequest(north.url, "GET", functionPath(out.northUrn, "/config"))).status).toBe(200);
    expect((await southConfig(south, out.southUrn)).status).toBe(200);
  });

  it("no credential appears in plain text in the state", async () => {
    const state = await project.exportStack();
    expect(state).not.toContain(EMULATOR_DEFAULTS.functiongraph.secretKey);
    expect(state).not.toContain(EMULATOR_DEFAULTS.functiongraph.accessKey);
  });

  it("a second preview is clean and destroy removes both", async () => {
    expect((await project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
    const out = await project.outputs();
    await project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(north.url, "GET", functionPath(out.northUrn, "/config"))).status).toBe(404);
    expect((await southConfig(south, out.southUrn)).status).toBe(404);
  });
});
