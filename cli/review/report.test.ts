import { manifestOf } from "../../provider/core/code-manifest";
import { codeChanges } from "./code-changes";
import { buildReview, type PreviewStep } from "./report";
import { renderValue } from "./values";

const manifest = (entries: Record<string, string>) =>
  manifestOf(new Map(Object.entries(entries).map(([p, t]) => [p, Buffer.from(t)])));
const FN = "pulumi-nodejs:dynamic/cloudfn/functiongraph:Function";
const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

describe("code changes", () => {
  it("tells added, removed and modified files apart, with a unified diff of texts", () => {
    const c = codeChanges(
      manifest({ "a.js": "1\n", "b.js": "same\n", "c.js": "gone\n" }),
      manifest({ "a.js": "2\n", "b.js": "same\n", "d.js": "new\n" }),
      false,
    )!;
    expect(c.files.map((f) => [f.status, f.path])).toEqual([
      ["modified", "a.js"],
      ["removed", "c.js"],
      ["added", "d.js"],
    ]);
    expect(c.files[0].patch).toBe("--- a/a.js\n+++ b/a.js\n@@ -1,1 +1,1 @@\n-1\n+2");
  });

  it("lists a create's files without diffs, and says when the old list is missing or the code unknown", () => {
    expect(codeChanges(undefined, manifest({ "a.js": "1" }), true)!.files).toEqual([
      { path: "a.js", status: "added", newSize: 1 },
    ]);
    expect(codeChanges(undefined, manifest({ "a.js": "1" }), false)!.note).toMatch(/no file list was recorded/);
    expect(codeChanges(manifest({ "a.js": "1" }), undefined, false)!.note).toMatch(/not known until the update/);
    expect(codeChanges(manifest({ "a.js": "1" }), "[secret]", false)!.files).toEqual([]);
  });

  it("shows no diff when a text was not kept (binary or too big)", () => {
    const bin = (b: number[]) => manifestOf(new Map([["x.bin", Buffer.from(b)]]));
    expect(codeChanges(bin([0, 1]), bin([0, 2]), false)!.files).toEqual([
      { path: "x.bin", status: "modified", oldSize: 2, newSize: 2 },
    ]);
  });
});

describe("values", () => {
  it("masks secrets (marker, engine text, declared), summarises text, keeps both ends of long values", () => {
    expect(renderValue({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "pw" })).toBe(
      "[secret]",
    );
    expect(renderValue("[secret]")).toBe("[secret]");
    expect(renderValue("plain", true)).toBe("[secret]");
    expect(renderValue({ A: "1", B: "[secret]" })).toBe('{"A":"1","B":"[secret]"}');
    expect(renderValue("a\nb\n")).toBe("(2 lines, 4 B)");
    expect(renderValue("04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe("(known after update)");
    const long = renderValue("s".repeat(60) + "e".repeat(60));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.startsWith('"sss')).toBe(true);
    expect(long.endsWith('eee"')).toBe(true);
  });
});

describe("buildReview", () => {
  it("groups a replacement's steps, names the properties that force it, and skips the stack and unchanged resources", () => {
    const oldState = { type: FN, inputs: { name: "a", runtime: "Node.js18.15", timeout: 30, __provider: "x" } };
    const newState = { type: FN, inputs: { name: "a", runtime: "Node.js20.15", timeout: 60, __provider: "y" } };
    const steps: PreviewStep[] = [
      { op: "same", urn: urn("pulumi:pulumi:Stack", "proj-dev") },
      { op: "create-replacement", urn: urn(FN, "f"), oldState, newState },
      { op: "replace", urn: urn(FN, "f"), oldState, newState },
      { op: "delete-replaced", urn: urn(FN, "f"), oldState, newState },
      { op: "same", urn: urn(FN, "g") },
    ];
    const review = buildReview({ steps, changeSummary: { same: 2, replace: 1 } });
    expect(review.summary).toEqual({ create: 0, update: 0, replace: 1, delete: 0, unchanged: 1 });
    expect(review.resources).toEqual(
      [
        {
          urn: urn(FN, "f"),
          name: "f",
          type: "cloudfn:functiongraph:Function",
          operation: "replace",
          replaceBecause: ["runtime"],
          properties: [
            { name: "runtime", old: "Node.js18.15", new: "Node.js20.15" },
            { name: "timeout", old: 30, new: 60 },
          ],
          code: undefined,
        },
      ].map(({ code, ...r }) => r),
    );
  });

  it("masks a resource's declared secrets even when the JSON shows a value", () => {
    const type = "pulumi-nodejs:dynamic/cloudfn/leancloud:Invocation";
    const steps: PreviewStep[] = [
      {
        op: "update",
        urn: urn(type, "i"),
        oldState: { type, inputs: { sessionToken: "t1" } },
        newState: { type, inputs: { sessionToken: "t2" } },
      },
    ];
    expect(buildReview({ steps }).resources[0].properties).toEqual([
      { name: "sessionToken", old: "[secret]", new: "[secret]" },
    ]);
  });
});
