/**
 * The LeanCloud emulator's management side — the console API subset the lean CLI uses
 * (unofficial, docs/reference/leancloud-api.md §8): groups, environment variables (PATCH of the full map), deploy of a
 * zip as a new version (multipart upload, zipUrl, versionTag), event polling — and the minimal
 * user store behind X-LC-Session. Emulator-only.
 */
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { zipProject } from "../../emulator/leancloud/engine/project-zip";
import { lcCall, type LcCall } from "../../emulator/testing/leancloud-client";
import { SAMPLE_CLOUD_JS, writeProject } from "../../emulator/testing/leancloud-projects";

let emu: RunningEmulator;
const call = (c: LcCall) => lcCall(emu.url, emu.leancloud, c);
const consoleCall = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call({ method, path, body, auth: "console", headers });
const fn = (name: string, extra: Partial<LcCall> = {}) =>
  call({ method: "POST", path: `/1.1/functions/${name}`, body: {}, ...extra });

function multipart(fields: Record<string, string>, zip: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = "cloudfnBoundary7MA4YWxkTrZu0gW";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="zip"; filename="leanengine.zip"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    zip,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` } };
}

/** Polls like the lean CLI: follows `from`, stops when moreEvent is false; returns all events oldest first. */
async function pollAll(token: string): Promise<{ content: string; level: string; production: number; time: string }[]> {
  const all: { content: string; level: string; production: number; time: string }[] = [];
  let from = "";
  // A deploy starts a LeanEngine child: give a loaded machine plenty of time.
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const res = await consoleCall(
      "GET",
      `/1.1/engine/events/poll/${token}${from ? `?from=${encodeURIComponent(from)}` : ""}`,
    );
    expect(res.status).toBe(200);
    const events = [...res.body.events].reverse();
    all.push(...events);
    if (events.length) from = events[events.length - 1].time;
    if (!res.body.moreEvent) return all;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("deploy never finished");
}

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

describe("console API subset (unofficial, as the lean CLI calls it)", () => {
  it("needs the console token and this app's X-LC-Id; errors carry errorEventID", async () => {
    const none = await call({ method: "GET", path: "/1.1/engine/groups?all=true", auth: "none" });
    expect([none.status, none.body]).toEqual([
      401,
      { code: 401, error: "Unauthorized.", errorEventID: expect.any(String) },
    ]);
    const foreign = await call({
      method: "GET",
      path: "/1.1/engine/groups",
      auth: "console",
      headers: { "X-LC-Id": "otherApp" },
    });
    expect(foreign.status).toBe(401);
    // App keys are not console credentials.
    expect((await call({ method: "GET", path: "/1.1/engine/groups", auth: "master" })).status).toBe(401);
    expect((await consoleCall("GET", "/client-center/2/clients/self/apps", undefined, { "X-LC-Id": "" })).body).toEqual(
      [expect.objectContaining({ appId: emu.leancloud.appId })],
    );
    const missing = await consoleCall("PATCH", "/1.1/engine/groups/nope", { environments: {} });
    expect([missing.status, missing.body.error]).toEqual([404, "Group not found: nope"]);
  });

  it("deploys an uploaded zip as a new version, passes the group's variables, and polls events", async () => {
    const groups = await consoleCall("GET", "/1.1/engine/groups?all=true");
    expect(groups.body).toEqual([
      expect.objectContaining({
        groupName: "web",
        environments: {},
        production: { deployable: true, version: null },
        staging: { deployable: true, version: null },
      }),
    ]);
    const patched = await consoleCall("PATCH", "/1.1/engine/groups/web", {
      environments: { GREETING: "hi there", OTHER: "x" },
    });
    expect(patched.status).toBe(200);
    expect((await consoleCall("GET", "/1.1/engine/groups/web")).body.environments).toEqual({
      GREETING: "hi there",
      OTHER: "x",
    });

    const zip = await zipProject(
      writeProject({
        "cloud.js": SAMPLE_CLOUD_JS,
        ".leancloud/current_group": "web",
        "node_modules/junk/index.js": "x",
      }),
    );
    const mp = multipart(
      {
        noDependenciesCache: "false",
        overwriteFunctions: "false",
        async: "true",
        printBuildLogs: "false",
        comment: "v1",
      },
      zip,
    );
    const started = await call({
      method: "POST",
      path: "/1.1/engine/groups/web/envs/1/version",
      auth: "console",
      body: mp.body,
      headers: mp.headers,
    });
    expect(started.status).toBe(200);
    const events = await pollAll(started.body.eventToken);
    expect(events.every((e) => e.level === "info" && e.production === 1)).toBe(true);
    expect(events[events.length - 1].content).toMatch(/^Deployed version \d{8}-\d{6}/);
    expect(new Set(events.map((e) => e.time)).size).toBe(events.length);

    const web = (await consoleCall("GET", "/1.1/engine/groups")).body[0];
    expect(web.production.version).toMatchObject({ versionTag: expect.stringMatching(/^\d{8}-\d{6}/), comment: "v1" });
    expect((await fn("echo")).body.result.env).toBe("hi there");
    // A changed map reaches the instance (restarted on the next call).
    await consoleCall("PATCH", "/1.1/engine/groups/web", { environments: { GREETING: "changed" } });
    expect((await fn("echo")).body.result.env).toBe("changed");
    const invalid = await consoleCall("PATCH", "/1.1/engine/groups/web", { environments: { GREETING: 5 } });
    expect([invalid.status, invalid.body.error]).toEqual([400, "The value of GREETING must be a string."]);
  });

  it("deploys from zipUrl (older /staging/version path) and promotes a versionTag to production", async () => {
    const zip = await zipProject(
      writeProject({
        "cloud.js": "require('leanengine').Cloud.define('hello', () => 'v2 ' + process.env.LEANCLOUD_APP_ENV);",
      }),
    );
    const files: Server = createServer((_req, res) => res.end(zip));
    await new Promise<void>((r) => files.listen(0, "127.0.0.1", () => r()));
    try {
      const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/leanengine.zip`;
      const staged = await consoleCall("POST", "/1.1/engine/groups/web/staging/version", {
        zipUrl: url,
        async: true,
        overwriteFunctions: false,
        noDependenciesCache: false,
      });
      expect(staged.status).toBe(200);
      await pollAll(staged.body.eventToken);
    } finally {
      files.close();
    }
    expect((await fn("hello", { prod: 0 })).body).toEqual({ result: "v2 stage" });
    const tag = (await consoleCall("GET", "/1.1/engine/groups")).body[0].staging.version.versionTag;
    const published = await consoleCall("POST", "/1.1/engine/groups/web/envs/1/version", {
      versionTag: tag,
      async: true,
    });
    await pollAll(published.body.eventToken);
    expect((await consoleCall("GET", "/1.1/engine/groups")).body[0].production.version.versionTag).toBe(tag);
    expect((await fn("hello")).body).toEqual({ result: "v2 production" });
    expect((await fn("echo")).status).toBe(404);
  });

  it("rejects bad deploy bodies and ends a failed deploy with an error event", async () => {
    const both = await consoleCall("POST", "/1.1/engine/groups/web/envs/1/version", {
      zipUrl: "http://x/a.zip",
      versionTag: "t",
    });
    expect([both.status, both.body.error]).toEqual([400, "Give exactly one of zip, zipUrl, gitTag and versionTag."]);
    expect((await consoleCall("POST", "/1.1/engine/groups/web/envs/1/version", { gitTag: "main" })).status).toBe(400);
    expect(
      (await consoleCall("POST", "/1.1/engine/groups/web/envs/1/version", { versionTag: "19990101-000000" })).status,
    ).toBe(400);
    expect((await consoleCall("POST", "/1.1/engine/groups/web/envs/7/version", { versionTag: "x" })).status).toBe(400);
    const zip = await zipProject(writeProject({ "cloud.js": "throw new Error('cannot boot');" }));
    const mp = multipart({ async: "true" }, zip);
    const started = await call({
      method: "POST",
      path: "/1.1/engine/groups/web/envs/1/version",
      auth: "console",
      body: mp.body,
      headers: mp.headers,
    });
    const events = await pollAll(started.body.eventToken);
    expect(events[events.length - 1]).toMatchObject({ level: "error", content: expect.stringMatching(/cannot boot/) });
    expect((await fn("hello")).body).toEqual({ result: "v2 production" });
  });

  it("deletes an environment's deployment", async () => {
    expect((await consoleCall("DELETE", "/1.1/engine/groups/web/envs/0")).status).toBe(200);
    expect((await consoleCall("GET", "/1.1/engine/groups")).body[0].staging.version).toBeNull();
    expect((await fn("hello", { prod: 0 })).status).toBe(404);
    expect((await fn("hello", { prod: 1 })).status).toBe(200);
  });
});

describe("users and sessions", () => {
  it("signs up, logs in, answers users/me, and binds X-LC-Session to request.currentUser", async () => {
    await call({
      method: "POST",
      path: "/_emulator/leancloud/deploy",
      auth: "none",
      body: { path: writeProject({ "cloud.js": SAMPLE_CLOUD_JS }), overwriteFunctions: true },
    });
    const signup = await call({
      method: "POST",
      path: "/1.1/users",
      body: { username: "ada", password: "s3cret", email: "ada@example.com" },
    });
    expect([signup.status, signup.body]).toEqual([
      201,
      { objectId: expect.any(String), createdAt: expect.any(String), sessionToken: expect.any(String) },
    ]);
    const dup = await call({ method: "POST", path: "/1.1/users", body: { username: "ada", password: "x" } });
    expect([dup.status, dup.body]).toEqual([400, { code: 202, error: "Username has already been taken." }]);
    const wrong = await call({ method: "POST", path: "/1.1/login", body: { username: "ada", password: "nope" } });
    expect([wrong.status, wrong.body]).toEqual([400, { code: 210, error: "The username and password mismatch." }]);
    const login = await call({ method: "POST", path: "/1.1/login", body: { username: "ada", password: "s3cret" } });
    expect(login.body).toMatchObject({
      username: "ada",
      email: "ada@example.com",
      sessionToken: signup.body.sessionToken,
    });
    expect((await call({ method: "GET", path: "/1.1/users/me", session: login.body.sessionToken })).body.username).toBe(
      "ada",
    );
    expect((await call({ method: "GET", path: "/1.1/users/me", session: "bogus" })).body).toEqual({
      code: 211,
      error: "Could not find user.",
    });

    const echo = await fn("echo", { session: login.body.sessionToken });
    expect(echo.body.result).toMatchObject({ user: "ada", token: login.body.sessionToken });
    const invalid = await fn("echo", { session: "bogus" });
    expect(invalid.status).toBe(401);
    expect(invalid.body).toEqual({
      code: 211,
      error: expect.stringMatching(/^Verify sessionToken failed, maybe login expired: Could not find user/),
    });
    const state = JSON.stringify((await call({ method: "GET", path: "/_emulator/state", auth: "none" })).body);
    expect(state).not.toContain("s3cret");
  });
});
