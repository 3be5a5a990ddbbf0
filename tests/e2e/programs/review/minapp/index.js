const { greeting } = require("./lib/greeting");

exports.main = function (event, callback) {
  callback(null, greeting(event.data && event.data.name));
};
