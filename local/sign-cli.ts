/**
 * `npm run sign -- GET https://host:port/path?x=1 ['{"json":"body"}']` prints a ready-to-run curl
 * command with an auth-v2 signature, for checking an installation (or the simulator) by hand.
 * Reads AICC_AK / AICC_SK; without them it signs with the simulator's default credentials.
 */
import { SIM_DEFAULT_CREDENTIALS } from './sim/defaults.js';
import { signAuthV2 } from '../src/aicc/signer.js';

function main(argv: string[]): number {
  const [method = '', target = '', body = ''] = argv;
  if (!/^(GET|POST)$/i.test(method) || !/^https?:\/\//.test(target)) {
    process.stderr.write('usage: npm run sign -- GET|POST URL [JSON_BODY]\n');
    return 2;
  }
  const url = new URL(target);
  const accessKey = process.env.AICC_AK ?? SIM_DEFAULT_CREDENTIALS.accessKey;
  const secretKey = process.env.AICC_SK ?? SIM_DEFAULT_CREDENTIALS.secretKey;
  const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json;charset=UTF-8' };
  if (body) headers['content-length'] = String(Buffer.byteLength(body));
  const signed = signAuthV2({
    accessKey,
    secretKey,
    method: method.toUpperCase(),
    path: url.pathname,
    query: [...url.searchParams.entries()],
    headers,
    body,
    now: new Date(),
  });
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = ['curl', '-sS', '-k', '-X', method.toUpperCase(), '-H', quote(`Content-Type: ${headers['content-type']}`), '-H', quote(`Authorization: ${signed.authorization}`)];
  if (body) parts.push('--data-binary', quote(body));
  parts.push(quote(url.toString()));
  process.stdout.write(`${parts.join(' ')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
