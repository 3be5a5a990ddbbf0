// Version 1 of the function.
exports.handler = async () => ({ version: "v1", message: "Hello" });
