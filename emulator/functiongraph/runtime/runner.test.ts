/** The runner as a warm worker: it serves several invocations and ends with its parent's channel. */
import type { ChildProcess } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { forkChild } from "../../core/child-runtime/fork-child";
import { holdScratchFolder, scratchPath } from "../../core/scratch-folder";
import { childScriptPath } from "../../core/child-runtime/script-path";
import type { DoneMessage, InvokeMessage } from "./messages";

let release: () => void;
let child: ChildProcess;

beforeAll(() => {
  release = holdScratchFolder();
  const dir = scratchPath("runner-test");
  mkdirSync(dir, { recursive: true });
  // A handler that leaves a timer running, which alone would keep the process up for ever.
  writeFileSync(
    `${dir}/index.js`,
    "let n = 0; exports.handler = async () => { setInterval(() => {}, 1000); return ++n; };",
  );
  child = forkChild({
    script: childScriptPath({ dir: __dirname, name: "runner", tempFolder: "runner", prefix: "runner" }),
    memoryMb: 128,
    env: { PATH: process.env.PATH ?? "" },
    cwd: dir,
  });
});
afterAll(() => {
  child.kill("SIGKILL");
  release();
});

const invoke = (requestId: string) =>
  new Promise<DoneMessage>((resolve) => {
    child.once("message", resolve);
    const msg: InvokeMessage = {
      type: "invoke",
      dir: scratchPath("runner-test"),
      file: "index",
      fn: "handler",
      event: {},
      requestId,
      functionName: "f",
      packageName: "default",
      projectId: "p",
      memorySize: 128,
      timeoutMs: 10_000,
      userData: {},
    };
    child.send(msg);
  });

it("answers invocation after invocation with module state kept, then exits when the parent lets go", async () => {
  expect((await invoke("r1")).outcome).toEqual({ ok: true, result: "1" });
  expect((await invoke("r2")).outcome).toEqual({ ok: true, result: "2" });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.disconnect();
  expect(await exited).toBe(0);
}, 60_000);
