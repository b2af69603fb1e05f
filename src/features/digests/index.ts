/** Digests: `/aicc digest …`, the Run now button, the schedule and the service that posts them. */
import { handleDigestAdd } from './handle-add.js';
import { handleDigestList } from './handle-list.js';
import { handleDigestPause, handleDigestRemove, handleDigestResume, handleDigestRun } from './handle-manage.js';

export { DIGESTS_COMMANDS } from './commands.js';
export { registerDigestsListeners as registerDigestsActions } from './register.js';
export { openDigestFormFromCommand, type DigestFormDeps } from './form-listeners.js';
export { DIGEST_EDIT_ACTION, DIGEST_NEW_ACTION } from './form.js';
export { DIGEST_RUN_ACTION, scopeWords as digestScopeWords } from './render-list.js';
export { describeSchedule } from './schedule.js';
export { createDigestService, type DigestService } from './service.js';
export type { DigestsDeps } from './deps.js';

export const DIGESTS_HANDLERS = {
  'digest add': handleDigestAdd,
  'digest list': handleDigestList,
  'digest remove': handleDigestRemove,
  'digest pause': handleDigestPause,
  'digest resume': handleDigestResume,
  'digest run': handleDigestRun,
};
