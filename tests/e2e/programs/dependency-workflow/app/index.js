// The "pad" module comes from the dependency version, not from this folder.
const pad = require("pad");
exports.handler = async (event) => ({ text: pad(event.who || "nobody") });
