// Answers GET /hello/{name} through an APIG trigger.
exports.web = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "text/plain", "x-greeting": "hello" },
  body: `hello ${event.pathParameters.name}`,
  isBase64Encoded: false,
});

// Handles uploads to the bucket; its result is what the test reads back.
exports.obs = async (event) => ({
  processed: event.Records.map((r) => `${r.eventName} ${r.s3.bucket.name}/${r.s3.object.key}`),
});
