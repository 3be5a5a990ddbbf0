const shout = require("shout");
exports.handler = async (event) => ({ said: shout(String(event.who ?? "nobody")) });
