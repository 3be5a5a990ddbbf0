// Doubles `n`; refuses when asked to, so the test can make a state fail.
exports.handler = async (event) => {
  if (event.fail) {
    const err = new Error(`refused ${event.n}`);
    err.name = "Refused";
    throw err;
  }
  return { doubled: event.n * 2 };
};
