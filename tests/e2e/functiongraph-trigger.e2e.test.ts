/**
 * The real Pulumi CLI on tests/e2e/programs/timer-trigger (a function + a TIMER trigger),
 * installed from the packed tarball, against an in-process emulator on the system clock.
 * One story told in order: each step builds on the state the last one left.
 */
import axios from "axios";
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { e2eStack } from "../helpers/e2e-stack";
import { clearRequestLog, countOps, fgRequest, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/timer-trigger");
const pid = EMULATOR_DEFAULTS.functiongraph.projectId;
const triggerPath = (key: string) => `/v2/${pid}/fgs/triggers/${key}`;
const advance = async (url: string, seconds: number) =>
  (await axios.post(`${url}/_emulator/clock/advance`, { seconds })).data;
const fgOps = async (url: string) => countOps((await requestLog(url)).filter((r) => r.platform === "functiongraph"));

describe("functiongraph.Trigger (TIMER) with the real engine", () => {
  let key: string;
  const stack = e2eStack(PROGRAM);

  it("up creates the function and its timer; preview right after shows no changes", async () => {
    await stack.project.up();
    const outs = await stack.project.outputs();
    key = outs.triggerKey;
    expect(key).toMatch(new RegExp(`^${outs.functionUrn}/TIMER/[0-9a-f-]{36}$`));
    const live = await fgRequest(stack.emulator.url, "GET", triggerPath(key));
    expect(live.body).toMatchObject({
      trigger_type_code: "TIMER",
      trigger_status: "ACTIVE",
      event_data: { name: "every-5m", schedule_type: "Rate", schedule: "5m", user_event: "tick" },
    });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("the timer fires after a clock advance and the invocation is recorded", async () => {
    const adv = await advance(stack.emulator.url, 300);
    expect(adv.fired).toHaveLength(1);
    expect(adv.fired[0]).toMatchObject({ trigger: key, invocation: { outcome: "success" } });
    expect(JSON.parse(adv.fired[0].invocation.result).got).toMatchObject({
      version: "v1.0",
      trigger_type: "TIMER",
      trigger_name: "every-5m",
      user_event: "tick",
    });
    const state = (await axios.get(`${stack.emulator.url}/_emulator/state`)).data;
    const recorded = state.platforms.functiongraph[pid].invocations.filter((i: any) => i.source === "TIMER");
    expect(recorded.map((i: any) => [i.trigger_id, i.request_id])).toEqual([
      [key.split("/").pop(), adv.fired[0].invocation.request_id],
    ]);
  });

  it("status DISABLED previews as an in-place update, applies with one UpdateTrigger, and stops the timer", async () => {
    await stack.project.setConfig({ status: "DISABLED" });
    const steps = JSON.parse((await stack.project.run(["preview", "--json"])).stdout).steps.filter(
      (s: any) => s.op !== "same",
    );
    expect(steps.map((s: any) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "every-5m"]]);
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const ops = await fgOps(stack.emulator.url);
    expect([ops.UpdateTrigger, ops.CreateFunctionTrigger, ops.DeleteFunctionTrigger]).toEqual([
      1,
      undefined,
      undefined,
    ]);
    expect((await fgRequest(stack.emulator.url, "GET", triggerPath(key))).body.trigger_status).toBe("DISABLED");
    expect((await advance(stack.emulator.url, 900)).fired).toEqual([]);
  });

  it("an out-of-band re-enable is caught by refresh", async () => {
    const put = await fgRequest(stack.emulator.url, "PUT", triggerPath(key), { trigger_status: "ACTIVE" });
    expect(put.status).toBe(200);
    const drift = await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true });
    expect(drift.code).not.toBe(0);
    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/status\s*:\s*"DISABLED" => "ACTIVE"/);
  });

  it("an invalid schedule fails at preview naming the property, with zero API calls", async () => {
    await stack.project.setConfig({ schedule: "61m" });
    await clearRequestLog(stack.emulator.url);
    const res = await stack.project.run(["preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(
      /timer\.schedule: a Rate schedule in minutes must be at most 60m; got "61m"/,
    );
    expect((await requestLog(stack.emulator.url)).filter((r) => r.platform === "functiongraph")).toEqual([]);
    await stack.project.run(["config", "rm", "schedule"]);
  });

  it("destroy removes the trigger and the function", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(stack.emulator.url, "GET", `/v2/${pid}/fgs/triggers`)).body.triggers).toEqual([]);
    expect((await fgRequest(stack.emulator.url, "GET", `/v2/${pid}/fgs/functions`)).body.functions).toEqual([]);
  });
});
