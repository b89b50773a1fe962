import { defaultRepos } from './default-repos.ts';
import { DEFAULT_TOKENS, startHubDouble } from './server.ts';

/** `npm run hub [-- --port 5170 --cdn-port 5171]`: run the double by hand. */
function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const double = await startHubDouble({
  repos: defaultRepos(),
  port: flag('--port', 5170),
  cdnPort: flag('--cdn-port', 5171),
});
console.log(`hub double: ${double.hubUrl}  (CDN for LFS redirects: ${double.cdnUrl})`);
console.log(`  tree:     ${double.hubUrl}/api/models/Xenova/whisper-tiny/tree/main?recursive=true`);
console.log(`  file:     ${double.hubUrl}/Xenova/whisper-tiny/resolve/main/config.json`);
console.log(`  control:  POST ${double.hubUrl}/__control/faults, GET ${double.hubUrl}/__control/log`);
console.log(`  tokens:   with access ${DEFAULT_TOKENS.withAccess.join(', ')}; without ${DEFAULT_TOKENS.withoutAccess.join(', ')}`);
const stop = (): void => void double.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
