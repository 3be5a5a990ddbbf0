/**
 * The real Pulumi CLI on examples/leancloud-basic, installed from the packed tarball, against an
 * in-process emulator whose engines run the real leanengine SDK. One story told in order:
 * deploy to staging and production, call both, RPC, change a variable, change the code, catch
 * an out-of-band deploy with refresh, function errors, bad inputs at preview, destroy.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { writeProject } from "../../emulator/testing/leancloud-projects";
import { ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import {
  clearRequests,
  count,
  deployOutOfBand,
  groupVariables,
  initLeanCloudStack,
  lcOperations,
} from "../helpers/leancloud-e2e";

jest.setTimeout(10 * 60 * 1000);
const EXAMPLE = path.resolve(__dirname, "../../examples/leancloud-basic");

describe("LeanCloud resources with the real engine", () => {
  const stack = e2eStack(EXAMPLE, {
    emulator: { leancloudFunctionTimeoutMs: 2000 },
    init: () => initLeanCloudStack(stack.project, stack.emulator),
  });
  const noChanges = async () =>
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  const failingUp = async (extra: string[]) => {
    const res = await stack.project.run(["up", "--yes", "--skip-preview", ...extra], { allowFailure: true });
    expect(res.code).not.toBe(0);
    return res.stdout + res.stderr;
  };

  it("type-checks the example against the installed package's typings", () => {
    const tsc = path.join(ensureInstalled(), "typescript/bin/tsc");
    const res = spawnSync("node", [tsc, "--noEmit", "-p", stack.project.dir], { encoding: "utf8" });
    expect(res.stdout + res.stderr).toBe("");
  });

  it("up deploys to staging and production and each environment answers differently; RPC decodes", async () => {
    await clearRequests(stack.emulator);
    await stack.project.up();
    const out = await stack.project.outputs();
    expect(out.stagingAnswer).toBe("Hello, cloudfn (stage)");
    expect(out.productionAnswer).toBe("Hello, cloudfn (production)");
    expect(out.planned).toEqual({
      className: "Todo",
      objectId: "planned-1",
      title: "write docs",
      due: "2026-12-31T00:00:00.000Z",
      dueIsDate: true,
    });
    expect(out.functions).toEqual(["fail", "hello", "planTodo", "slow"]);
    expect([out.stagingVersion, out.productionVersion]).toEqual([
      expect.stringMatching(/^\d{8}-\d{6}/),
      expect.stringMatching(/^\d{8}-\d{6}/),
    ]);
    const ops = await lcOperations(stack.emulator);
    expect([
      count(ops, "DeployEngine"),
      count(ops, "CallFunction"),
      count(ops, "CallFunctionRpc"),
      count(ops, "UpdateEnvironmentVariables"),
    ]).toEqual([2, 2, 1, 1]);
    expect(await groupVariables(stack.emulator)).toEqual({ GREETING: "Hello" });
    await noChanges();
  });

  it("a variable change writes the variables and calls again, without redeploying", async () => {
    await clearRequests(stack.emulator);
    await stack.project.up(["-c", "greeting=Hi"]);
    const ops = await lcOperations(stack.emulator);
    expect([
      count(ops, "DeployEngine"),
      count(ops, "UpdateEnvironmentVariables"),
      count(ops, "CallFunction"),
      count(ops, "CallFunctionRpc"),
    ]).toEqual([0, 1, 2, 0]);
    expect((await stack.project.outputs()).productionAnswer).toBe("Hi, cloudfn (production)");
    await noChanges();
  });

  it("a code change redeploys both environments, and only then", async () => {
    fs.appendFileSync(path.join(stack.project.dir, "engine/cloud.js"), "\nAV.Cloud.define('added', () => 'new');\n");
    const diff = (await stack.project.run(["preview", "--diff"])).stdout;
    expect(diff).toMatch(/~ code/);
    expect(diff).not.toMatch(/~ .*vars/);
    await clearRequests(stack.emulator);
    await stack.project.up();
    const ops = await lcOperations(stack.emulator);
    expect(count(ops, "DeployEngine")).toBe(2);
    expect(count(ops, "UpdateEnvironmentVariables")).toBe(0);
    expect((await stack.project.outputs()).functions).toEqual(["added", "fail", "hello", "planTodo", "slow"]);
    await noChanges();
  });

  it("refresh catches a deploy made outside Pulumi, and up puts the declared code back", async () => {
    const before = (await stack.project.outputs()).stagingVersion;
    const oob = await deployOutOfBand(
      stack.emulator,
      writeProject({ "cloud.js": "require('leanengine').Cloud.define('hello', () => 'hijacked');" }),
      0,
    );
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).not.toBe(0);
    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(new RegExp(`~ version\\s*: "${before}" => "${oob}"`));
    expect(refresh.stdout).toContain(`=> "drift:${oob}"`);
    await clearRequests(stack.emulator);
    await stack.project.up();
    expect(count(await lcOperations(stack.emulator), "DeployEngine")).toBe(1);
    const out = await stack.project.outputs();
    expect(out.stagingAnswer).toBe("Hi, cloudfn (stage)");
    expect([oob, before]).not.toContain(out.stagingVersion);
    await noChanges();
  });

  it("function errors fail the up with LeanCloud's code and leave the state consistent", async () => {
    expect(await failingUp(["-c", "probeFunction=nope"])).toMatch(
      /LeanCloud code 1, HTTP 404: No such cloud function 'nope'/,
    );
    expect(await failingUp(["-c", "probeFunction=fail"])).toMatch(
      /LeanCloud code 4242, HTTP 400: the order is not valid/,
    );
    expect(await failingUp(["-c", "probeFunction=slow"])).toMatch(
      /LeanCloud code 124, HTTP 503: The request timed out on the server/,
    );
    await stack.project.run(["config", "set", "--secret", "cloudfn:leancloudAppKey", "wrong-app-key"]);
    expect(await failingUp(["-c", "probeFunction=hello"])).toMatch(/LeanCloud code 401, HTTP 401: Unauthorized\./);
    await stack.project.run(["config", "set", "--secret", "cloudfn:leancloudAppKey", stack.emulator.leancloud.appKey]);
    const state = JSON.parse(await stack.project.exportStack());
    expect(state.deployment.resources.filter((r: any) => r.urn.endsWith("::probe"))).toEqual([]);
    expect(state.deployment.pending_operations ?? []).toEqual([]);
    await stack.project.run(["config", "rm", "probeFunction"]);
    await noChanges();
  });

  it("bad inputs fail at preview naming each property, with zero API calls", async () => {
    await stack.project.setConfig({ probeFunction: "a/b", probeParams: "{not json", probeEnvironment: "prod" });
    await clearRequests(stack.emulator);
    const res = await stack.project.run(["preview"], { allowFailure: true });
    const text = res.stdout + res.stderr;
    expect(res.code).not.toBe(0);
    expect(text).toMatch(/name must be one URL path segment: no "\/"/);
    expect(text).toMatch(/params must be JSON/);
    expect(text).toMatch(/environment must be one of production, staging; got "prod"; did you mean "production"\?/);
    expect(await lcOperations(stack.emulator)).toEqual([]);
    await stack.project.run(["config", "rm-all", "probeFunction", "probeParams", "probeEnvironment"]);
  });

  it("state holds no keys or tokens and small provider shims", async () => {
    const exported = await stack.project.exportStack();
    for (const secret of [
      stack.emulator.leancloud.appKey,
      stack.emulator.leancloud.masterKey,
      stack.emulator.leancloud.consoleToken,
    ])
      expect(exported).not.toContain(secret);
    const state = JSON.parse(exported);
    for (const r of state.deployment.resources.filter((x: any) =>
      x.type.startsWith("pulumi-nodejs:dynamic/cloudfn/leancloud"),
    )) {
      expect(r.outputs.__provider.length).toBeLessThan(4096);
    }
  });

  it("destroy removes the owned variables and calls nothing", async () => {
    await clearRequests(stack.emulator);
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    const ops = await lcOperations(stack.emulator);
    expect(ops.filter((o) => /CallFunction|DeployEngine/.test(o))).toEqual([]);
    expect(await groupVariables(stack.emulator)).toEqual({});
  });
});
