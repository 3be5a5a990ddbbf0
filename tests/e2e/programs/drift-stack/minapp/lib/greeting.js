exports.greeting = function (name) {
  return { message: "Hello, " + (name || "world") + "!" };
};
