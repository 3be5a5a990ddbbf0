/**
 * With fault rules injecting 429s, 503s, dropped connections and lost create responses on a
 * share of calls, `up` of several functions still converges: nothing duplicated or orphaned,
 * and the next preview is clean.
 */
import axios from "axios";
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { e2eStack } from "../helpers/e2e-stack";
import { countOps, fgRequest, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/many-functions");
const COUNT = 6;

async function listNames(url: string): Promise<string[]> {
  const res = await fgRequest(
    url,
    "GET",
    `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs/functions?maxitems=400`,
  );
  return res.body.functions.map((f: any) => f.func_name).sort();
}

describe("convergence under injected faults", () => {
  const stack = e2eStack(PROGRAM, {
    // About a third of all calls fail below; give the provider's retry policy room, and keep it fast.
    extraEnv: { CLOUDFN_MAX_RETRIES: "10", CLOUDFN_RETRY_BASE_DELAY_MS: "50" },
    config: { count: String(COUNT) },
    after: () => axios.delete(`${stack.emulator.url}/_emulator/faults`),
  });

  it("up converges with exactly one function per resource", async () => {
    const rules = [
      { operation: "CreateFunction", dropAfter: true, times: 2 },
      { operation: "*", status: 503, errorCode: "FSS.0503", probability: 0.15 },
      { operation: "*", status: 429, errorCode: "APIG.0308", probability: 0.1 },
      { operation: "*", drop: true, probability: 0.1 },
    ];
    for (const rule of rules)
      await axios.post(`${stack.emulator.url}/_emulator/faults`, { platform: "functiongraph", ...rule });

    await stack.project.up();
    // Clear the rules before looking, so the test's own calls are not faulted.
    await axios.delete(`${stack.emulator.url}/_emulator/faults`);
    const ops = countOps((await requestLog(stack.emulator.url)).filter((r) => r.platform === "functiongraph"));
    // The faults really happened: more create attempts than functions.
    expect(ops.CreateFunction).toBeGreaterThan(COUNT);
    const expected = Array.from({ length: COUNT }, (_, i) => `many-${i}`).sort();
    expect(await listNames(stack.emulator.url)).toEqual(expected);

    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
  });

  it("destroy under faults leaves nothing behind", async () => {
    await axios.post(`${stack.emulator.url}/_emulator/faults`, {
      platform: "functiongraph",
      operation: "DeleteFunction",
      dropAfter: true,
      times: 2,
    });
    await axios.post(`${stack.emulator.url}/_emulator/faults`, {
      platform: "functiongraph",
      operation: "*",
      status: 503,
      errorCode: "FSS.0503",
      probability: 0.15,
    });
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    await axios.delete(`${stack.emulator.url}/_emulator/faults`);
    expect(await listNames(stack.emulator.url)).toEqual([]);
  });
});
