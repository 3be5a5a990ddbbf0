/**
 * `make bench-emulator`: sync invoke of a trivial FunctionGraph handler against an in-process
 * emulator, at concurrency 1 and 20. Prints p50/p95 latency, requests per second and the CPU this
 * process (emulator and client) spent per request, for warm workers (the default) and for the
 * one-process-per-invocation path (CLOUDFN_EMULATOR_COLD_WORKERS=1), unless BENCH_MODES names
 * only one of them ("warm", "cold"). BENCH_REQUESTS sets the requests per measurement (default
 * 200). A benchmark, not a test: it prints figures and asserts nothing but success.
 */
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { fgCall } from "../emulator/testing/fg-client";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const MODES = (process.env.BENCH_MODES ?? "cold,warm").split(",").filter(Boolean);
const CONCURRENCY = [1, 20];

const functionsPath = (emu: RunningEmulator) => `/v2/${emu.credentials.projectId}/fgs/functions`;

async function deployTrivial(emu: RunningEmulator): Promise<string> {
  const res = await fgCall(emu.url, emu.credentials, {
    method: "POST",
    path: functionsPath(emu),
    body: {
      func_name: "bench-trivial",
      package: "default",
      runtime: "Node.js18.15",
      handler: "index.handler",
      memory_size: 128,
      timeout: 30,
      code_type: "inline",
      func_code: { file: Buffer.from("exports.handler = async (event) => ({ n: event.n });").toString("base64") },
    },
  });
  if (res.status !== 200) throw new Error(`deploy failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { func_urn: string }).func_urn;
}

/** Milliseconds of one sync invoke; throws unless the handler answered. */
async function invokeOnce(emu: RunningEmulator, urn: string, n: number): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fgCall(emu.url, emu.credentials, {
    method: "POST",
    path: `${functionsPath(emu)}/${urn}/invocations`,
    body: { n },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 200 || (res.body as { status?: number }).status !== 200)
    throw new Error(`invoke failed: ${JSON.stringify(res.body)}`);
  return ms;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function measure(emu: RunningEmulator, urn: string, concurrency: number): Promise<string> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) latencies.push(await invokeOnce(emu, urn, next++));
  };
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU of this process (emulator and client) per request: comparable across loaded and quiet machines.
  const cpuPerRequest = (cpu.user + cpu.system) / 1000 / REQUESTS;
  latencies.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  return `c=${String(concurrency).padEnd(3)} p50 ${fmt(percentile(latencies, 0.5))}  p95 ${fmt(percentile(latencies, 0.95))}  ${(REQUESTS / seconds).toFixed(0).padStart(5)} req/s  emulator+client CPU ${cpuPerRequest.toFixed(2)} ms/req`;
}

async function benchMode(mode: string): Promise<string[]> {
  if (mode === "cold") process.env.CLOUDFN_EMULATOR_COLD_WORKERS = "1";
  else delete process.env.CLOUDFN_EMULATOR_COLD_WORKERS;
  const emu = await startEmulator({ port: 0 });
  try {
    const urn = await deployTrivial(emu);
    // One warm-up round so the first fork and the code unpacking are not measured.
    await Promise.all(Array.from({ length: 20 }, (_, i) => invokeOnce(emu, urn, i)));
    const lines: string[] = [];
    for (const c of CONCURRENCY) lines.push(`${mode.padEnd(5)} ${await measure(emu, urn, c)}`);
    return lines;
  } finally {
    await emu.close();
  }
}

async function main(): Promise<void> {
  const lines = [`cloudfn emulator invoke bench: trivial handler, ${REQUESTS} sync invokes per row`];
  for (const mode of MODES) lines.push(...(await benchMode(mode)));
  console.log(lines.join("\n"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
