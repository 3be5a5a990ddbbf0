exports.handler = async () => ({ index: Number(process.env.INDEX) });
