export { createTracker } from './src/events/tracker';
export { safeStorage } from './src/util/storage';
