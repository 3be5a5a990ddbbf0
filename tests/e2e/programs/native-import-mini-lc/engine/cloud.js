const AV = require("leanengine");
AV.Cloud.define("hello", (req) => `${process.env.GREETING || "Hello"}, ${req.params.name || "world"}`);
