/**
 * Block Kit builders for forms (modals): input blocks and the elements the bot's forms use, and
 * the modal itself with Slack's limits applied (title, submit and close at most 24 characters,
 * 100 blocks, private metadata at most 3,000 characters). Pure.
 */
import type {
  Checkboxes,
  ConversationsSelect,
  ExternalSelect,
  InputBlock,
  KnownBlock,
  ModalView,
  MultiExternalSelect,
  Option,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  RadioButtons,
  StaticSelect,
  Timepicker,
  UsersSelect,
} from '@slack/types';
import { type Translator } from '../../i18n/index.js';
import { truncate } from '../format.js';

/** A choice as `[value, label]`. */
export type Choice = readonly [value: string, label: string];

const plain = (text: string, max = 3000): PlainTextElement => ({ type: 'plain_text', text: truncate(text, max), emoji: true });

/** An option (labels at most 75 characters, values at most 150, as Slack requires). */
export const option = ([value, label]: Choice): PlainTextOption => ({ text: plain(label, 75), value: truncate(value, 150) });

type InputElement = InputBlock['element'];

/** An input block; `blockId` is where its errors show and how its value is read. */
export function input(blockId: string, label: string, element: InputElement, opts: { optional?: boolean; hint?: string } = {}): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    element,
    ...(opts.optional ? { optional: true } : {}),
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  };
}

export function textInput(actionId: string, opts: { initial?: string; placeholder?: string; maxLength?: number } = {}): PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: actionId,
    ...(opts.initial !== undefined && opts.initial !== '' ? { initial_value: opts.initial } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
    ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
  };
}

export function staticSelect(actionId: string, choices: readonly Choice[], opts: { initial?: string; placeholder?: string } = {}): StaticSelect {
  const initial = choices.find(([v]) => v === opts.initial);
  return {
    type: 'static_select',
    action_id: actionId,
    options: choices.slice(0, 100).map(option),
    ...(initial ? { initial_option: option(initial) } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  };
}

/** A select whose options the bot sends on demand (`block_suggestion` to `actionId`). */
export function externalSelect(actionId: string, opts: { initial?: Choice; placeholder?: string; minQueryLength?: number } = {}): ExternalSelect {
  return {
    type: 'external_select',
    action_id: actionId,
    min_query_length: opts.minQueryLength ?? 0,
    ...(opts.initial ? { initial_option: option(opts.initial) } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  };
}

export function multiExternalSelect(actionId: string, opts: { initial?: readonly Choice[]; placeholder?: string; max?: number } = {}): MultiExternalSelect {
  return {
    type: 'multi_external_select',
    action_id: actionId,
    min_query_length: 0,
    ...(opts.initial && opts.initial.length > 0 ? { initial_options: opts.initial.map(option) } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
    ...(opts.max ? { max_selected_items: opts.max } : {}),
  };
}

/** A channel picker; with no initial channel, the one the form was opened from. */
export function conversationsSelect(actionId: string, opts: { initial?: string; placeholder?: string } = {}): ConversationsSelect {
  return {
    type: 'conversations_select',
    action_id: actionId,
    ...(opts.initial ? { initial_conversation: opts.initial } : { default_to_current_conversation: true }),
    filter: { include: ['public', 'private'], exclude_bot_users: true },
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  };
}

export function usersSelect(actionId: string, opts: { initial?: string; placeholder?: string } = {}): UsersSelect {
  return {
    type: 'users_select',
    action_id: actionId,
    ...(opts.initial ? { initial_user: opts.initial } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  };
}

/** `HH:mm`, 24-hour. */
export function timepicker(actionId: string, initial?: string): Timepicker {
  return { type: 'timepicker', action_id: actionId, ...(initial ? { initial_time: initial } : {}) };
}

export function checkboxes(actionId: string, choices: readonly Choice[], initial: readonly string[] = []): Checkboxes {
  const picked = choices.filter(([v]) => initial.includes(v)).map(option) as Option[];
  return { type: 'checkboxes', action_id: actionId, options: choices.map(option), ...(picked.length > 0 ? { initial_options: picked } : {}) };
}

export function radios(actionId: string, choices: readonly Choice[], initial?: string): RadioButtons {
  const picked = choices.find(([v]) => v === initial);
  return { type: 'radio_buttons', action_id: actionId, options: choices.map(option), ...(picked ? { initial_option: option(picked) } : {}) };
}

export interface ModalInput {
  callbackId: string;
  title: string;
  blocks: KnownBlock[];
  /** Shown on the submit button; absent for a modal that only informs. */
  submit?: string;
  close?: string;
  /** The reader's language, for the default close button (Cancel / Close). */
  tr: Translator;
  /** Context the submission needs back (a rule id, a channel); at most 3,000 characters. */
  privateMetadata?: string;
}

/** A modal view within Slack's limits. */
export function modal(m: ModalInput): ModalView {
  if ((m.privateMetadata ?? '').length > 3000) throw new Error('private_metadata is longer than 3,000 characters');
  const { tr } = m;
  return {
    type: 'modal',
    callback_id: m.callbackId,
    title: plain(m.title, 24),
    ...(m.submit ? { submit: plain(m.submit, 24) } : {}),
    close: plain(m.close ?? tr.t(m.submit ? 'share.modal.cancel' : 'share.modal.close'), 24),
    blocks: m.blocks.slice(0, 100),
    ...(m.privateMetadata ? { private_metadata: m.privateMetadata } : {}),
  };
}
