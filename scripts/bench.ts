/**
 * `make bench [N=20] [MODE=small|app|both] [ROUNDS=3]`: N FunctionGraph functions through the real
 * engine against the in-process emulator, next to the floor — the same program and inputs run
 * through a no-op dynamic provider by the same engine and language host. The two alternate,
 * each round up → preview → refresh → destroy, so load on a shared machine hits both alike.
 * MODE=app gives every function a generated 550 KB / 76-file app with node_modules instead of a
 * one-file handler. Prints min and median seconds per step, their ratios to the floor, HTTP
 * requests per resource per step, and bytes of state per resource (user inputs, Pulumi's, ours).
 * A benchmark, not a test: it asserts nothing but success.
 */
import * as path from "path";
import { startEmulator } from "../emulator/server";
import { PulumiProject } from "../tests/helpers/pulumi-cli";
import { clearRequestLog, countOps, requestLog } from "../tests/helpers/fg-http";
import { writeRealisticApp } from "./bench/realistic-app";
import { benchResources, breakdown, formatBreakdown, userInputBytes } from "./bench/state";
import { ratioTable, record, type Samples } from "./bench/stats";
import { nativeStateLine } from "./bench-native";

const COUNT = Number(process.env.BENCH_N ?? process.env.BENCH_FUNCTIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODE = process.env.BENCH_MODE ?? "small";
const PROGRAM = path.resolve(__dirname, "../../../tests/e2e/programs/many-functions"); // from .cache/dev/scripts
const STEPS = ["up", "preview", "refresh", "destroy"] as const;
type Step = (typeof STEPS)[number];
const ARGS: Record<Step, string[]> = {
  up: ["up", "--yes", "--skip-preview"],
  preview: ["preview", "--expect-no-changes"],
  refresh: ["refresh", "--yes", "--skip-preview"],
  destroy: ["destroy", "--yes", "--skip-preview"],
};

interface Run {
  name: "floor" | "cloudfn";
  project: PulumiProject;
  state?: string;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function requestsPerResource(url: string): Promise<string> {
  const ops = countOps((await requestLog(url)).filter((r) => r.platform === "functiongraph"));
  return Object.entries(ops)
    .map(([op, n]) => `${op}=${(n / COUNT).toFixed(2)}`)
    .join(" ");
}

/** One round of one program; the first cloudfn round also counts requests and keeps the state. */
async function round(run: Run, samples: Samples, url: string, requests: string[] | undefined): Promise<void> {
  for (const step of STEPS) {
    await clearRequestLog(url);
    record(samples, `${run.name} ${step}`, await timed(() => run.project.run(ARGS[step])));
    if (requests) requests.push(`${step.padEnd(8)} ${(await requestsPerResource(url)) || "none"}`);
    if (step === "up" && run.state === undefined) run.state = await run.project.exportStack();
  }
}

async function prepare(name: Run["name"], url: string, app: boolean): Promise<Run> {
  const project = new PulumiProject(PROGRAM, `bench-${name}`);
  const config: Record<string, string> = { count: String(COUNT), floor: String(name === "floor") };
  if (app) {
    writeRealisticApp(path.join(project.dir, "real-app"));
    config.codeDir = "./real-app";
  }
  await project.initStack(url, config);
  return { name, project };
}

async function benchMode(label: string, app: boolean, url: string): Promise<string[]> {
  const runs = [await prepare("floor", url, app), await prepare("cloudfn", url, app)];
  try {
    const samples: Samples = new Map();
    const requests: string[] = [];
    for (let r = 0; r < ROUNDS; r++)
      for (const run of runs) await round(run, samples, url, r === 0 && run.name === "cloudfn" ? requests : undefined);
    const [floor, ours] = runs.map((run) => benchResources(run.state ?? "{}"));
    const user = userInputBytes(floor);
    return [
      ...ratioTable(samples, `${label} N=${COUNT}`, [...STEPS], COUNT),
      "requests per resource (cloudfn): " + requests.join(" | "),
      formatBreakdown("floor", breakdown(floor, user)),
      formatBreakdown("cloudfn", breakdown(ours, user)),
    ];
  } finally {
    for (const run of runs) await run.project.dispose();
  }
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  try {
    const lines = [`cloudfn bench: ${COUNT} functions, ${ROUNDS} rounds alternating with the floor, seconds`];
    if (MODE === "small" || MODE === "both") lines.push(...(await benchMode("small", false, emulator.url)), "");
    if (MODE === "app" || MODE === "both") lines.push(...(await benchMode("app 550KB", true, emulator.url)), "");
    // The same small function under the native provider plugin, for its state size beside ours.
    lines.push(await nativeStateLine(emulator.url, Math.min(COUNT, 5)));
    console.log(lines.join("\n"));
  } finally {
    await emulator.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
