#!/usr/bin/env node
/**
 * Entry point of the `pulumi-resource-cloudfn` plugin: serves the ResourceProvider service on
 * a free local port and prints the port on stdout, which is how the engine finds it. The
 * engine's address comes as the first argument; this provider never calls back, so it is unused.
 */
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { CloudfnProvider } from "./server";

export async function serve(host = "127.0.0.1"): Promise<{ server: grpc.Server; port: number }> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 1024 * 1024 * 400 });
  server.addService(
    provrpc.ResourceProviderService,
    new CloudfnProvider().service as grpc.UntypedServiceImplementation,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:0`, grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return { server, port };
}

if (require.main === module) {
  serve().then(
    ({ port }) => process.stdout.write(`${port}\n`),
    (e: unknown) => {
      process.stderr.write(`pulumi-resource-cloudfn: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
