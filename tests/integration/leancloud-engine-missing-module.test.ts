/**
 * When the engine SDK cannot be resolved (no leanengine, or a leanengine without the
 * leancloud-storage it loads), the engine host names the command that installs both, without a
 * stack of install paths. Resolution failure is simulated by running the host on a project in the
 * temp folder with no NODE_PATH, so nothing beside the emulator can be found.
 */
import { fork } from "child_process";
import * as path from "path";
import { childScriptPath } from "../../emulator/core/child-runtime/script-path";
import { holdScratchFolder } from "../../emulator/core/scratch-folder";
import { writeProject } from "../../emulator/testing/leancloud-projects";

jest.setTimeout(60_000);
const HOST = {
  dir: path.join(__dirname, "../../emulator/leancloud/engine"),
  name: "host",
  tempFolder: "leancloud-host",
  prefix: "host",
};
const INSTALL = "npm install leanengine@3 leancloud-storage@4";

/** Starts the host on a project and resolves with what it reported ("failed" error or "ready"). */
function startHost(dir: string): Promise<{ type: string; error?: string }> {
  const child = fork(childScriptPath(HOST), [], {
    execArgv: [],
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", CLOUDFN_LC_PROJECT_DIR: dir, CLOUDFN_LC_TIMEOUT_MS: "1000" },
    stdio: ["ignore", "ignore", "ignore", "ipc"],
    serialization: "json",
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { type: string; error?: string }) => {
      child.kill("SIGKILL");
      resolve(m);
    });
    child.once("exit", (code) => reject(new Error(`host exited (${code}) without a report`)));
  });
}

describe("LeanCloud engine host without its modules", () => {
  // The host script is written to the emulator's scratch folder; holding it as an emulator does
  // means releasing it removes the folder, so the run leaves nothing in the temp folder.
  let release: () => void;
  beforeAll(() => (release = holdScratchFolder()));
  afterAll(() => release());

  it("names leanengine and the install command when leanengine cannot be found", async () => {
    const report = await startHost(writeProject({ "cloud.js": "require('leanengine');" }));
    expect(report.type).toBe("failed");
    expect(report.error).toBe(
      `LeanCloud engines need leanengine and leancloud-storage beside pulumi-cloudfn: ${INSTALL} (cannot find module 'leanengine')`,
    );
  });

  it("names leancloud-storage when leanengine is there but its storage SDK is not", async () => {
    const dir = writeProject({
      "cloud.js": "require('leanengine');",
      "node_modules/leanengine/package.json": JSON.stringify({ name: "leanengine", main: "index.js" }),
      "node_modules/leanengine/index.js": "require('leancloud-storage/live-query');",
    });
    const report = await startHost(dir);
    expect(report.error).toContain(INSTALL);
    expect(report.error).toContain("(cannot find module 'leancloud-storage/live-query')");
    expect(report.error).not.toMatch(/\n\s+at /);
  });
});
