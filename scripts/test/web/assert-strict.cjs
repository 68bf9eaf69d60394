// `node:assert/strict` for the suites' web-worker bundle: the browser build of Node's
// assert (npm `assert`), strict mode, as the Node host's.
module.exports = require('assert').strict;
