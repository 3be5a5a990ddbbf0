// "fmt" comes from the dependency version, not from this folder.
const fmt = require("fmt");
exports.handler = async (event) => ({
  text: fmt(event.who || event.trigger_name || "nobody") + (event.shout ? "!" : ""),
});
