exports.handler = async () => ({ ok: true });
exports.init = async () => undefined;
