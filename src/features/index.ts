/**
 * The feature registry: every `/aicc` command row with its handler, and every button listener.
 * Each feature lives in its own folder (queries, digests, alerts, status, language); this file only puts
 * them together, and the compiler checks that every row has a handler that takes its input.
 */
import type { App } from '@slack/bolt';
import { createActionRegistry } from '../slack/actions.js';
import type { HandlerResult, Invocation } from '../slack/commands/handler.js';
import { helpCommand } from '../slack/commands/help-command.js';
import { registerAiccCommand } from '../slack/commands/listener.js';
import type { RunnerDeps } from '../slack/commands/run.js';
import type { CommandInput } from '../slack/commands/spec.js';
import { isRejectedRequest, requestGate } from '../slack/request-gate.js';
import { registerShareAction } from '../slack/share-action.js';
import { ALERTS_COMMANDS, ALERTS_HANDLERS, openAlertFormFromCommand, registerAlertsActions, type AlertsDeps } from './alerts/index.js';
import { DIGESTS_COMMANDS, DIGESTS_HANDLERS, openDigestFormFromCommand, registerDigestsActions, type DigestsDeps } from './digests/index.js';
import { registerHomeListeners, type HomeDeps } from './home/index.js';
import { QUERIES_COMMANDS, QUERIES_HANDLERS, registerQueriesActions, type QueriesDeps } from './queries/index.js';
import { STATUS_COMMANDS, STATUS_HANDLERS, type StatusDeps } from './status/index.js';
import { LANGUAGE_COMMANDS, LANGUAGE_HANDLERS, registerLanguageListeners, type LanguageDeps } from './language/index.js';

/** Every `/aicc` command, in the order help lists them. */
export const COMMANDS = [helpCommand, ...QUERIES_COMMANDS, ...DIGESTS_COMMANDS, ...ALERTS_COMMANDS, ...STATUS_COMMANDS, ...LANGUAGE_COMMANDS] as const;

export type Commands = typeof COMMANDS;
/** The name of a command of {@link COMMANDS}. */
export type CommandName = Commands[number]['name'];
/** What a handler of `/aicc NAME` receives, typed: `AiccInput<'campaigns'>['options']['page']` is `number | undefined`. */
export type AiccInput<N extends CommandName> = CommandInput<Commands, N>;

/** What all features together need; the composition root builds one such object. */
export type FeatureDeps = QueriesDeps & DigestsDeps & AlertsDeps & StatusDeps & HomeDeps & LanguageDeps;

type Handler<N extends CommandName> = (input: AiccInput<N>, inv: Invocation, deps: FeatureDeps) => Promise<HandlerResult>;

/** The handler of every command but `help` (the router answers it from the table). */
export const HANDLERS = { ...QUERIES_HANDLERS, ...DIGESTS_HANDLERS, ...ALERTS_HANDLERS, ...STATUS_HANDLERS, ...LANGUAGE_HANDLERS } satisfies { [N in Exclude<CommandName, 'help'>]: Handler<N> };

/** Interactions after which the Home tab may show something new (a rule added, an alert acknowledged…). */
const CHANGES = new Set(['block_actions', 'view_submission']);

/** Registers the request gate, `/aicc` (and the forms its bare `alert add` / `digest add` open), Share, every feature's listeners and the Home tab on the app. */
export function registerFeatures(app: App, featureDeps: FeatureDeps & Omit<RunnerDeps<FeatureDeps>, 'table'>): void {
  const deps = { ...featureDeps, table: { commands: COMMANDS, handlers: // Each handler takes its own row's input; `satisfies` above checked that pairing.
    HANDLERS as unknown as RunnerDeps<FeatureDeps>['table']['handlers'] } };
  const actions = createActionRegistry(app);
  app.use(requestGate({ command: '/aicc', knownActions: actions.ids, knownViews: actions.views, knownOptions: actions.optionIds, knownEvents: actions.events }));
  app.use(async ({ body, next }) => {
    await next();
    const b = body as { command?: unknown; type?: unknown };
    if (typeof b.command === 'string' || CHANGES.has(String(b.type))) deps.home.changed();
  });
  // i18n-ok-next: command words
  registerAiccCommand(app, deps, { 'alert add': openAlertFormFromCommand(deps), 'digest add': openDigestFormFromCommand(deps) });
  registerShareAction(actions, deps);
  registerQueriesActions(actions, deps);
  registerAlertsActions(actions, deps);
  registerDigestsActions(actions, deps);
  registerHomeListeners(actions, deps);
  registerLanguageListeners(actions, deps);
  app.error(async (error) => {
    // Rethrown so the receiver answers 400 (see slack/app.ts); everything else is logged here.
    if (isRejectedRequest(error)) throw error;
    deps.log.error('unhandled listener error', { error: error.message, code: error.code });
  });
}
