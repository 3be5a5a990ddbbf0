exports.handler = async () => ({ adopted: true });
