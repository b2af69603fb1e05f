/** `/aicc status`: collector health per source, next digests, recent deliveries. */
import { handleStatus } from './handle-status.js';

export { STATUS_COMMANDS } from './commands.js';
export type { StatusDeps } from './deps.js';

export const STATUS_HANDLERS = { status: handleStatus };
