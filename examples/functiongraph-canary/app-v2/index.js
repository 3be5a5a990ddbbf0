// Version 2: the change being rolled out.
exports.handler = async () => ({ version: "v2", message: "Hello, again" });
