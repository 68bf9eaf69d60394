// `npm run bench`: prints the figures of every benchmark. Timings are noisy on shared
// machines, so compare the ratios measured within one run. `npm run bench -- NAME...`
// runs only those (detectors, sidecar, cli, agree, match).
import { benchAgree } from './agree';
import { benchCli } from './cli';
import { benchDetectors } from './detectors';
import { benchMatch } from './match';
import { benchSidecar } from './sidecar';

const only = process.argv.slice(2);
const benches: [string, () => void][] = [
  [
    'detectors',
    () => {
      benchDetectors();
    },
  ],
  [
    'cli',
    () => {
      benchCli();
    },
  ],
  [
    'sidecar',
    () => {
      benchSidecar();
    },
  ],
  [
    'agree',
    () => {
      benchAgree();
    },
  ],
  [
    'match',
    () => {
      benchMatch();
    },
  ],
];
for (const [name, bench] of benches) {
  if (only.length === 0 || only.includes(name)) bench();
}
