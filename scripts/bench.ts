/**
 * `make bench`: 50 FunctionGraph functions through the real engine against the emulator.
 * Prints wall time of up, preview, refresh and destroy; HTTP requests per resource per
 * operation (from the emulator's request log); and bytes of state per resource.
 * A benchmark, not a test: it prints figures and asserts nothing but success.
 */
import * as path from "path";
import { startEmulator } from "../emulator/server";
import { PulumiProject } from "../tests/helpers/pulumi-cli";
import { clearRequestLog, countOps, requestLog } from "../tests/helpers/fg-http";

const COUNT = Number(process.env.BENCH_FUNCTIONS ?? 50);
const PROGRAM = path.resolve(__dirname, "../../../tests/e2e/programs/many-functions"); // from .cache/dev/scripts

async function phase(name: string, url: string, fn: () => Promise<unknown>): Promise<string> {
  await clearRequestLog(url);
  const start = process.hrtime.bigint();
  await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const ops = countOps((await requestLog(url)).filter((r) => r.platform === "functiongraph"));
  const perResource = Object.entries(ops)
    .map(([op, n]) => `${op}=${(n / COUNT).toFixed(2)}`)
    .join(" ");
  return `${name.padEnd(8)} ${seconds.toFixed(1).padStart(7)} s   requests/resource: ${perResource || "none"}`;
}

/** The parts of `pulumi stack export` measured here (the CLI's own format, so not validated). */
interface ExportedState {
  deployment: { resources: { type: string; outputs: Record<string, unknown> }[] };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  const project = new PulumiProject(PROGRAM, "bench");
  try {
    await project.initStack(emulator.url, { count: String(COUNT) });
    const lines = [`cloudfn bench: ${COUNT} functiongraph.Function resources, emulator ${emulator.url}`];
    lines.push(await phase("up", emulator.url, () => project.up()));
    lines.push(await phase("preview", emulator.url, () => project.run(["preview", "--expect-no-changes"])));
    lines.push(await phase("refresh", emulator.url, () => project.run(["refresh", "--yes", "--skip-preview"])));
    const state = JSON.parse(await project.exportStack()) as ExportedState;
    const fns = state.deployment.resources.filter((r) => r.type.endsWith(":Function"));
    const bytes = fns.map((r) => JSON.stringify(r).length);
    const provider = fns.map((r) => JSON.stringify(r.outputs.__provider ?? "").length);
    lines.push(await phase("destroy", emulator.url, () => project.run(["destroy", "--yes", "--skip-preview"])));
    const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    lines.push(`state    ${avg(bytes)} bytes/resource (of which __provider ${avg(provider)}, inputs+outputs the rest)`);
    console.log(lines.join("\n"));
  } finally {
    await project.dispose();
    await emulator.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
