#!/usr/bin/env node
// A minimal Pulumi nodejs language host, used only by this repository's tests, demo and bench.
//
// Why it exists: the official `pulumi-language-nodejs` is a Go module that the Go module proxy
// reachable here does not serve, so it cannot be built offline. The engine talks to a language
// host over the LanguageRuntime gRPC protocol; this host implements the calls `pulumi
// up/preview/refresh/destroy` need and runs the program through the *real* program runner
// shipped in @pulumi/pulumi (`cmd/run`), exactly as the official host does. Everything the
// program does (closure serialization, resource registration, dynamic providers) is therefore
// the real SDK code. Users of cloudfn run the official host; this is test infrastructure.
//
// Protocol facts: the engine starts the host with flags and the engine address as the last
// argument, reads the gRPC port from the first stdout line, then calls Handshake (optional),
// GetRequiredPackages/Plugins, and Run with the program info and config. `cmd/run` reads config
// from PULUMI_CONFIG (JSON map) and PULUMI_CONFIG_SECRET_KEYS (JSON array).
"use strict";
const path = require("path");
const { spawn } = require("child_process");

function requireFromRepo(mod) {
  return require(require.resolve(mod, { paths: [path.resolve(__dirname, "../..")] }));
}
const grpc = requireFromRepo("@grpc/grpc-js");
const pb = requireFromRepo("@pulumi/pulumi/proto/language_pb.js");
const svc = requireFromRepo("@pulumi/pulumi/proto/language_grpc_pb.js");
const pluginPb = requireFromRepo("@pulumi/pulumi/proto/plugin_pb.js");

// Exit code the program runner uses when it has already reported its error ("bail").
const BAIL_EXIT_CODE = 32;
let engineAddress =
  process.argv
    .slice(2)
    .filter((a) => !a.startsWith("-"))
    .pop() || "";

function unary(fn) {
  return (call, callback) => {
    Promise.resolve()
      .then(() => fn(call.request))
      .then(
        (res) => callback(null, res),
        (err) => callback({ code: grpc.status.INTERNAL, details: String((err && err.stack) || err) }),
      );
  };
}

function runtimeOptions(info) {
  const opts = info && info.getOptions() ? info.getOptions().toJavaScript() : {};
  return opts || {};
}

function runArgs(req, runPath, entry) {
  const args = [runPath];
  const add = (k, v) => {
    if (v !== undefined && v !== null && v !== "") args.push(`--${k}`, String(v));
  };
  add("monitor", req.getMonitorAddress());
  add("engine", engineAddress);
  add("organization", req.getOrganization());
  add("project", req.getProject());
  add("stack", req.getStack());
  add("pwd", req.getPwd());
  add("root-directory", req.getInfo() && req.getInfo().getRootDirectory());
  if (req.getDryrun()) args.push("--dry-run");
  add("parallel", req.getParallel());
  args.push(entry, ...req.getArgsList());
  return args;
}

function configEnv(req) {
  const config = {};
  req.getConfigMap().forEach((v, k) => {
    config[k] = v;
  });
  return {
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
  };
}

function run(req) {
  const info = req.getInfo();
  const programDir = (info && info.getProgramDirectory()) || req.getPwd() || process.cwd();
  const entry = (info && info.getEntryPoint()) || req.getProgram() || ".";
  const runPath = require.resolve("@pulumi/pulumi/cmd/run", { paths: [programDir] });
  const opts = runtimeOptions(info);
  const env = { ...process.env, ...configEnv(req) };
  // The official host treats `typescript` as on unless the project turns it off.
  env.PULUMI_NODEJS_TYPESCRIPT = opts.typescript === false ? "false" : "true";
  const nodeArgs = typeof opts.nodeargs === "string" && opts.nodeargs ? opts.nodeargs.split(/\s+/) : [];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, ...runArgs(req, runPath, entry)], {
      cwd: programDir,
      env,
      stdio: "inherit",
    });
    child.on("error", (err) => resolve(new pb.RunResponse().setError(`could not start node: ${err.message}`)));
    child.on("exit", (code, signal) => {
      const res = new pb.RunResponse();
      if (code === BAIL_EXIT_CODE) res.setBail(true);
      else if (code !== 0) res.setError(`Program exited with non-zero exit code: ${code === null ? signal : code}`);
      resolve(res);
    });
  });
}

const impl = {
  handshake: unary((req) => {
    engineAddress = req.getEngineAddress() || engineAddress;
    return new pb.LanguageHandshakeResponse();
  }),
  getRequiredPlugins: unary(() => new pb.GetRequiredPluginsResponse()),
  getRequiredPackages: unary(() => new pb.GetRequiredPackagesResponse()),
  run: unary(run),
  getPluginInfo: unary(() =>
    new pluginPb.PluginInfo().setVersion(process.env.CLOUDFN_LANGHOST_VERSION || "0.0.0-cloudfn"),
  ),
  installDependencies: (call) => call.end(),
  runtimeOptionsPrompts: unary(() => new pb.RuntimeOptionsResponse()),
  about: unary(() => new pb.AboutResponse().setExecutable(process.execPath).setVersion(process.version)),
  getProgramDependencies: unary(() => new pb.GetProgramDependenciesResponse()),
};

const server = new grpc.Server();
server.addService(svc.LanguageRuntimeService, impl);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});
