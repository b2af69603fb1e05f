/**
 * The reference the bot is held to: a bare Bolt app (HTTP receiver, one `/aicc` listener) that
 * only acknowledges, or acknowledges and then answers through response_url with Bolt's
 * `respond()`: "ok", or a message given per command text (the bot's own answers, replayed). It runs
 * on the calling thread, against the fake Slack of an outside world of its own (as stack.ts starts
 * the bot).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { silentLogger } from '../src/platform/log.js';
import { boltLogger } from '../src/slack/app.js';
import { spawnOutsideWorld, type OutsideWorld } from './outside-world.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slash-client.js';

export interface BareBolt {
  url: string;
  /** Its fake Slack and client (no simulator: the app asks AICC nothing). */
  world: OutsideWorld;
  /** Stops the app, then the outside world. */
  close(): Promise<void>;
}

/** What the app answers: nothing, "ok", or the message for each command text. */
export type BareAnswers = false | 'ok' | ((text: string) => Record<string, unknown>);

export async function startBareBolt(answers: BareAnswers): Promise<BareBolt> {
  const world = spawnOutsideWorld();
  try {
    const { slackUrl } = await world.start({});
    const app = new App({ token: BOT_TOKEN, signingSecret: SIGNING_SECRET, logger: boltLogger(silentLogger), clientOptions: { slackApiUrl: slackUrl } });
    app.command('/aicc', async ({ ack, respond, command }) => {
      await ack();
      if (answers === 'ok') await respond({ response_type: 'ephemeral', text: 'ok' });
      else if (answers) await respond(answers(command.text));
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      world,
      async close() {
        server.closeAllConnections();
        await app.stop();
        await world.close();
      },
    };
  } catch (error) {
    await world.close();
    throw error;
  }
}
