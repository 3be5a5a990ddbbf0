/**
 * State size per resource under the native plugin, for `make bench` to print beside the
 * dynamic figures: the same functions as tests/e2e/programs/many-functions, written as a YAML
 * program (YAML has no loops, so the program is generated), deployed through
 * `pulumi-resource-cloudfn`. Call `nativeStateLine(emulatorUrl, count)` from scripts/bench.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PulumiProject } from "../tests/helpers/pulumi-cli";
import { useNativePlugin } from "../tests/helpers/native-plugin";

const APP = path.resolve(__dirname, "../../../tests/e2e/programs/many-functions/app"); // from .cache/dev/scripts

export function nativeProgram(count: number): string {
  const fn = (i: number) =>
    [
      `  fn-${i}:`,
      "    type: cloudfn:functiongraph:Function",
      "    properties:",
      `      name: many-${i}`,
      "      runtime: Node.js18.15",
      "      handler: index.handler",
      "      memorySize: 128",
      "      timeout: 10",
      `      environment: { INDEX: "${i}" }`,
      "      code: { fn::fileArchive: ./app }",
    ].join("\n");
  const resources = Array.from({ length: count }, (_, i) => fn(i)).join("\n");
  return `name: many-functions-native\nruntime: yaml\nresources:\n${resources}\n`;
}

interface ExportedState {
  deployment: { resources: { type: string }[] };
}

/** Average bytes of one Function's entry in the exported state (inputs + outputs, no __provider). */
export async function nativeStateBytes(emulatorUrl: string, count: number): Promise<number> {
  const source = fs.mkdtempSync(path.join(os.tmpdir(), "cloudfn-bench-native-"));
  const project = (() => {
    fs.writeFileSync(path.join(source, "Pulumi.yaml"), nativeProgram(count));
    fs.cpSync(APP, path.join(source, "app"), { recursive: true });
    return useNativePlugin(new PulumiProject(source, "bench-native"));
  })();
  try {
    await project.initStack(emulatorUrl);
    await project.up();
    const state = JSON.parse(await project.exportStack()) as ExportedState;
    const fns = state.deployment.resources.filter((r) => r.type === "cloudfn:functiongraph:Function");
    return Math.round(fns.reduce((sum, r) => sum + JSON.stringify(r).length, 0) / fns.length);
  } finally {
    await project.dispose();
    fs.rmSync(source, { recursive: true, force: true });
  }
}

export async function nativeStateLine(emulatorUrl: string, count: number): Promise<string> {
  return `native   ${await nativeStateBytes(emulatorUrl, count)} bytes/resource (native plugin, YAML program; no __provider)`;
}
