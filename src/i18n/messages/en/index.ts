/** The English catalogue, one namespace a file; its keys are the keys of every catalogue. */
import { alerts } from './alerts.js';
import { common } from './common.js';
import { consoleUi } from './console-ui.js';
import { digests } from './digests.js';
import { errors } from './errors.js';
import { help } from './help.js';
import { home } from './home.js';
import { language } from './language.js';
import { queries } from './queries.js';
import { share } from './share.js';
import { status } from './status.js';

export const en = { alerts, common, consoleUi, digests, errors, help, home, language, queries, share, status };
