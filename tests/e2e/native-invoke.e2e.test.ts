/**
 * The provider's helper functions from a YAML program (`fn::invoke`) on the native plugin, with
 * the real CLI and `pulumi-language-yaml`: functions made and invoked out of band, then the
 * program exports `getFunctionReport` by invocation count and by failure count, and the stack
 * outputs hold the emulator's numbers.
 */
import * as path from "path";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { PulumiProject } from "../helpers/pulumi-cli";
import { useNativePlugin } from "../helpers/native-plugin";
import { fgRequest, invoke } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-invoke");
const fgs = (p: string) => `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs${p}`;

async function createFunction(url: string, name: string, code: string): Promise<string> {
  const res = await fgRequest(url, "POST", fgs("/functions"), {
    func_name: name,
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout: 3,
    code_type: "inline",
    func_code: { file: Buffer.from(code).toString("base64") },
  });
  if (res.status !== 200) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.func_urn;
}

describe("fn::invoke of the provider's helpers from YAML", () => {
  let emulator: RunningEmulator;
  let project: PulumiProject;
  const urns: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    urns.hot = await createFunction(emulator.url, "hot", "exports.handler = async () => 'ok';");
    urns.broken = await createFunction(
      emulator.url,
      "broken",
      "exports.handler = async () => { throw new Error('no'); };",
    );
    for (let i = 0; i < 3; i++) await invoke(emulator.url, urns.hot, {});
    await invoke(emulator.url, urns.broken, {});
    project = useNativePlugin(new PulumiProject(PROGRAM));
    await project.initStack(emulator.url);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
  });

  it("up exports the reports the emulator computes from the invocations", async () => {
    await project.up();
    const out = await project.outputs();
    expect(out.busiest).toEqual({
      count: 2,
      values: [
        { functionUrn: urns.hot, value: 3 },
        { functionUrn: urns.broken, value: 1 },
      ],
    });
    expect(out.failing).toEqual({ count: 1, values: [{ functionUrn: urns.broken, value: 1 }] });
  });
});
