/**
 * `pulumi import` of every FunctionGraph resource type with a remote object, with the real CLI
 * and `pulumi-language-yaml`: a function, a dependency version, a workflow, an async-invoke
 * config, a version and an alias are made out of band with signed API calls (as the console or
 * another tool would), one `pulumi import --file` takes them all into a fresh stack, and the YAML
 * program declaring them previews clean, also after an `up` (which then has nothing to do).
 * An Invocation cannot be imported: the CLI says why.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { archiveToZip } from "../../provider/core/archive";
import { toWire } from "../../provider/functiongraph/workflow/flow";
import { e2eStack } from "../helpers/e2e-stack";
import { useNativePlugin } from "../helpers/native-plugin";
import { clearRequestLog, countOps, fgRequest, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-import-fg");
const fgs = (p: string) => `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs${p}`;
const zipOf = async (file: string, text: string) =>
  (await archiveToZip(new pulumi.asset.AssetArchive({ [file]: new pulumi.asset.StringAsset(text) }))).toString(
    "base64",
  );

/** A signed call that must succeed; its parsed body. */
async function made(method: string, p: string, body: unknown): Promise<any> {
  const res = await fgRequest(emulatorUrl, method, fgs(p), body);
  if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
let emulatorUrl = "";

/** The objects, made the way the console would make them; the import ids by program name. */
async function createOutOfBand(): Promise<Record<string, [string, string]>> {
  const fn = await made("POST", "/functions", {
    func_name: "import-host",
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout: 3,
    code_type: "zip",
    code_filename: "index.zip",
    func_code: { file: await zipOf("index.js", "exports.handler = async () => 'hi';\n") },
  });
  const urn: string = fn.func_urn;
  const base = urn.replace(/:latest$/, "");
  const dep = await made("POST", "/dependencies/version", {
    name: "shout",
    runtime: "Node.js18.15",
    description: "lib",
    depend_type: "zip",
    depend_file: await zipOf("shout.js", "module.exports = (s) => s.toUpperCase();\n"),
  });
  const flow = await made(
    "POST",
    "/workflows",
    toWire({
      name: "orders_flow",
      description: "made_by_hand",
      mode: "NORMAL",
      start: "a",
      functions: [{ name: "fn", functionUrn: urn }],
      states: [
        { id: "a", type: "Operation", transition: "b", actions: [{ functionRef: { refName: "fn" } }] },
        { id: "b", type: "End" },
      ],
    }),
  );
  await made("PUT", `/functions/${urn}/async-invoke-config`, {
    max_async_event_age_in_seconds: 600,
    max_async_retry_attempts: 1,
    destination_config: {},
    enable_async_status_log: false,
  });
  await made("POST", `/functions/${base}/versions`, { version: "v1", description: "first" });
  await made("POST", `/functions/${base}/aliases`, { name: "live", version: "v1", description: "" });
  return {
    fn: ["Function", urn],
    lib: ["DependencyVersion", `${dep.dep_id}/${dep.version}`],
    flow: ["Workflow", flow.workflow_urn],
    asyncConfig: ["AsyncInvokeConfig", urn],
    v1: ["Version", `${base}:v1`],
    live: ["Alias", `${base}:!live`],
  };
}

describe("pulumi import of every FunctionGraph resource type on the native plugin", () => {
  let ids: Record<string, [string, string]>;
  const stack = e2eStack(PROGRAM, {
    before: async () => {
      emulatorUrl = stack.emulator.url;
      ids = await createOutOfBand();
    },
    wrap: useNativePlugin,
  });

  it("one import run takes all six; the program's preview is clean", async () => {
    const resources = Object.entries(ids).map(([name, [type, id]]) => ({
      type: `cloudfn:functiongraph:${type}`,
      name,
      id,
    }));
    const file = path.join(stack.project.dir, "import.json");
    fs.writeFileSync(file, JSON.stringify({ resources }));
    await stack.project.run(["import", "--file", file, "--yes", "--generate-code=false"]);
    const state = JSON.parse(await stack.project.exportStack());
    const version = state.deployment.resources.find((r: any) => r.type === "cloudfn:functiongraph:Version");
    expect(version.inputs).toEqual({
      functionUrn: ids.fn[1].replace(/:latest$/, ""),
      name: "v1",
      description: "first",
    });
    const res = await stack.project.run(["preview", "--expect-no-changes", "--diff"], { allowFailure: true });
    expect(`${res.code}\n${res.stdout}\n${res.stderr}`).toMatch(/^0\n/);
  });

  it("an up then has nothing to do, and the next preview is clean too", async () => {
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const writes = Object.keys(countOps(await requestLog(stack.emulator.url))).filter((op) =>
      /^(Create|Update|Delete|BatchDelete)/.test(op),
    );
    expect(writes).toEqual([]);
    // Such an up stores the program's checked inputs (the import's digest record included) but
    // keeps the imported outputs: the case the digest must keep being recorded for.
    const state = JSON.parse(await stack.project.exportStack());
    const fn = state.deployment.resources.find((r: any) => r.type === "cloudfn:functiongraph:Function");
    expect(fn.inputs).toHaveProperty("__codeDigest");
    expect(fn.outputs).not.toHaveProperty("codeHash");
    const res = await stack.project.run(["preview", "--expect-no-changes", "--diff"], { allowFailure: true });
    expect(`${res.code}\n${res.stdout}\n${res.stderr}`).toMatch(/^0\n/);
  });

  it("an Invocation cannot be imported, and the CLI says why", async () => {
    const res = await stack.project.run(
      ["import", "cloudfn:functiongraph:Invocation", "smoke", "a-request-id", "--yes", "--generate-code=false"],
      { allowFailure: true },
    );
    expect(res.code).not.toBe(0);
    expect(`${res.stdout}\n${res.stderr}`).toContain("cloudfn:functiongraph:Invocation cannot be imported: ");
  });
});
