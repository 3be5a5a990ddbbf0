/**
 * The real Pulumi CLI on tests/e2e/programs/fg-async (installed from the packed tarball) against
 * an in-process emulator: a worker function with an AsyncInvokeConfig whose on_failure
 * destination is a sink function, and an Invocation wired to the worker's codeHash.
 * One story told in order; each step builds on the state the last one left.
 */
import * as fs from "fs";
import * as path from "path";
import axios from "axios";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { e2eStack } from "../helpers/e2e-stack";
import { clearRequestLog, countOps, fgRequest, functionPath, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/fg-async");
const pid = EMULATOR_DEFAULTS.functiongraph.projectId;

describe("functiongraph.AsyncInvokeConfig and functiongraph.Invocation with the real engine", () => {
  let workerUrn: string;
  let sinkUrn: string;
  const stack = e2eStack(PROGRAM, {
    // Retries without waiting: the e2e proves wiring, the integration tests pin the timing rules.
    emulator: { asyncRetryDelayMs: 0 },
  });

  const invocations = async (fn: string) =>
    (await axios.get(`${stack.emulator.url}/_emulator/functiongraph/invocations?function=${fn}`)).data.invocations;
  const asyncConfig = () => fgRequest(stack.emulator.url, "GET", functionPath(workerUrn, "/async-invoke-config"));
  const noChanges = async (extra: string[] = []) =>
    (await stack.project.run(["preview", "--expect-no-changes", ...extra], { allowFailure: true })).code;

  it("up creates the config and invokes the worker once; the Invocation's result is the worker's answer", async () => {
    await stack.project.up();
    const outs = await stack.project.outputs();
    workerUrn = outs.workerUrn;
    sinkUrn = outs.sinkUrn;
    expect(outs.smokeResult).toEqual({ message: "hello e2e", version: 1 });
    const config = await asyncConfig();
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      max_async_event_age_in_seconds: 600,
      max_async_retry_attempts: 2,
      destination_config: { on_failure: { destination: "FunctionGraph" } },
    });
    expect(JSON.parse(config.body.destination_config.on_failure.param)).toEqual({ func_urn: sinkUrn });
    const runs = await invocations("async-worker");
    expect(runs.map((r: { request_id: string; kind: string }) => [r.request_id, r.kind])).toEqual([
      [outs.smokeRequestId, "sync"],
    ]);
    expect(await noChanges()).toBe(0);
  });

  it("the config is live: a failing async invoke is retried twice and delivered to the sink", async () => {
    const queued = await fgRequest(stack.emulator.url, "POST", functionPath(workerUrn, "/invocations-async"), {
      fail: "order-1",
    });
    expect(queued.status).toBe(202);
    await axios.post(`${stack.emulator.url}/_emulator/functiongraph/async/drain`);
    const rec = (await invocations("async-worker")).find(
      (r: { request_id: string }) => r.request_id === queued.body.request_id,
    );
    expect(rec).toMatchObject({ status: "FAIL", attempts: 3, error_message: "worker refused order-1" });
    const [sinkRun] = await invocations("async-sink");
    expect(sinkRun.request_id).toBe(rec.deliveries[0].destination_request_id);
    expect(JSON.parse(sinkRun.result)).toEqual({ failed: queued.body.request_id, condition: "RetriesExhausted" });
  });

  it("a code change re-runs the Invocation (triggers wired to codeHash) without touching the config", async () => {
    const src = path.join(stack.project.dir, "app/index.js");
    fs.writeFileSync(src, fs.readFileSync(src, "utf8").replace("version: 1", "version: 2"));
    const preview = JSON.parse((await stack.project.run(["preview", "--json"])).stdout);
    const changed = preview.steps
      .filter((s: { op: string }) => s.op !== "same")
      .map((s: { op: string; urn: string }) => `${s.op} ${s.urn.split("::").pop()}`);
    expect(changed).toEqual(expect.arrayContaining(["update worker", "replace smoke"]));
    // The worker's funcUrn is unknown in preview; the config is never shown as a replacement.
    expect(changed.filter((c: string) => c.endsWith("worker-async") && !c.startsWith("update"))).toEqual([]);

    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    expect((await stack.project.outputs()).smokeResult).toEqual({ message: "hello e2e", version: 2 });
    const ops = countOps((await requestLog(stack.emulator.url)).filter((r) => r.platform === "functiongraph"));
    expect([ops.InvokeFunction, ops.UpdateFunctionAsyncInvokeConfig]).toEqual([1, undefined]);
    expect(await noChanges()).toBe(0);
  });

  it("refresh catches an out-of-band config change and up restores the declared config", async () => {
    const put = await fgRequest(stack.emulator.url, "PUT", functionPath(workerUrn, "/async-invoke-config"), {
      max_async_event_age_in_seconds: 600,
      max_async_retry_attempts: 0,
    });
    expect(put.status).toBe(200);
    expect(await noChanges(["--refresh"])).not.toBe(0);
    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/maxAsyncRetryAttempts/);
    expect(refresh.stdout).toMatch(/onFailure/);
    const diff = (await stack.project.run(["preview", "--diff"])).stdout;
    expect(diff).toMatch(/~ maxAsyncRetryAttempts\s*: 0 => 2/);
    expect(diff).not.toMatch(/smoke/); // reading an Invocation never re-invokes it
    await stack.project.up();
    expect((await asyncConfig()).body).toMatchObject({
      max_async_retry_attempts: 2,
      destination_config: { on_failure: { destination: "FunctionGraph" } },
    });
    expect(await noChanges(["--refresh"])).toBe(0);
  });

  it("an Invocation of a throwing function fails the up with the function's message and leaves state consistent", async () => {
    await stack.project.setConfig({ broken: "true" });
    const res = await stack.project.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    const text = res.stdout + res.stderr;
    expect(text).toMatch(/seed table missing/);
    expect(text).toMatch(/loading seed rows/);
    const state = JSON.parse(await stack.project.exportStack());
    const types = state.deployment.resources.map((r: { urn: string }) => r.urn.split("::").pop());
    expect(types).toContain("broken");
    expect(types).not.toContain("broken-smoke");
    await stack.project.run(["config", "rm", "broken"]);
    await stack.project.up();
    expect((await fgRequest(stack.emulator.url, "GET", functionPath("async-broken", "/config"))).status).toBe(404);
    expect(await noChanges()).toBe(0);
  });

  it("destroy removes the config and the functions", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await asyncConfig()).status).toBe(404);
    const store = stack.emulator.store.snapshot().platforms.functiongraph[pid] as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(store.asyncInvokeConfigs ?? {})).toEqual([]);
    expect(Object.keys(store.functions ?? {})).toEqual([]);
  });
});
