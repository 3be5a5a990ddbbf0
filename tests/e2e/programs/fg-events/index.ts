import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const code = new pulumi.asset.FileArchive("./app");

const web = new cloudfn.functiongraph.Function("web", {
  name: "cloudfn-web",
  runtime: "Node.js18.15",
  handler: "index.web",
  code,
});

const api = new cloudfn.functiongraph.Trigger("hello-api", {
  functionUrn: web.funcUrn,
  type: "APIG",
  eventData: {
    type: 1,
    path: "/hello/{name}",
    protocol: "HTTPS",
    req_method: "GET",
    group_id: "cloudfn-e2e-group",
    match_mode: "NORMAL",
    env_name: "RELEASE",
    env_id: "DEFAULT_ENVIRONMENT_RELEASE_ID",
    auth: "NONE",
    func_info: { timeout: 5000 },
  },
});

const thumbs = new cloudfn.functiongraph.Function("thumbs", {
  name: "cloudfn-thumbs",
  runtime: "Node.js18.15",
  handler: "index.obs",
  code,
});

new cloudfn.functiongraph.Trigger("uploads", {
  functionUrn: thumbs.funcUrn,
  type: "OBS",
  eventData: { bucket: "cloudfn-e2e-photos", events: ["ObjectCreated"], suffix: ".jpg" },
});

export const invokeUrl = api.invokeUrl;
export const thumbsUrn = thumbs.funcUrn;
