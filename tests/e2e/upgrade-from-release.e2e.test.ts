/**
 * Upgrading cloudfn under an existing stack: a stack created by release 0.1.0 (its packed
 * tarball, built from git history) is upgraded to the current package. The first `up` migrates
 * the state (small provider text, no code manifest in outputs) without replacing or recreating
 * anything, and the preview after it is clean.
 */
import * as path from "path";
import { ensureInstalled, PulumiProject } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { releaseTarball } from "../helpers/release-tarball";

jest.setTimeout(15 * 60 * 1000);
const ROOT = path.resolve(__dirname, "../..");
/** Release 0.1.0: the commit main was at when it was packed. */
const RELEASE_COMMIT = "a67a6b9";
const PROGRAM = path.resolve(__dirname, "programs/many-functions");
const COUNT = 3;

interface Resource {
  type: string;
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

async function functions(project: PulumiProject): Promise<Resource[]> {
  const state = JSON.parse(await project.exportStack()) as { deployment: { resources: Resource[] } };
  // In id order: the engine may write updated resources in another order.
  return state.deployment.resources
    .filter((r) => r.type.endsWith(":Function"))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe("upgrade from release 0.1.0", () => {
  const stack = e2eStack(PROGRAM, {
    nodeModules: () => {
      const old = releaseTarball(ROOT, RELEASE_COMMIT);
      return ensureInstalled(old, path.join(ROOT, `.cache/e2e-install-${RELEASE_COMMIT}`));
    },
    config: { count: String(COUNT) },
  });

  it("migrates the state on the first up, replacing nothing, then previews clean", async () => {
    await stack.project.up();
    const before = await functions(stack.project);
    expect(before).toHaveLength(COUNT);
    expect(before[0].outputs.__codeManifest).toBeDefined(); // the 0.1.0 shape

    stack.project.useNodeModules(ensureInstalled());
    const preview = JSON.parse((await stack.project.run(["preview", "--json"])).stdout) as { steps?: { op: string }[] };
    const ops = new Set((preview.steps ?? []).map((s) => s.op));
    expect([...ops].filter((op) => op !== "same" && op !== "update")).toEqual([]);

    await stack.project.up();
    const after = await functions(stack.project);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after.map((r) => r.outputs.funcId)).toEqual(before.map((r) => r.outputs.funcId));
    for (const r of after) {
      expect(r.outputs.__codeManifest).toBeUndefined();
      expect(String(r.inputs.__codeManifest)).toMatch(/^cloudfn-manifest\/3\n/);
      expect(String(r.outputs.__provider).length).toBeLessThan(600);
    }
    await stack.project.run(["preview", "--expect-no-changes"]);
  });
});
