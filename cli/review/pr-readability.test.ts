/** What keeps a review short and honest in a pull request: dependencies, hidden inputs, Invocations, typed JSON. */
import { manifestOf } from "../../provider/core/code-manifest";
import { codeChanges } from "./code-changes";
import { packageOf } from "./dependencies";
import { renderFailureMarkdown, renderMarkdown } from "./markdown";
import { buildReview, type PreviewStep } from "./report";
import { shownValue } from "./values";

const manifest = (entries: Record<string, string>) =>
  manifestOf(new Map(Object.entries(entries).map(([p, t]) => [p, Buffer.from(t)])));
const pkg = (name: string, version: string) => JSON.stringify({ name, version });
const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

describe("dependency changes", () => {
  it("summarises node_modules as package old → new and keeps diffs for the user's own files only", () => {
    const before = manifest({
      "index.js": "a\n",
      "package-lock.json": "{}",
      "node_modules/left-pad/package.json": pkg("left-pad", "1.0.0"),
      "node_modules/left-pad/index.js": "1\n",
      "node_modules/@s/old/package.json": pkg("@s/old", "2.0.0"),
    });
    const after = manifest({
      "index.js": "b\n",
      "package-lock.json": '{"lockfileVersion":3}',
      "node_modules/left-pad/package.json": pkg("left-pad", "1.1.0"),
      "node_modules/left-pad/index.js": "2\n",
      "node_modules/@s/new/package.json": pkg("@s/new", "0.1.0"),
    });
    const c = codeChanges(before, after, false)!;
    expect(c.files.map((f) => [f.path, f.patch !== undefined])).toEqual([
      ["index.js", true],
      ["package-lock.json", false],
    ]);
    expect(c.dependencies).toEqual([
      { name: "@s/new", status: "added", new: "0.1.0" },
      { name: "@s/old", status: "removed", old: "2.0.0" },
      { name: "left-pad", status: "changed", old: "1.0.0", new: "1.1.0" },
    ]);
    const step: PreviewStep = {
      op: "update",
      urn: urn("pulumi-nodejs:dynamic/cloudfn/minapp:CloudFunction", "fn"),
      oldState: { type: "pulumi-nodejs:dynamic/cloudfn/minapp:CloudFunction", inputs: { __codeManifest: before } },
      newState: { type: "pulumi-nodejs:dynamic/cloudfn/minapp:CloudFunction", inputs: { __codeManifest: after } },
    };
    const md = renderMarkdown(buildReview({ steps: [step] }));
    expect(md).toContain("- `left-pad` 1.0.0 → 1.1.0");
    expect(md).toContain("- added `@s/new` 0.1.0");
    expect(md).not.toContain("node_modules/left-pad/index.js");
  });

  it("takes versions from the lockfile when the package's own package.json was not kept", () => {
    const lock = (v: string) => JSON.stringify({ packages: { "node_modules/ms": { version: v } } });
    const c = codeChanges(
      manifest({ "package-lock.json": lock("2.1.2"), "node_modules/ms/index.js": "1" }),
      manifest({ "package-lock.json": lock("2.1.3"), "node_modules/ms/index.js": "2" }),
      false,
    )!;
    expect(c.dependencies).toEqual([{ name: "ms", status: "changed", old: "2.1.2", new: "2.1.3" }]);
  });

  it("names packages, nested copies included", () => {
    expect(packageOf("node_modules/a/x.js")).toBe("a");
    expect(packageOf("node_modules/@s/b/lib/x.js")).toBe("@s/b");
    expect(packageOf("node_modules/a/node_modules/c/x.js")).toBe("a/node_modules/c");
    expect(packageOf("src/x.js")).toBeUndefined();
    expect(packageOf("my_node_modules/a/x.js")).toBeUndefined();
  });
});

describe("what a review leaves out or words differently", () => {
  it("hides check-computed hashes like encryptedEnvironmentHash but lists the secret input itself", () => {
    const type = "pulumi-nodejs:dynamic/cloudfn/functiongraph:Function";
    const review = buildReview({
      steps: [
        {
          op: "update",
          urn: urn(type, "f"),
          oldState: { type, inputs: { memorySize: 128, encryptedEnvironmentHash: "aa", __provider: "x" } },
          newState: {
            type,
            inputs: {
              memorySize: 256,
              encryptedEnvironment: { A: "1" },
              encryptedEnvironmentHash: "bb",
              __provider: "y",
            },
          },
        },
      ],
    });
    expect(review.resources[0].properties.map((p) => p.name)).toEqual(["encryptedEnvironment", "memorySize"]);
  });

  it("says an Invocation whose inputs changed runs again", () => {
    const type = "pulumi-nodejs:dynamic/cloudfn/minapp:Invocation";
    const state = (data: number) => ({ type, inputs: { functionName: "f", data } });
    const steps: PreviewStep[] = ["create-replacement", "replace", "delete-replaced"].map((op) => ({
      op,
      urn: urn(type, "warmup"),
      oldState: state(1),
      newState: state(2),
    }));
    const md = renderMarkdown(buildReview({ steps }));
    expect(md).toContain("### +- runs again `warmup` (cloudfn:minapp:Invocation)");
    expect(md).not.toContain("cannot change in place");
  });

  it("gives JSON values their types, with secrets and unknowns as markers", () => {
    expect(shownValue(128)).toBe(128);
    expect(
      shownValue({ A: "1", B: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" } }),
    ).toEqual({
      A: "1",
      B: "[secret]",
    });
    expect(shownValue("pw", true)).toBe("[secret]");
    expect(shownValue("04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe("(known after update)");
  });

  it("renders a failed preview as a report that quotes the engine's error", () => {
    const md = renderFailureMarkdown(255, "error: handler file index.js is not in the code", "prod");
    expect(md).toContain("## cloudfn review: stack `prod`");
    expect(md).toContain("exit code 255");
    expect(md).toContain("```\nerror: handler file index.js is not in the code\n```");
  });
});
