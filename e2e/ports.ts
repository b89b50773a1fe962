/** Fixed loopback ports of the e2e servers, so tests and configs agree. */
export const APP_PORT = 4183;
export const HUB_PORT = 5180;
export const CDN_PORT = 5181;
export const HUB_URL = `http://127.0.0.1:${HUB_PORT}`;
export const CDN_URL = `http://127.0.0.1:${CDN_PORT}`;
