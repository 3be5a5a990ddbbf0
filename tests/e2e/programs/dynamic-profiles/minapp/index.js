exports.main = async (event) => ({ twin: true, data: event.data });
