export * from './ack';
export * from './commands';
export * from './events';
export * as schemas from './schemas';
