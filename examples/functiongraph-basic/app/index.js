// The function's code: FunctionGraph calls exports.handler(event, context).
exports.handler = async (event, context) => {
  const name = (event && event.name) || "world";
  return {
    message: `${process.env.GREETING || "Hello"}, ${name}!`,
    function: context.getFunctionName(),
  };
};
