const { greeting } = require("./lib/greeting");

exports.main = async function (event) {
  return greeting(event.data.name);
};
