exports.handler = async (event) => {
  console.log("worker got", JSON.stringify(event));
  if (event.fail) throw new Error(`worker refused ${event.fail}`);
  return { message: `hello ${event.name}`, version: 1 };
};
