/**
 * Issue 3's proof with the real Pulumi CLI: every FunctionGraph resource in one program
 * (tests/e2e/programs/functiongraph-stack), installed from the packed tarball, against an
 * in-process emulator. One story told in order: each step builds on the state the last one left.
 */
import axios from "axios";
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { e2eStack } from "../helpers/e2e-stack";
import { clearRequestLog, fgRequest, invoke, requestLog } from "../helpers/fg-http";

jest.setTimeout(15 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/functiongraph-stack");
const fgs = `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs`;

let first: Record<string, any>;
const stack = e2eStack(PROGRAM);

const fgCalls = async () => (await requestLog(stack.emulator.url)).filter((r) => r.platform === "functiongraph");
const get = async (p: string) => (await fgRequest(stack.emulator.url, "GET", `${fgs}${p}`)).body;
const noChanges = async () =>
  (await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code;

/** Resource name → the operations `preview --json` plans for it (resources left unchanged omitted). */
async function plannedOps(): Promise<Record<string, string[]>> {
  const { steps } = JSON.parse((await stack.project.run(["preview", "--json"])).stdout);
  const plan: Record<string, string[]> = {};
  for (const s of steps as { op: string; urn: string }[]) {
    const name = s.urn.split("::").pop() as string;
    if (s.op === "same" || name.startsWith("functiongraph-stack-")) continue;
    plan[name] = [...new Set([...(plan[name] ?? []), s.op])].sort();
  }
  return plan;
}

/** Everything the stack can leave behind in the emulator, listed through the platform API. */
async function liveInventory() {
  return {
    functions: (await get("/functions")).functions.length,
    dependencies: (await get("/dependencies")).dependencies.length,
    triggers: (await get("/triggers")).triggers.length,
    workflows: (await get("/workflows")).workflows.length,
  };
}

describe("every FunctionGraph resource in one stack, with the real engine", () => {
  it("up creates all seven resources; they work together; preview right after shows no changes", async () => {
    await stack.project.up();
    first = await stack.project.outputs();
    expect(first.smokeResult).toEqual({ text: "v1:smoke" });
    expect(JSON.parse((await invoke(stack.emulator.url, first.coreUrn, { who: "Ada" })).body.result)).toEqual({
      text: "v1:Ada",
    });
    const flow = (
      await fgRequest(stack.emulator.url, "POST", `${fgs}/workflows/${first.workflowId}/sync-executions`, {
        input: { who: "Bob" },
      })
    ).body;
    expect(flow).toMatchObject({ status: "success", output: { text: "v1:Bob" } });
    expect(await get(`/triggers/${first.triggerKey}`)).toMatchObject({
      trigger_status: "ACTIVE",
      event_data: { schedule: "5m" },
    });
    expect(await get(`/functions/${first.coreUrn}/async-invoke-config`)).toMatchObject({ max_async_retry_attempts: 1 });
    expect(await noChanges()).toBe(0);
  });

  it("the timer fires as an async invocation of the function with the dependency loaded", async () => {
    const fired = (await axios.post(`${stack.emulator.url}/_emulator/clock/advance`, { seconds: 300 })).data.fired;
    expect(fired.map((f: any) => [f.trigger, f.invocation.outcome, JSON.parse(f.invocation.result)])).toEqual([
      [first.triggerKey, "success", { text: "v1:tick" }],
    ]);
  });

  it("step 2 previews exactly: dependency replaced, function updated, trigger replaced, workflow updated, invocation re-run", async () => {
    await stack.project.setConfig({ step: "2" });
    expect(await plannedOps()).toEqual({
      fmt: ["replace"],
      core: ["update"],
      tick: ["replace"],
      flow: ["update"],
      smoke: ["replace"],
    });
    const diff = (await stack.project.run(["preview", "--diff"])).stdout;
    expect(diff).toMatch(/schedule\s*:\s*"5m" => "10m"/);
    expect(diff).toMatch(/status\s*:\s*"ACTIVE" => "DISABLED"/);
  });

  it("step 2 applies; the old dependency version is deleted after the new one exists; preview is clean", async () => {
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const now = await stack.project.outputs();
    const writes = (await fgCalls()).map((r) => r.operation).filter((op) => /^(Create|Update|Delete)/.test(op));
    expect(writes.indexOf("CreateDependencyVersion")).toBeLessThan(writes.indexOf("UpdateFunctionCode"));
    expect(writes.indexOf("UpdateFunctionCode")).toBeLessThan(writes.indexOf("DeleteDependencyVersion"));
    expect(writes.filter((op) => op.includes("AsyncInvokeConfig"))).toEqual([]);
    expect([now.coreUrn, now.workflowId, now.versionId !== first.versionId, now.smokeResult]).toEqual([
      first.coreUrn,
      first.workflowId,
      true,
      { text: "v2:smoke" },
    ]);
    expect(await get(`/triggers/${now.triggerKey}`)).toMatchObject({
      trigger_status: "DISABLED",
      event_data: { schedule: "10m" },
    });
    const flow = (
      await fgRequest(stack.emulator.url, "POST", `${fgs}/workflows/${now.workflowId}/sync-executions`, {
        input: { who: "Bob" },
      })
    ).body;
    expect(flow).toMatchObject({ status: "success", output: { text: "v2:Bob!" } });
    expect((await axios.post(`${stack.emulator.url}/_emulator/clock/advance`, { seconds: 1200 })).data.fired).toEqual(
      [],
    );
    expect(await noChanges()).toBe(0);
    first = now;
  });

  it("out-of-band changes to the trigger, the async config and the workflow are reported by refresh and undone by up", async () => {
    const [urn, type, id] = [first.coreUrn, "TIMER", String(first.triggerKey).split("/").pop()];
    expect(
      (await fgRequest(stack.emulator.url, "PUT", `${fgs}/triggers/${urn}/${type}/${id}`, { trigger_status: "ACTIVE" }))
        .status,
    ).toBe(200);
    expect(
      (
        await fgRequest(stack.emulator.url, "PUT", `${fgs}/functions/${urn}/async-invoke-config`, {
          max_async_retry_attempts: 3,
        })
      ).status,
    ).toBe(200);
    const live = (await get(`/workflows/${first.workflowId}`)).definition;
    expect(
      (
        await fgRequest(stack.emulator.url, "PUT", `${fgs}/workflows/${first.workflowId}`, {
          ...live,
          constants: { injected: "yes" },
        })
      ).status,
    ).toBe(200);
    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/"DISABLED" => "ACTIVE"/);
    expect(refresh.stdout).toMatch(/maxAsyncRetryAttempts\s*:\s*1 => 3/);
    expect(refresh.stdout).toMatch(/injected/);
    expect(Object.keys(await plannedOps()).sort()).toEqual(["core-async", "flow", "tick"]);
    await stack.project.up();
    expect(await get(`/triggers/${first.triggerKey}`)).toMatchObject({ trigger_status: "DISABLED" });
    expect(await get(`/functions/${urn}/async-invoke-config`)).toMatchObject({ max_async_retry_attempts: 1 });
    expect(await noChanges()).toBe(0);
  });

  it("out-of-band deletes: refresh drops them from the state and the next up recreates them", async () => {
    const [urn, id] = [first.coreUrn, String(first.triggerKey).split("/").pop()];
    expect((await fgRequest(stack.emulator.url, "DELETE", `${fgs}/triggers/${urn}/TIMER/${id}`)).status).toBe(204);
    expect((await fgRequest(stack.emulator.url, "DELETE", `${fgs}/functions/${urn}/async-invoke-config`)).status).toBe(
      204,
    );
    expect(
      (
        await fgRequest(stack.emulator.url, "DELETE", `${fgs}/workflows`, {
          workflow_urns: [(await get(`/workflows/${first.workflowId}`)).workflow_urn],
        })
      ).status,
    ).toBe(200);
    expect(
      (await fgRequest(stack.emulator.url, "DELETE", `${fgs}/functions/${first.sinkUrn.replace(/:latest$/, "")}`))
        .status,
    ).toBe(204);
    await stack.project.run(["refresh", "--yes", "--skip-preview"]);
    const state = JSON.parse(await stack.project.exportStack());
    const names = state.deployment.resources.map((r: any) => String(r.urn).split("::").pop());
    expect(names.filter((n: string) => ["tick", "core-async", "flow", "sink"].includes(n))).toEqual([]);
    expect(await plannedOps()).toEqual({
      tick: ["create"],
      "core-async": ["create"],
      flow: ["create"],
      sink: ["create"],
    });
    await stack.project.up();
    expect(await liveInventory()).toEqual({ functions: 2, dependencies: 1, triggers: 1, workflows: 1 });
    expect(await noChanges()).toBe(0);
  });

  it.each([
    ["schedule", /schedule.*61m|61m.*schedule/s],
    ["transition", /transition: state "nowhere" does not exist/],
    ["retries", /maxAsyncRetryAttempts/],
    ["depname", /name.*9-starts-with-a-digit/s],
  ])("bad input (%s) fails at preview naming the property, with zero API calls", async (bad, message) => {
    await stack.project.setConfig({ bad });
    await clearRequestLog(stack.emulator.url);
    const res = await stack.project.run(["preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(message);
    expect(await fgCalls()).toEqual([]);
    await stack.project.run(["config", "rm", "bad"]);
  });

  it("destroy empties the emulator", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect(await liveInventory()).toEqual({ functions: 0, dependencies: 0, triggers: 0, workflows: 0 });
  });
});
