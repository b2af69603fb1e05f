/**
 * `npm run sim`: the AICC simulator as a stand-alone server. An entry point, so it reads
 * process.env (credentials, time zone) and prints where each setting came from.
 */
import { CLI_USAGE, EXAMPLE_VDN, parseCliArgs, type CliConfig } from './cli-args.js';
import { startSimulator } from './server.js';

const STATUS = { 1: 'draft', 2: 'running', 3: 'paused', 4: 'completed' } as const;

async function main(): Promise<void> {
  let config: CliConfig;
  try {
    config = parseCliArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${CLI_USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(CLI_USAGE);
    return;
  }

  const sim = await startSimulator({ ...config.options, log: (line) => console.log(`  ${line}`) });
  for (const c of config.collapses) {
    const at = new Date(sim.world.clock().getTime() + c.minutesFromNow * 60_000);
    try {
      sim.collapse({ vdn: c.vdn, campaignId: c.campaignId, at });
      console.log(`collapse: campaign ${c.campaignId} (VDN ${c.vdn}) connects at 5% from ${at.toISOString()}`);
    } catch (err) {
      console.error(`--collapse: ${(err as Error).message}`);
      await sim.close();
      process.exit(2);
    }
  }

  const campaigns = sim.world.campaigns(EXAMPLE_VDN);
  const running = campaigns.find((c) => c.status === 2);
  const example = [2, 3, 1, 4]
    .map((s) => campaigns.find((c) => c.status === s))
    .filter((c) => c !== undefined)
    .map((c) => `${c.id} (${STATUS[c.status]}, device type ${c.deviceType}, "${c.name}")`);
  const callId = running ? sim.world.sampleCallIds(EXAMPLE_VDN, String(running.id), 1)[0] : undefined;

  console.log(`AICC simulator listening on ${sim.url}`);
  for (const line of config.describe) console.log(`  ${line}`);
  console.log(`  example VDN ${EXAMPLE_VDN}, campaigns:`);
  for (const line of example) console.log(`    ${line}`);
  console.log(`  sample call id: ${callId ?? '(none yet today)'}`);
  console.log(`  voice bots: ${sim.world.bots.map((b) => b.accessCode).join(', ') || '(none)'}`);
  console.log(`  control: GET ${sim.url}/__sim/state  (faults, scenario, calls, requests)`);
  if (sim.caCert) console.log(`  self-signed certificate (trust it as the CA):\n${sim.caCert}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
