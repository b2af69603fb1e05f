/** What the console's composer sends: the text as Slack's @ and # suggestions would have made it. */
import { describe, expect, it } from 'vitest';
import { escapeCommandText } from '../../../../local/console/api.js';
import { DEMO_CHANNELS, DEMO_USERS } from '../../../../local/console/demo.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { COMMANDS } from '../../../../src/features/index.js';

describe('escapeCommandText', () => {
  it('turns #channel, @person, @group and @here into Slack\'s escapes; unknown names stay text', () => {
    const text = escapeCommandText('alert add success_rate < 40 all #outbound-ops mention:@supervisors @mei @here @nobody', DEMO_CHANNELS, DEMO_USERS);
    expect(text).toBe('alert add success_rate &lt; 40 all <#C0OUTBOUND|outbound-ops> mention:<!subteam^S0SUPERVISORS|@supervisors> <@U0SUPERV|mei> <!here> @nobody');
  });

  it('makes the README\'s alert example with a group mention parse as Slack would send it', () => {
    const text = escapeCommandText('alert add success_rate < 40 all min:100 for:15m #outbound-ops mention:@supervisors', DEMO_CHANNELS, DEMO_USERS);
    const parsed = parseCommand(text, COMMANDS);
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.command === 'alert add') expect(parsed.options.mention).toContain('S0SUPERVISORS');
  });
});
