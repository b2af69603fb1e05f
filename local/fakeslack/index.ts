/** The fake Slack: a Web API server, and the signed requests Slack would send to the app. */
export * from './server.js';
export * from './sign.js';
export * from './socket-mode.js';
export * from './interactions.js';
