/**
 * The real Pulumi CLI on tests/e2e/programs/fg-events against an in-process emulator: an
 * APIG-triggered function answered over plain HTTP at the Trigger's `invokeUrl` output, and an
 * OBS-triggered function fired through the events control route, its result read back from
 * the emulator's invocation records.
 */
import * as path from "path";
import { e2eStack } from "../helpers/e2e-stack";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/fg-events");

async function post(url: string, body?: unknown): Promise<any> {
  const res = await fetch(url, {
    method: "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return res.status === 204 ? undefined : res.json();
}

describe("FunctionGraph events with the real engine", () => {
  let outs: Record<string, any>;
  const stack = e2eStack(PROGRAM);

  it("up creates both functions and triggers; the APIG trigger outputs its invoke URL", async () => {
    await stack.project.up();
    outs = await stack.project.outputs();
    expect(outs.invokeUrl).toBe(`${stack.emulator.url}/_emulator/functiongraph/apig/cloudfn-e2e-group/hello/{name}`);
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("the APIG-triggered function answers plain HTTP with its status, headers and body", async () => {
    const res = await fetch(String(outs.invokeUrl).replace("{name}", "pulumi"));
    expect([res.status, res.headers.get("x-greeting"), res.headers.get("content-type"), await res.text()]).toEqual([
      200,
      "hello",
      "text/plain",
      "hello pulumi",
    ]);
    expect((await fetch(String(outs.invokeUrl).replace("{name}", "x"), { method: "POST" })).status).toBe(404);
  });

  it("an OBS upload event fires the OBS-triggered function, whose result the invocation records hold", async () => {
    const events = `${stack.emulator.url}/_emulator/functiongraph/events/OBS`;
    expect((await post(events, { bucket: "cloudfn-e2e-photos", key: "raw/skip.png" })).fired).toEqual([]);
    const sent = await post(events, { bucket: "cloudfn-e2e-photos", key: "raw/cat.jpg", size: 1024 });
    expect(sent.fired).toHaveLength(1);
    await post(`${stack.emulator.url}/_emulator/functiongraph/async/drain`);
    const res = await fetch(`${stack.emulator.url}/_emulator/functiongraph/invocations?function=cloudfn-thumbs`);
    const records = ((await res.json()) as any).invocations;
    expect(records.map((r: any) => [r.request_id, r.source, r.status])).toEqual([
      [sent.fired[0].request_id, "OBS", "SUCCESS"],
    ]);
    expect(JSON.parse(records[0].result)).toEqual({ processed: ["ObjectCreated:Put cloudfn-e2e-photos/raw/cat.jpg"] });
  });

  it("destroy removes the triggers: the API is gone", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fetch(String(outs.invokeUrl).replace("{name}", "pulumi"))).status).toBe(404);
  });
});
