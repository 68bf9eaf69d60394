// The `process` the browser `assert` and `util` reach for (to format a failure message, to
// warn), for the suites' web-worker bundle only: a web worker has none. Its `env` is
// filled with the test run's environment by the bundle's entry (scripts/test/web-suites.mjs);
// `versions.node` is absent, so the suites still know they run in a web worker.
export const process = {
  env: {},
  versions: {},
  platform: 'browser',
  pid: 0,
  noDeprecation: false,
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
};
