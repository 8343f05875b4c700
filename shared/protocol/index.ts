export * from './ack';
export * from './events';
export * as schemas from './schemas';
