/**
 * Adopting an existing FunctionGraph TIMER trigger and workflow with the real engine: the
 * function, a DISABLED timer and a workflow are created out of band through the emulator's API;
 * `up` of a program declaring them with `adopt: true` makes no create call, enables the timer and
 * updates the workflow's description (the only differences), and `preview` is clean afterwards,
 * with and without the flag.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { archiveToZip } from "../../provider/core/archive";
import { toWire } from "../../provider/functiongraph/workflow/flow";
import { e2eStack } from "../helpers/e2e-stack";
import { clearRequestLog, countOps, fgRequest, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/adopt-fg-others");
const fg = EMULATOR_DEFAULTS.functiongraph;
const fgs = (p: string) => `/v2/${fg.projectId}/fgs${p}`;

describe("adopting an existing TIMER trigger and workflow with the real engine", () => {
  let live: { funcUrn: string; triggerId: string; workflowUrn: string };
  const stack = e2eStack(PROGRAM, { before: createOutOfBand });

  /** The objects someone else made: signed API calls, the way the console or another tool would. */
  async function createOutOfBand() {
    const zip = await archiveToZip(new pulumi.asset.FileArchive(path.join(PROGRAM, "fg")));
    const fn = await fgRequest(stack.emulator.url, "POST", fgs("/functions"), {
      func_name: "host-fn",
      package: "default",
      runtime: "Node.js18.15",
      handler: "index.handler",
      memory_size: 128,
      timeout: 30,
      description: "made by hand",
      code_type: "zip",
      code_filename: "index.zip",
      func_code: { file: zip.toString("base64") },
    });
    expect(fn.status).toBe(200);
    const funcUrn = fn.body.func_urn as string;
    const trigger = await fgRequest(stack.emulator.url, "POST", fgs(`/triggers/${funcUrn}`), {
      trigger_type_code: "TIMER",
      trigger_status: "DISABLED",
      event_data: { name: "nightly", schedule_type: "Cron", schedule: "0 0 3 * * *" },
    });
    expect(trigger.status).toBe(201);
    const flow = await fgRequest(
      stack.emulator.url,
      "POST",
      fgs("/workflows"),
      toWire({
        name: "orders_flow",
        description: "old",
        mode: "NORMAL",
        start: "a",
        functions: [{ name: "fn", functionUrn: funcUrn }],
        states: [
          { id: "a", type: "Operation", transition: "b", actions: [{ functionRef: { refName: "fn" } }] },
          { id: "b", type: "End" },
        ],
      }),
    );
    expect(flow.status).toBe(201);
    live = { funcUrn, triggerId: trigger.body.trigger_id, workflowUrn: flow.body.workflow_urn };
  }

  it("up makes no create call and updates only the timer status and workflow description; preview is clean, also without the flag", async () => {
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const ops = countOps(await requestLog(stack.emulator.url));
    for (const create of ["CreateFunction", "CreateFunctionTrigger", "CreateWorkflow"])
      expect(ops).not.toHaveProperty(create);
    expect(ops).toMatchObject({ UpdateTrigger: 1, UpdateWorkFlow: 1 });
    expect(ops).not.toHaveProperty("UpdateFunctionCode");
    expect(await stack.project.outputs()).toEqual({
      triggerId: live.triggerId,
      triggerStatus: "ACTIVE",
      workflowUrn: live.workflowUrn,
    });
    const trigger = await fgRequest(
      stack.emulator.url,
      "GET",
      fgs(`/triggers/${live.funcUrn}/TIMER/${live.triggerId}`),
    );
    expect(trigger.body).toMatchObject({ trigger_status: "ACTIVE" });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
    await stack.project.setConfig({ adopt: "false" });
    const after = await stack.project.run(["preview", "--diff", "--expect-no-changes"], { allowFailure: true });
    expect(after.code).toBe(0);
  });
});
