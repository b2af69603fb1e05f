/**
 * What the console page shows: the fake workspace's messages plus the commands people typed, in
 * the order they happened, each rendered to HTML with a stable element id. The fake workspace
 * stays the source of truth for message content; this only adds arrival order and time, the
 * command lines, and turns a workspace change into the page updates it needs (a thread reply
 * re-renders its parent, a deleted parent's replies move to the top level).
 */
import type { FakeMessage, MessageChange } from '../fakeslack/index.js';
import type { ConsoleChannel, ConsoleUser } from './demo.js';
import { messageToHtml, type MessageAuthor, type MessageView } from './message-html.js';
import type { MentionNames } from './mrkdwn-html.js';

/** One top-level entry of a channel's timeline, rendered. */
export interface TimelineItem {
  id: string;
  channel: string;
  /** Arrival order across the console; the page sorts by it. */
  order: number;
  html: string;
}

export type TimelineUpdate = { type: 'upsert'; item: TimelineItem } | { type: 'remove'; id: string; channel: string };

export interface TimelineOptions {
  /** The workspace's current messages (the fake's `messages`). */
  messages: (channel?: string) => FakeMessage[];
  channels: readonly ConsoleChannel[];
  users: readonly ConsoleUser[];
  botName?: string;
  now: () => Date;
  /** Typed command lines kept (oldest dropped first). */
  maxCommands?: number;
}

interface Arrival {
  order: number;
  at: Date;
}

interface CommandLine extends Arrival {
  id: string;
  channel: string;
  user: string;
  text: string;
}

const isReply = (m: FakeMessage) => m.threadTs !== undefined && m.threadTs !== m.ts;
const key = (m: FakeMessage) => `${m.channel}:${m.ts}`;
const safeId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** The element id of a workspace message. */
export function messageDomId(channel: string, ts: string): string {
  return `m-${safeId(channel)}-${safeId(ts)}`;
}

/** `HH:MM` in the server's local time; the console runs on the viewer's machine. */
function clockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export class Timeline {
  private seq = 0;
  private readonly arrivals = new Map<string, Arrival>();
  private readonly commands: CommandLine[] = [];
  private readonly names: MentionNames;
  private readonly people: Map<string, MessageAuthor>;
  private readonly bot: MessageAuthor;

  constructor(private readonly opts: TimelineOptions) {
    this.names = {
      users: new Map(opts.users.map((u) => [u.id, u.realName])),
      channels: new Map(opts.channels.map((c) => [c.id, c.name])),
    };
    this.people = new Map(opts.users.map((u, i) => [u.id, { name: u.realName, isBot: false, colour: i }]));
    this.bot = { name: opts.botName ?? 'AICC Ops', isBot: true };
    // Messages posted before the console started keep the workspace's order.
    for (const m of opts.messages()) this.arrival(m);
  }

  /** Every top-level entry of every channel, oldest first. */
  items(): TimelineItem[] {
    const all = this.opts.messages();
    const tops = all.filter((m) => !isReply(m) || !all.some((p) => p.channel === m.channel && p.ts === m.threadTs));
    const items = [...tops.map((m) => this.item(m, all)), ...this.commands.map((c) => this.commandItem(c))];
    return items.sort((a, b) => a.order - b.order);
  }

  /** Records a typed slash command as the user's line in the channel. */
  addCommand(channel: string, user: string, text: string): TimelineUpdate {
    const line: CommandLine = { id: `c-${this.seq + 1}`, order: ++this.seq, at: this.opts.now(), channel, user, text };
    this.commands.push(line);
    if (this.commands.length > (this.opts.maxCommands ?? 500)) this.commands.shift();
    return { type: 'upsert', item: this.commandItem(line) };
  }

  /** The page updates for one workspace change. */
  apply(change: MessageChange): TimelineUpdate[] {
    const m = change.message;
    if (change.kind === 'deleted') this.arrivals.delete(key(m));
    else this.arrival(m);
    const all = this.opts.messages(m.channel);
    const parent = isReply(m) ? all.find((p) => p.ts === m.threadTs) : undefined;
    if (parent) return [this.upsert(parent, all)];
    if (change.kind === 'deleted') {
      const orphans = all.filter((r) => r.threadTs === m.ts && isReply(r));
      return [{ type: 'remove', id: messageDomId(m.channel, m.ts), channel: m.channel }, ...orphans.map((o) => this.upsert(o, all))];
    }
    return [this.upsert(m, all)];
  }

  private upsert(m: FakeMessage, all: readonly FakeMessage[]): TimelineUpdate {
    return { type: 'upsert', item: this.item(m, all) };
  }

  private arrival(m: FakeMessage): Arrival {
    const k = key(m);
    let a = this.arrivals.get(k);
    if (!a) {
      a = { order: ++this.seq, at: this.opts.now() };
      this.arrivals.set(k, a);
    }
    return a;
  }

  private item(m: FakeMessage, all: readonly FakeMessage[]): TimelineItem {
    const replies = all
      .filter((r) => r.channel === m.channel && r.threadTs === m.ts && isReply(r))
      .sort((a, b) => this.arrival(a).order - this.arrival(b).order);
    const view = { ...this.view(m), replies: replies.map((r) => this.view(r)) };
    return { id: view.id, channel: m.channel, order: this.arrival(m).order, html: messageToHtml(view, this.names) };
  }

  private view(m: FakeMessage): MessageView {
    return {
      id: messageDomId(m.channel, m.ts),
      channel: m.channel,
      ts: m.ts,
      // Everything in the fake workspace was posted by the bot; people only type commands here.
      author: this.people.get(m.user) ?? this.bot,
      time: clockTime(this.arrival(m).at),
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.blocks !== undefined ? { blocks: m.blocks } : {}),
      ...(m.ephemeralTo !== undefined ? { ephemeralTo: m.ephemeralTo } : {}),
      edited: m.edited,
      ...(m.files ? { files: m.files } : {}),
    };
  }

  private commandItem(c: CommandLine): TimelineItem {
    const author = this.people.get(c.user) ?? { name: c.user, isBot: false };
    // As in Slack, what someone typed is shown to them, not to the others in the channel.
    const html = messageToHtml({ id: c.id, channel: c.channel, author, time: clockTime(c.at), command: c.text, visibleTo: c.user }, this.names);
    return { id: c.id, channel: c.channel, order: c.order, html };
  }
}
