import * as fs from "fs";
import * as path from "path";
import {
  changedProperties,
  classifyPreview,
  classifyResource,
  managedFunctionNames,
  platformsOf,
  sameValue,
  SIG,
} from "./classify";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));
const T = (t: string) => `pulumi-nodejs:dynamic/cloudfn/${t}`;
const URN = (t: string, n: string) => `urn:pulumi:e2e::p::${T(t)}::${n}`;

describe("classifyPreview on saved `pulumi preview --refresh --json` output", () => {
  it("finds nothing on a stack that has not drifted", () => {
    expect(classifyPreview(fixture("fg-clean.json"))).toEqual([]);
  });

  it("finds a deleted function, a memory change and a disabled timer, ignoring timestamps and archive form", () => {
    const found = classifyPreview(fixture("fg-drifted.json"));
    expect(found.map((f) => [f.name, f.cause])).toEqual([
      ["sink", "deleted"],
      ["core", "config"],
      ["tick", "config"],
    ]);
    expect(found[1].changes).toEqual([
      { property: "cpu", old: 300, new: 600 },
      { property: "memorySize", old: 128, new: 512 },
    ]);
    expect(found[2].changes).toEqual([{ property: "status", old: "ACTIVE", new: "DISABLED" }]);
  });

  it("finds nothing on a clean stack of all three platforms (Invocations included)", () => {
    expect(classifyPreview(fixture("three-platforms-clean.json"))).toEqual([]);
  });

  it("on all three platforms: a MinApp console edit and a LeanCloud out-of-band deploy are code; Invocations the edit re-plans are not drift", () => {
    const found = classifyPreview(fixture("three-platforms-drifted.json"));
    expect(found.map((f) => `${f.type} ${f.name} ${f.cause} ${f.changes.map((c) => c.property).join(",")}`)).toEqual([
      "functiongraph:Function api config cpu,memorySize",
      "minapp:CloudFunction hello code codeHash,source",
      "functiongraph:Function spare deleted ",
      "leancloud:EngineDeployment engine code codeHash,version",
      "functiongraph:Trigger tick config status",
    ]);
    const hello = found[1].changes.find((c) => c.property === "source")!;
    expect(String(hello.new)).toBe(`${String(hello.old)}\n// edited in the console\n`);
    expect(found[3].changes[0].new).toBe(`drift:${String(found[3].changes[1].new)}`);
  });

  it("finds nothing on a clean stack of every resource type (dependency, workflow, async config, secret variables)", () => {
    expect(classifyPreview(fixture("all-resources-clean.json"))).toEqual([]);
  });

  it("on every resource type: a workflow edit, async retries and a console variable are configuration; the code manifest is never a finding", () => {
    const found = classifyPreview(fixture("all-resources-drifted.json"));
    expect(
      found.map((f) => `${f.type} ${f.name} ${f.cause} ${f.changes.map((c) => c.property).join(",")}`).sort(),
    ).toEqual([
      "functiongraph:AsyncInvokeConfig api-async config maxAsyncRetryAttempts",
      "functiongraph:Function api config cpu,memorySize",
      "functiongraph:Function spare deleted ",
      "functiongraph:Trigger tick config status",
      "functiongraph:Workflow flow config constants",
      "leancloud:EngineDeployment engine code codeHash,version",
      "leancloud:EngineEnvironmentVariables vars config variables",
      "minapp:CloudFunction hello code codeHash,source",
    ]);
    const flow = found.find((f) => f.name === "flow")!.changes[0];
    expect([flow.old, flow.new]).toEqual([{}, { injected: "yes" }]);
    const vars = found.find((f) => f.name === "vars")!.changes[0];
    expect([vars.old, vars.new]).toEqual([{ GREETING: "Hello" }, { GREETING: "Howdy" }]);
  });

  it("knows the managed function names and the platforms in use", () => {
    const preview = fixture("fg-drifted.json");
    expect([...managedFunctionNames(preview).functiongraph].sort()).toEqual(["stack-core", "stack-sink"]);
    expect([...platformsOf(preview)]).toEqual(["functiongraph"]);
  });

  it("counts each profile's names and platforms apart (none: the resources without one)", () => {
    const refreshed = (type: string, name: string, profile?: string) => ({
      op: "refresh",
      urn: URN(type, name),
      oldState: { type: T(type), custom: true, outputs: { name, ...(profile ? { profile } : {}) } },
    });
    const preview = {
      steps: [
        refreshed("functiongraph:Function", "api"),
        refreshed("functiongraph:Function", "api-south", "south"),
        refreshed("minapp:CloudFunction", "mini_south", "south"),
      ],
    };
    expect(managedFunctionNames(preview)).toEqual({ functiongraph: new Set(["api"]), minapp: new Set() });
    expect([...platformsOf(preview)]).toEqual(["functiongraph"]);
    expect(managedFunctionNames(preview, "south")).toEqual({
      functiongraph: new Set(["api-south"]),
      minapp: new Set(["mini_south"]),
    });
    expect([...platformsOf(preview, "south")]).toEqual(["functiongraph", "minapp"]);
    expect([...platformsOf(preview, "north")]).toEqual([]);
  });
});

describe("classifyPreview with replacements the program asks for", () => {
  it("on a saved preview where the program renames the edited workflow and the deleted function: the same findings", () => {
    const renamed = classifyPreview(fixture("all-resources-drifted-renamed.json"));
    const summary = (found: typeof renamed) =>
      found.map((f) => `${f.name} ${f.cause} ${f.changes.map((c) => c.property).join(",")}`).sort();
    expect(summary(renamed)).toEqual(summary(classifyPreview(fixture("all-resources-drifted.json"))));
    expect(
      renamed
        .filter((f) => f.name === "flow" || f.name === "spare")
        .map((f) => f.cause)
        .sort(),
    ).toEqual(["config", "deleted"]);
  });

  // Pulumi 3.248's preview JSON folds a replacement into one `replace` step; should a CLI list
  // its parts (create-replacement, replace, delete-replaced), the result must be the same.
  const state = (t: string, outputs: Record<string, unknown>) => ({ type: T(t), custom: true, outputs });
  const flowUrn = URN("functiongraph:Workflow", "flow");
  const spareUrn = URN("functiongraph:Function", "spare");
  const steps = (refreshedFlow: Record<string, unknown>) => [
    { op: "refresh", urn: flowUrn, oldState: state("functiongraph:Workflow", { name: "f1", constants: {} }) },
    { op: "refresh", urn: spareUrn, oldState: state("functiongraph:Function", { name: "s1" }) },
    // drift-spare is gone (the refresh dropped it): a plain create, even though it was renamed.
    { op: "create", urn: spareUrn },
    { op: "create-replacement", urn: flowUrn, oldState: state("functiongraph:Workflow", refreshedFlow) },
    { op: "replace", urn: flowUrn, oldState: state("functiongraph:Workflow", refreshedFlow) },
    { op: "delete-replaced", urn: flowUrn, oldState: state("functiongraph:Workflow", refreshedFlow) },
  ];

  it("a replaced resource that did not drift is no finding (not a delete); a deleted one is one delete", () => {
    expect(classifyPreview({ steps: steps({ name: "f1", constants: {} }) }).map((f) => [f.name, f.cause])).toEqual([
      ["spare", "deleted"],
    ]);
  });

  it("a replaced resource that drifted is reported once, with its refreshed change", () => {
    const found = classifyPreview({ steps: steps({ name: "f1", constants: { injected: "yes" } }) });
    expect(found.map((f) => `${f.name} ${f.cause} ${f.changes.map((c) => c.property).join(",")}`)).toEqual([
      "spare deleted ",
      "flow config constants",
    ]);
  });
});

describe("classifyResource", () => {
  it("reports a console code edit of a FunctionGraph function as code, with its digest", () => {
    const before = { codeHash: "abc", digest: "d1", codeSize: 10, lastModified: "t1", memorySize: 128 };
    const after = { codeHash: "drift:d2", digest: "d2", codeSize: 12, lastModified: "t2", memorySize: 128 };
    expect(classifyResource(URN("functiongraph:Function", "f"), T("functiongraph:Function"), before, after)).toEqual([
      {
        cause: "code",
        name: "f",
        type: "functiongraph:Function",
        urn: URN("functiongraph:Function", "f"),
        changes: [
          { property: "codeHash", old: "abc", new: "drift:d2" },
          { property: "codeSize", old: 10, new: 12 },
          { property: "digest", old: "d1", new: "d2" },
        ],
      },
    ]);
  });

  it("reports a MinApp source edit as code and a remark edit as configuration, separately", () => {
    const before = { source: "a", codeHash: "h1", remark: "x", updatedAt: 1, auditStatus: "approved" };
    const after = { source: "b", codeHash: "h2", remark: "y", updatedAt: 2, auditStatus: "pending" };
    const found = classifyResource(URN("minapp:CloudFunction", "fn"), T("minapp:CloudFunction"), before, after);
    expect(found.map((f) => [f.cause, f.changes.map((c) => c.property)])).toEqual([
      ["code", ["codeHash", "source"]],
      ["config", ["remark"]],
    ]);
  });

  it("reports an out-of-band LeanCloud deploy as code (version and functions with it)", () => {
    const before = { codeHash: "h", version: "v1", functions: ["a"], environment: "production" };
    const after = { codeHash: "drift:v2", version: "v2", functions: ["a", "b"], environment: "production" };
    const [f] = classifyResource(
      URN("leancloud:EngineDeployment", "prod"),
      T("leancloud:EngineDeployment"),
      before,
      after,
    );
    expect(f.cause).toBe("code");
    expect(f.changes.map((c) => c.property)).toEqual(["codeHash", "functions", "version"]);
  });

  it("never reports Invocations, even when their recorded result differs", () => {
    for (const t of ["functiongraph:Invocation", "minapp:Invocation", "leancloud:Invocation"]) {
      expect(classifyResource(URN(t, "i"), T(t), { result: 1 }, { result: 2 })).toEqual([]);
      expect(classifyResource(URN(t, "i"), T(t), { result: 1 }, undefined)).toEqual([]);
    }
  });

  it("reports nothing when only key order, timestamps or etags differ", () => {
    const before = { timer: { a: 1, b: [1, { c: 2 }] }, lastUpdatedTime: "1", etag: "e1" };
    const after = { lastUpdatedTime: "2", timer: { b: [1, { c: 2 }], a: 1 }, etag: "e2" };
    expect(classifyResource(URN("functiongraph:Trigger", "t"), T("functiongraph:Trigger"), before, after)).toEqual([]);
  });
});

describe("sameValue / changedProperties", () => {
  it("compares archives by content hash whatever their recorded form, and sees a real content change", () => {
    const byPath = { [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", hash: "h1", path: "./app" };
    const byAssets = { [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", hash: "h1", assets: {} };
    expect(sameValue(byPath, byAssets)).toBe(true);
    expect(sameValue(byPath, { ...byAssets, hash: "h2" })).toBe(false);
  });

  it("treats an absent and an undefined property alike, but not null", () => {
    expect(changedProperties({ a: undefined }, {})).toEqual([]);
    expect(changedProperties({ a: null }, {})).toEqual([{ property: "a", old: null, new: undefined }]);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: [1] }, { a: { 0: 1 } })).toBe(false);
  });
});
