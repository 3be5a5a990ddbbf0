/**
 * The pulumirpc.ResourceProvider service: protobuf in and out, everything else delegated to
 * lifecycle.ts, config.ts and functions.ts. Methods it does not implement (Construct, Call,
 * List, Parameterize, mappings, Handshake) are answered UNIMPLEMENTED by grpc-js, which the
 * engine treats as "not supported".
 */
import * as grpc from "@grpc/grpc-js";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import type { ConfigSource } from "../core/stack-config";
import { checkConfig, configInputs, configSource, configureAll } from "./config";
import { changedNames, type DetailedDiff } from "./detailed-diff";
import { invoke } from "./functions";
import * as lifecycle from "./lifecycle";
import { packageVersion, readSchema } from "./package-files";
import { fromStruct, toStruct, type Props } from "./values";

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/** Runs `work` and answers the call with its result, or with its error's message. */
function answer<Req, Res>(work: (req: Req) => Promise<Res>): Unary<Req, Res> {
  return (call, callback) => {
    work(call.request).then(
      (res) => callback(null, res),
      (e: unknown) => callback({ code: grpc.status.UNKNOWN, details: e instanceof Error ? e.message : String(e) }),
    );
  };
}

function checkResponse(inputs: Props, failures: { property: string; reason: string }[]) {
  const resp = new provproto.CheckResponse();
  resp.setInputs(toStruct(inputs));
  resp.setFailuresList(failures.map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason)));
  return resp;
}

const CHANGES = {
  NONE: provproto.DiffResponse.DiffChanges.DIFF_NONE,
  SOME: provproto.DiffResponse.DiffChanges.DIFF_SOME,
  UNKNOWN: provproto.DiffResponse.DiffChanges.DIFF_UNKNOWN,
} as const;

export function diffResponse(d: DetailedDiff): provproto.DiffResponse {
  const resp = new provproto.DiffResponse();
  resp.setChanges(CHANGES[d.changes]);
  resp.setReplacesList(d.replaces);
  resp.setDeletebeforereplace(d.deleteBeforeReplace);
  resp.setDiffsList(Object.keys(d.detailed));
  resp.setHasdetaileddiff(d.changes !== "UNKNOWN");
  const map = resp.getDetaileddiffMap();
  for (const [path, kind] of Object.entries(d.detailed)) {
    map.set(path, new provproto.PropertyDiff().setKind(provproto.PropertyDiff.Kind[kind]).setInputdiff(true));
  }
  return resp;
}

/** One instance per plugin process, i.e. per provider instance of the engine. */
export class CloudfnProvider {
  private config: ConfigSource = configSource({});

  readonly service: Partial<Record<string, Unary<never, unknown>>> = {
    getPluginInfo: answer(async () => new plugproto.PluginInfo().setVersion(packageVersion())),
    getSchema: answer(async (req: provproto.GetSchemaRequest) => {
      if (req.getVersion() !== 0) throw new Error(`unsupported schema version ${req.getVersion()}`);
      return new provproto.GetSchemaResponse().setSchema(readSchema());
    }),
    checkConfig: answer(async (req: provproto.CheckRequest) => {
      const news = fromStruct(req.getNews());
      return checkResponse(req.getNews()?.toJavaScript() ?? {}, checkConfig(news.props));
    }),
    diffConfig: answer(async (req: provproto.DiffRequest) => {
      const olds = fromStruct(req.getOldInputs() ?? req.getOlds()).props;
      const changed = changedNames(olds, fromStruct(req.getNews()).props, new Set(["version"]));
      return diffResponse({
        changes: changed.length ? "SOME" : "NONE",
        replaces: [],
        deleteBeforeReplace: false,
        detailed: Object.fromEntries(changed.map((n) => [n, "UPDATE"])),
      });
    }),
    configure: answer(async (req: provproto.ConfigureRequest) => {
      const variables = new Map(req.getVariablesMap().toObject());
      const inputs = configInputs(fromStruct(req.getArgs()).props, variables);
      this.config = configSource(inputs);
      await configureAll(this.config);
      return new provproto.ConfigureResponse()
        .setAcceptsecrets(true)
        .setAcceptresources(false)
        .setAcceptoutputs(false)
        .setSupportspreview(true);
    }),
    invoke: answer(async (req: provproto.InvokeRequest) => {
      const result = await invoke(req.getTok(), fromStruct(req.getArgs()).props, this.config);
      return new provproto.InvokeResponse().setReturn(toStruct(result));
    }),
    check: answer(async (req: provproto.CheckRequest) => {
      const out = await lifecycle.check(req.getUrn(), fromStruct(req.getOlds()), fromStruct(req.getNews()));
      return checkResponse(out.inputs, out.failures);
    }),
    diff: answer(async (req: provproto.DiffRequest) => {
      const olds = fromStruct(req.getOlds());
      const d = await lifecycle.diff(
        req.getUrn(),
        req.getId(),
        olds,
        fromStruct(req.getNews()),
        fromStruct(req.getOldInputs()),
      );
      return diffResponse(d);
    }),
    create: answer(async (req: provproto.CreateRequest) => {
      const { id, outs } = await lifecycle.create(req.getUrn(), fromStruct(req.getProperties()), req.getPreview());
      return new provproto.CreateResponse().setId(id).setProperties(toStruct(outs));
    }),
    read: answer(async (req: provproto.ReadRequest) => {
      const out = await lifecycle.read(
        req.getUrn(),
        req.getId(),
        fromStruct(req.getProperties()),
        fromStruct(req.getInputs()),
      );
      const resp = new provproto.ReadResponse().setId(out.id);
      if (out.id) resp.setProperties(toStruct(out.outs));
      if (out.id && out.inputs) resp.setInputs(toStruct(out.inputs));
      return resp;
    }),
    update: answer(async (req: provproto.UpdateRequest) => {
      const outs = await lifecycle.update(
        req.getUrn(),
        req.getId(),
        fromStruct(req.getOlds()),
        fromStruct(req.getNews()),
        req.getPreview(),
      );
      return new provproto.UpdateResponse().setProperties(toStruct(outs));
    }),
    delete: answer(async (req: provproto.DeleteRequest) => {
      await lifecycle.remove(req.getUrn(), req.getId(), fromStruct(req.getProperties()));
      return new emptyproto.Empty();
    }),
    // Calls run to completion (each is one short API exchange); the engine stops sending new ones.
    cancel: answer(async () => new emptyproto.Empty()),
  };
}
