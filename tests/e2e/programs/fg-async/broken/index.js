exports.handler = async () => {
  console.log("loading seed rows");
  throw new Error("seed table missing");
};
