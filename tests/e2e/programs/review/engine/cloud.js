// The LeanEngine project the review e2e edits: one cloud function.
const AV = require("leanengine");

AV.Cloud.define("hello", (request) => {
  return `Hello, ${request.params.name || "world"}`;
});
